public import Foundation
public import UploadPolicy

/// Load problems reported through the lint's channel, keeping the engine's `policy.*` codes and messages.
extension LintContext {
    /// The finding for one load error, located in the file: a pattern error points at the offending
    /// character (PCRE2's offset, in characters of the pattern), an unknown key at the key, anything else at
    /// the value its path names.
    func finding(for error: PolicyLoadError, syntaxError: JSONSyntaxError?) -> LintFinding {
        let id = FindingID(error.code)
        if error.code == .invalidJSON {
            guard let syntaxError else {
                return LintFinding(id: id, file: file, path: error.path, message: error.message)
            }
            // The same parser refused the text for the source map: its message, placed at its line and column.
            let lead =
                error.message.contains("is this a policy file?")
                ? "not valid JSON (is this a policy file?)"
                : "not valid JSON"
            var finding = LintFinding(id: id, file: file, path: error.path, message: "\(lead): \(syntaxError.message)")
            finding.location = TextLocation(line: syntaxError.line, column: syntaxError.column)
            return finding
        }
        if error.code == .invalidPattern, let offset = error.offset, let pattern = sourceMap?.string(at: error.path) {
            let scalar = String(pattern.prefix(offset)).unicodeScalars.count
            return finding(id, at: error.path, error.message, highlight: scalar..<scalar)
        }
        return finding(id, at: error.path, error.message, atKey: error.code == .unknownKey)
    }
}

extension PolicyLinter {
    /// Load errors as located findings, for commands that load policies without linting them (`test`), so
    /// they report a broken policy exactly as lint does.
    /// - Parameters:
    ///   - errors: What ``PolicyLoader`` reported for the file.
    ///   - data: The file's bytes.
    ///   - file: The name the errors carry.
    public func locate(_ errors: [PolicyLoadError], in data: Data, file: String) -> [LintFinding] {
        var sourceMap: JSONSourceMap?
        var syntaxError: JSONSyntaxError?
        do {
            sourceMap = try JSONSourceMap(bytes: Array(data))
        } catch {
            syntaxError = error
        }
        let context = LintContext(file: file, sourceMap: sourceMap, mimeDatabase: mimeDatabase)
        return errors.map { context.finding(for: $0, syntaxError: syntaxError) }.sorted(by: Self.order)
    }
}

extension LintFinding {
    /// A path named on the command line (or found in a folder) that cannot be read.
    public static func unreadable(_ file: String, _ message: String) -> LintFinding {
        LintFinding(id: FindingID(.unreadable), file: file, path: "", message: message)
    }
}
