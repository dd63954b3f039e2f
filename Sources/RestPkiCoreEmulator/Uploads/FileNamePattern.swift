import Foundation

/// The subscription's acceptable file name pattern: a regular expression the name must contain a match of.
///
/// Matching is an unanchored, case-sensitive search over the whole name, as .NET's `Regex.IsMatch` does, so the
/// documented example `^[PX]\d{6}\.pdf$` anchors itself and `\d{6}` alone accepts any name containing six
/// digits. ICU (`NSRegularExpression`) is close to .NET for common constructs: `\d` matches any Unicode digit in
/// both, and `$` also matches before a final newline in both. They differ on rarer syntax (class subtraction).
struct FileNamePattern: Sendable {
    /// The pattern as configured.
    let source: String
    private let expression: NSRegularExpression

    /// Compiles a pattern.
    ///
    /// - Throws: `RestPkiEmulatorError` naming the pattern when ICU refuses it.
    init(_ source: String) throws(RestPkiEmulatorError) {
        do {
            expression = try NSRegularExpression(pattern: source)
        } catch {
            throw RestPkiEmulatorError(
                "the acceptable file name pattern '\(source)' is not a valid regular "
                    + "expression: \(error.localizedDescription)")
        }
        self.source = source
    }

    /// Whether `name` contains a match.
    func admits(_ name: String) -> Bool {
        expression.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) != nil
    }
}
