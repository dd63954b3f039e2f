/// The Unicode scalars the built-in checks look for. Shared within the package, so that what the decision log
/// escapes is exactly what the checks refuse.
package enum CharacterClasses {
    /// C0 and C1 controls, NUL and DEL included.
    package static func isControl(_ value: UInt32) -> Bool {
        value < 0x20 || (value >= 0x7F && value <= 0x9F)
    }

    /// Bidirectional embedding, override and isolate controls and the implicit marks (LRM, RLM, ALM).
    package static func isBidiControl(_ value: UInt32) -> Bool {
        (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            || value == 0x200E || value == 0x200F || value == 0x061C
    }

    /// Characters that render as nothing or as blank space without being spaces. ZWJ and ZWNJ are listed here
    /// and excused by ``NameInspector`` where they join emoji or letters.
    package static func isInvisible(_ value: UInt32) -> Bool {
        switch value {
        case 0x00AD,  // soft hyphen
            0x034F,  // combining grapheme joiner
            0x115F, 0x1160, 0x3164, 0xFFA0,  // Hangul fillers
            0x17B4, 0x17B5,  // Khmer inherent vowels
            0x180E,  // Mongolian vowel separator
            0x200B, 0x200C, 0x200D,  // zero-width space, non-joiner, joiner
            0x2060...0x2064,  // word joiner, invisible operators
            0x206A...0x206F,  // deprecated format characters
            0x2800,  // Braille pattern blank
            0xFEFF,  // byte-order mark / zero-width no-break space
            0xFFF9...0xFFFB,  // interlinear annotation
            0x1D173...0x1D17A,  // musical invisible formatting
            0xE0000...0xE007F:  // tags
            return true
        default:
            return false
        }
    }

    package static let zeroWidthJoiner: UInt32 = 0x200D
    static let zeroWidthNonJoiner: UInt32 = 0x200C
    static let blackFlag: UInt32 = 0x1F3F4

    /// Scalars that extend an emoji without being one: variation selector 16, skin-tone modifiers, tags.
    static func isEmojiExtender(_ value: UInt32) -> Bool {
        value == 0xFE0F || (0x1F3FB...0x1F3FF).contains(value) || (0xE0020...0xE007F).contains(value)
    }

    /// A pictographic emoji (not the ASCII digits, `#` and `*` that Unicode also marks as emoji).
    static func isPictographic(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.isASCII && scalar.properties.isEmoji
    }

    /// A letter or mark outside ASCII, where ZWJ and ZWNJ legitimately shape text (Persian, Indic scripts).
    static func isJoiningLetter(_ scalar: Unicode.Scalar) -> Bool {
        guard !scalar.isASCII else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }
}
