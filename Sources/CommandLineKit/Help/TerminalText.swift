/// Making untrusted text safe to print on a terminal.
public enum TerminalText {
    /// `text` with every character that could move the cursor, recolour the terminal or reorder what is shown
    /// replaced by a visible `\u{XXXX}` escape: C0 and C1 controls (newline and tab included), DEL, and the
    /// bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069).
    ///
    /// Use it for any text the user or the file system supplied (command-line tokens, file names) before it
    /// goes into a message: an escape sequence in a file name must not be able to rewrite the screen, and a
    /// right-to-left override must not make `exe.pdf` look like `fdp.exe`.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var output = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                output += "\\u{" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "}"
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// Whether `visible(_:)` escapes the scalar.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
