import CommandLineKit

/// Making names and messages from policies and file systems safe and honest on a terminal.
enum Display {
    /// `text` with controls and bidi controls escaped (as ``TerminalText/visible(_:)``) and, because these
    /// reports exist to show what is really in a name, invisible characters escaped too: zero-width spaces, the
    /// BOM, soft hyphens, Braille and Hangul blanks. A ZWJ is left alone, so emoji sequences still render.
    static func visible(_ text: String) -> String {
        let escaped = TerminalText.visible(text)
        guard escaped.unicodeScalars.contains(where: isInvisible) else { return escaped }
        var output = ""
        for scalar in escaped.unicodeScalars {
            if isInvisible(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                output += "\\u{" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "}"
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// A name in quotes, escaped as ``visible(_:)``.
    static func quoted(_ text: String) -> String { "'" + visible(text) + "'" }

    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x200B, 0x200C, 0x2060...0x2064,
            0x206A...0x206F, 0x2800, 0x3164, 0xFEFF, 0xFFA0, 0xFFF9...0xFFFB, 0xE0000...0xE007F:
            return true
        default:
            return false
        }
    }

    /// "1 file", "2 files".
    static func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(number) " + (number == 1 ? singular : plural ?? singular + "s")
    }
}
