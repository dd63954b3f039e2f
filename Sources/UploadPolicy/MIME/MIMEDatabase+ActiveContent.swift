extension MIMEDatabase {
    /// Programs and scripts under names libmagic or browsers use that shared-mime-info lacks, or files apart
    /// from `application/x-executable` (`text/x-php` is only a `text/plain` there).
    public static let programTypes: Set<String> = [
        "text/x-shellscript", "application/x-pie-executable", "application/x-dosexec", "application/x-msdownload",
        "application/x-mach-binary", "text/x-script.python", "text/x-perl", "text/x-php", "application/x-php",
        "text/x-ruby", "text/x-msdos-batch", "application/x-bat", "application/x-bytecode.python",
    ]

    /// Web content that runs scripts when a browser opens it.
    public static let scriptableWebTypes: [String] = ["text/html", "application/xhtml+xml", "image/svg+xml"]

    /// Whether content of this type is a program or a script: listed in ``programTypes``, or a kind of
    /// `application/x-executable` (shell, Python, Perl, JavaScript …) or `application/x-sharedlib`.
    public func isProgram(_ type: String) -> Bool {
        let type = canonical(type)
        return Self.programTypes.contains(type) || isKind(canonical: type, of: "application/x-executable")
            || isKind(canonical: type, of: "application/x-sharedlib")
    }

    /// Whether content of this type runs when it is opened: a program or script, a web page or image that
    /// carries scripts (HTML, XHTML, SVG, and kinds of them), or a macro-enabled Office document.
    ///
    /// shared-mime-info files such types under harmless ones (every `text/*` is a `text/plain`, SVG and XHTML
    /// are XML, a `.docm` is a `.docx`), so "a kind of" alone would let them pass for what they extend.
    public func canRun(_ type: String) -> Bool {
        let type = canonical(type)
        return isProgram(type) || Self.scriptableWebTypes.contains { isKind(canonical: type, of: $0) }
            || type.lowercased().contains("macroenabled")
    }

    /// Whether content of type `type` may pass for `expected`: it is `expected` or a kind of it, and it cannot run
    /// unless `expected` can. shared-mime-info's "kind of" alone lets an HTML page pass for plain text, an SVG
    /// for XML and a `.docm` for a `.docx`. Both types canonical.
    public func passes(canonical type: String, for expected: String) -> Bool {
        type == expected || (isKind(canonical: type, of: expected) && (!canRun(type) || canRun(expected)))
    }
}
