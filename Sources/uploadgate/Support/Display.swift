import CommandLineKit
import UploadPolicy

/// Making names and messages from policies and file systems safe and honest on a terminal.
enum Display {
    /// `text` with controls and bidi controls escaped (as ``TerminalText/visible(_:)``) and, because these
    /// reports exist to show what is really in a name, invisible characters escaped too: zero-width spaces, the
    /// BOM, soft hyphens, Braille and Hangul blanks. Joiners, tags and variation selectors are left alone only
    /// where the `invisibleCharacters` check excuses them (``CharacterClasses/forEachScalar(in:_:)``), so emoji,
    /// flag and ideographic variation sequences and Persian or Indic words still render; anywhere else they are
    /// escaped like any other invisible character.
    static func visible(_ text: String) -> String {
        let escaped = TerminalText.visible(text)
        var output = ""
        var changed = false
        CharacterClasses.forEachScalar(in: escaped) { scalar, hidden in
            // Controls and bidi controls are already escaped by TerminalText; what is left hidden is invisible.
            if hidden, CharacterClasses.isInvisible(scalar.value) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                output += "\\u{" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "}"
                changed = true
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return changed ? output : escaped
    }

    /// A name in quotes, escaped as ``visible(_:)``.
    static func quoted(_ text: String) -> String { "'" + visible(text) + "'" }

    /// "1 file", "2 files".
    static func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(number) " + (number == 1 ? singular : plural ?? singular + "s")
    }
}
