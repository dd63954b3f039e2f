import UploadPolicy

/// Load problems reported through the lint's channel, keeping the engine's `policy.*` codes and messages.
extension LintContext {
    /// The finding for one load error, located in the file: a pattern error points at the offending
    /// character (PCRE2's offset, in characters of the pattern), an unknown key at the key, anything else at
    /// the value its path names.
    func finding(for error: PolicyLoadError, syntaxError: JSONSourceMap.SyntaxError?) -> LintFinding {
        let id = FindingID(error.code)
        if error.code == .invalidJSON {
            var finding = LintFinding(id: id, file: file, path: error.path, message: error.message)
            if let syntaxError {
                finding.location = SourceLocation(line: syntaxError.position.line, column: syntaxError.position.column)
            }
            return finding
        }
        if error.code == .invalidPattern, let offset = error.offset, let pattern = sourceMap?.string(at: error.path) {
            let scalar = String(pattern.prefix(offset)).unicodeScalars.count
            return finding(id, at: error.path, error.message, highlight: scalar..<scalar)
        }
        return finding(id, at: error.path, error.message, atKey: error.code == .unknownKey)
    }
}

extension LintFinding {
    /// A path named on the command line (or found in a folder) that cannot be read.
    public static func unreadable(_ file: String, _ message: String) -> LintFinding {
        LintFinding(id: FindingID(.unreadable), file: file, path: "", message: message)
    }
}
