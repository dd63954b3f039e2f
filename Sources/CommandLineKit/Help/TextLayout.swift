/// Measuring, padding and wrapping text for a fixed-width terminal.
public enum TextLayout {
    /// The number of terminal columns a string takes.
    ///
    /// One per extended grapheme cluster (so combining accents and ZWJ emoji sequences count once), two for
    /// clusters that terminals draw double-width: East Asian wide and full-width characters and emoji
    /// presentation. Control characters count one (callers should make them visible first). This is an
    /// approximation of `wcwidth` that needs no locale.
    public static func displayWidth(_ text: some StringProtocol) -> Int {
        var width = 0
        for character in text {
            width += isWide(character) ? 2 : 1
        }
        return width
    }

    private static func isWide(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        if scalar.properties.isEmojiPresentation { return true }
        if character.unicodeScalars.count > 1, character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) {
            return true
        }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// `text` followed by spaces up to `width` display columns (unchanged when already as wide or wider).
    public static func pad(_ text: String, to width: Int) -> String {
        let missing = width - displayWidth(text)
        return missing > 0 ? text + String(repeating: " ", count: missing) : text
    }

    /// Splits `text` into lines of at most `width` columns, breaking at spaces.
    ///
    /// Runs of spaces collapse to one; a word wider than `width` gets a line of its own rather than being cut.
    /// Explicit newlines in `text` are kept as line breaks.
    public static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ") {
                let wordWidth = displayWidth(word)
                if lineWidth > 0, lineWidth + 1 + wordWidth > width {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                if lineWidth > 0 {
                    line += " "
                    lineWidth += 1
                }
                line += word
                lineWidth += wordWidth
            }
            lines.append(line)
        }
        return lines
    }

    /// Lays out `words` after `prefix`, continuing on new lines indented to line up after `prefix`.
    ///
    /// Used for usage lines, whose elements (`[--format <format>]`) must never be split inside.
    public static func hanging(prefix: String, words: [String], width: Int) -> [String] {
        let indent = displayWidth(prefix) + 1
        var lines: [String] = []
        var line = prefix
        var lineWidth = displayWidth(prefix)
        var lineHasWord = false
        for word in words {
            let wordWidth = displayWidth(word)
            if lineHasWord, lineWidth + 1 + wordWidth > width {
                lines.append(line)
                line = String(repeating: " ", count: indent - 1)
                lineWidth = indent - 1
            }
            line += " " + word
            lineWidth += 1 + wordWidth
            lineHasWord = true
        }
        lines.append(line)
        return lines
    }

    /// Lays out prose: paragraphs separated by blank lines are wrapped to `width`; a paragraph whose first line
    /// starts with a space is printed exactly as written (for examples and tables).
    public static func prose(_ text: String, width: Int) -> [String] {
        var output: [String] = []
        let paragraphs = text.splitParagraphs()
        for (number, paragraph) in paragraphs.enumerated() {
            if number > 0 { output.append("") }
            let trimmed = paragraph.trimmingNewlines()
            if trimmed.hasPrefix(" ") {
                output += trimmed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            } else {
                output += wrap(trimmed.split(separator: "\n").joined(separator: " "), width: width)
            }
        }
        return output
    }
}

extension String {
    fileprivate func trimmingNewlines() -> String {
        var text = Substring(self)
        while text.first == "\n" { text = text.dropFirst() }
        while text.last == "\n" { text = text.dropLast() }
        return String(text)
    }

    /// Splits at blank lines; several blank lines in a row count as one.
    fileprivate func splitParagraphs() -> [String] {
        var parts: [String] = []
        var rest = Substring(self)
        while let range = rest.firstRange(of: "\n\n") {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
            while rest.first == "\n" { rest = rest.dropFirst() }
        }
        parts.append(String(rest))
        return parts
    }
}
