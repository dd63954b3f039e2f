import UploadPolicy

/// `type.unknown`: an accept entry's type the MIME database does not know, as a type or an alias.
///
/// Such a type still works as an exact string, but no alias or subclass applies to it, and a typo
/// (`aplication/pdf`) silently accepts nothing a browser sends. Wildcards (`image/*`, `*/*`) are not checked.
enum TypeCheck {
    static func findings(in sourceMap: JSONSourceMap, context: LintContext) -> [LintFinding] {
        var findings: [LintFinding] = []
        for entry in 0..<sourceMap.count(at: "accept") {
            let typesPath = "accept[\(entry)].types"
            for index in 0..<sourceMap.count(at: typesPath) {
                let path = "\(typesPath)[\(index)]"
                guard let text = sourceMap.string(at: path), let media = MediaType(parsing: text),
                    media.parameters.isEmpty, media.type != "*", media.subtype != "*",
                    !context.mimeDatabase.isKnown(media.essence)
                else { continue }
                let message =
                    "'\(text)' is not in the MIME database, so no alias or subclass of it is recognised; "
                    + "only that exact type matches"
                let extensions = sourceMap.string(at: "accept[\(entry)].name").flatMap {
                    LiteralSuffix.unconditionalExtensions(of: $0, caseInsensitive: context.caseInsensitive)
                }
                let hint = suggestion(for: media.essence, extensions: extensions ?? [], context: context)
                findings.append(context.finding(.unknownType, at: path, message, hint: hint))
            }
        }
        return findings
    }

    /// "did you mean …?" from the closest known type, or from the types the entry's extensions imply.
    private static func suggestion(for essence: String, extensions: Set<String>, context: LintContext) -> String? {
        let database = context.mimeDatabase
        var candidates: [String] = []
        if let close = Suggestions.closest(to: essence, among: database.allTypes) { candidates.append(close) }
        for fileExtension in extensions.sorted() {
            if let implied = database.type(forFileName: "x." + fileExtension), !candidates.contains(implied) {
                candidates.append(implied)
            }
        }
        guard !candidates.isEmpty else { return nil }
        let listed = candidates.prefix(3).map { "'\($0)'" }.joined(separator: " or ")
        return "did you mean \(listed)? Known types are listed in /usr/share/mime/types"
    }
}
