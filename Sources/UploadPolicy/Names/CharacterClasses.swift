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

    /// Characters that render as nothing or as blank space without being spaces: every default-ignorable code
    /// point of Unicode (DerivedCoreProperties' `Default_Ignorable_Code_Point`, unassigned ones included) but the
    /// bidi controls, which ``isBidiControl(_:)`` covers, plus blanks that are not default-ignorable (U+2800,
    /// the interlinear annotation characters). ZWJ and ZWNJ are listed here and excused by ``NameInspector``
    /// where they join emoji or letters, as are variation selectors right after a character they can vary.
    package static func isInvisible(_ value: UInt32) -> Bool {
        switch value {
        case 0x00AD,  // soft hyphen
            0x034F,  // combining grapheme joiner
            0x115F, 0x1160, 0x3164, 0xFFA0,  // Hangul fillers
            0x17B4, 0x17B5,  // Khmer inherent vowels
            0x180B...0x180F,  // Mongolian free variation selectors and vowel separator
            0x200B, 0x200C, 0x200D,  // zero-width space, non-joiner, joiner
            0x2060...0x2065,  // word joiner, invisible operators, one unassigned
            0x206A...0x206F,  // deprecated format characters
            0x2800,  // Braille pattern blank
            0xFE00...0xFE0F,  // variation selectors 1–16
            0xFEFF,  // byte-order mark / zero-width no-break space
            0xFFF0...0xFFF8,  // unassigned, reserved as default-ignorable
            0xFFF9...0xFFFB,  // interlinear annotation
            0x1BCA0...0x1BCA3,  // shorthand format controls
            0x1D173...0x1D17A,  // musical invisible formatting
            0xE0000...0xE0FFF:  // tags, variation selectors 17–256, unassigned default-ignorables
            return true
        default:
            return false
        }
    }

    /// Variation selectors: VS1–16, VS17–256 and the Mongolian free variation selectors. Each picks a glyph
    /// for the one character before it and is invisible anywhere else.
    package static func isVariationSelector(_ value: UInt32) -> Bool {
        (0xFE00...0xFE0F).contains(value) || (0xE0100...0xE01EF).contains(value)
            || (0x180B...0x180D).contains(value) || value == 0x180F
    }

    /// Whether `selector` (a variation selector) can vary `base`, the character just before it: text or emoji
    /// presentation (VS15, VS16) of an emoji, keycap digits included; an ideographic variation (VS17–256) of a
    /// CJK ideograph; a Mongolian letter's free variation; a standardized variant (VS1–14) of a character of a
    /// kind Unicode's StandardizedVariants.txt varies: symbols (`≩`), punctuation (CJK and quotation marks),
    /// CJK ideographs (the compatibility ideographs' variants) and the letters of Myanmar, Phags-pa, Manichaean
    /// and Egyptian hieroglyphs. No letter of the alphabetic scripts (Latin, Greek, Cyrillic, Arabic, Hebrew,
    /// Indic…), no digit and no currency sign has one, so a selector after `é` or `я` renders as nothing.
    static func takesVariationSelector(_ selector: UInt32, after base: Unicode.Scalar) -> Bool {
        switch selector {
        case 0xFE0E, 0xFE0F:
            return base.properties.isEmoji
        case 0xE0100...0xE01EF:
            return base.properties.isUnifiedIdeograph
        case 0x180B...0x180F:
            return (0x1820...0x18AA).contains(base.value)
        default:
            guard !base.isASCII else { return false }
            switch base.properties.generalCategory {
            case .mathSymbol, .otherSymbol, .openPunctuation, .closePunctuation, .initialPunctuation,
                .finalPunctuation, .otherPunctuation:
                return true
            case .otherLetter:
                return base.properties.isUnifiedIdeograph
                    || standardizedVariantScripts.contains { $0.contains(base.value) }
            default:
                return false
            }
        }
    }

    /// The blocks of letters (`Lo`) StandardizedVariants.txt gives VS1–14 variants: Myanmar (and its Extended-A
    /// and -B), Phags-pa, Manichaean, Egyptian hieroglyphs.
    private static let standardizedVariantScripts: [ClosedRange<UInt32>] = [
        0x1000...0x109F, 0xA840...0xA87F, 0xA9E0...0xA9FF, 0xAA60...0xAA7F, 0x10AC0...0x10AFF, 0x13000...0x1343F,
    ]

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
