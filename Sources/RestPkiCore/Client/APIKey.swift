import Foundation

/// The API key, kept out of every printed form: `description`, `debugDescription` and reflection all show
/// `<redacted>`.
struct APIKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The key with surrounding whitespace removed; only ever written into the `X-Api-Key` header.
    let value: String
    /// Why the key cannot be sent, or nil when it is fine.
    let problem: String?

    init(_ raw: String) {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        value = trimmed
        if trimmed.isEmpty {
            problem = "the API key is empty"
        } else if trimmed.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0.value > 0x7E }) {
            problem = "the API key contains control or non-ASCII characters, which cannot go in an HTTP header"
        } else {
            problem = nil
        }
    }

    var description: String { "<redacted>" }
    var debugDescription: String { "<redacted>" }
    var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
