/// Writes JSON string contents (RFC 8259) for response bodies and the decision log.
///
/// Besides what JSON requires (quotes, backslashes, U+0000–U+001F), every character that could make a line
/// look other than it is when read in a terminal or log viewer is written as a `\uXXXX` escape: DEL and the C1
/// controls, the bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), zero-width
/// and invisible format characters (U+200B–U+200D, U+2060–U+2064, U+FEFF) and the line and paragraph
/// separators (U+2028, U+2029). JSON readers decode them back, so nothing is lost.
enum JSONText {
    /// Appends `value`, escaped, to `output` (without the surrounding quotes).
    static func escape(_ value: String, into output: inout String) {
        let plain = value.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }
        guard !plain else {
            output += value
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x22: output += "\\\""
            case 0x5C: output += "\\\\"
            case 0x0A: output += "\\n"
            case 0x0D: output += "\\r"
            case 0x09: output += "\\t"
            case 0x00..<0x20, 0x7F...0x9F, 0x061C, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064,
                0x2066...0x2069, 0xFEFF:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                output.unicodeScalars.append(scalar)
            }
        }
    }

    /// `"value"` escaped, or `null`.
    static func quoted(_ value: String?, into output: inout String) {
        guard let value else {
            output += "null"
            return
        }
        output += "\""
        escape(value, into: &output)
        output += "\""
    }
}
