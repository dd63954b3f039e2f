/// Escaping for XML 1.0 text and attribute values.
///
/// Besides `& < > " '`, XML 1.0 cannot carry most C0 control characters at all, not even as character
/// references, and file names under test may contain them (that is what the checks are for). Those characters
/// are written as visible `\u{XXXX}` text instead, so the report stays well-formed and still shows what was
/// there. In attributes, tab, line feed and carriage return become character references so that attribute
/// normalisation does not turn them into spaces.
public enum XMLEscaping {
    /// Escapes character data (element content).
    public static func text(_ value: String) -> String {
        escape(value, inAttribute: false)
    }

    /// Escapes an attribute value for use between double quotes.
    public static func attribute(_ value: String) -> String {
        escape(value, inAttribute: true)
    }

    private static func escape(_ value: String, inAttribute: Bool) -> String {
        var output = ""
        output.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"" where inAttribute: output += "&quot;"
            case "'" where inAttribute: output += "&apos;"
            case "\t" where inAttribute: output += "&#9;"
            case "\n" where inAttribute: output += "&#10;"
            case "\r": output += "&#13;"
            default:
                if isAllowed(scalar) {
                    output.unicodeScalars.append(scalar)
                } else {
                    output += visible(scalar)
                }
            }
        }
        return output
    }

    /// The XML 1.0 `Char` production: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    private static func visible(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "\\u{" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "}"
    }
}
