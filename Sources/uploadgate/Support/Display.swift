import CommandLineKit
import UploadPolicy

/// Making names and messages from policies and file systems safe and honest on a terminal.
enum Display {
    /// `text` with controls and bidi controls escaped (as ``TerminalText/visible(_:)``) and, because these
    /// reports exist to show what is really in a name, invisible characters escaped too: zero-width spaces, the
    /// BOM, soft hyphens, Braille and Hangul blanks. A ZWJ and variation selectors are left alone, so emoji
    /// and ideographic variation sequences still render.
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

    /// The characters the `invisibleCharacters` check refuses, but a ZWJ and variation selectors.
    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        CharacterClasses.isInvisible(scalar.value) && !CharacterClasses.shapesSequences(scalar.value)
    }

    /// "1 file", "2 files".
    static func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(number) " + (number == 1 ? singular : plural ?? singular + "s")
    }
}
