/// Unicode normalisation of names before any check or pattern runs.
enum NameNormalization {
    /// The name in Normalization Form C, so `Ü` typed on macOS (U + U+0308) equals the precomposed `Ü` that a
    /// pattern was written with.
    ///
    /// Names made only of characters NFC never changes, whatever their neighbours (``isInert(_:)``: ASCII,
    /// precomposed Latin, Cyrillic, CJK, kana, Hangul syllables, emoji …), are returned as they are, without
    /// work; the rest go through the standard library's own NFC normaliser (`_nfcCodeUnits`, the one behind
    /// `String` comparison), which is several times faster than Foundation's
    /// `precomposedStringWithCanonicalMapping` here.
    static func nfc(_ name: String) -> String {
        if name.utf8.withContiguousStorageIfAvailable(isInert) ?? false { return name }
        let normalized = name._nfcCodeUnits
        return normalized.elementsEqual(name.utf8) ? name : String(decoding: normalized, as: UTF8.self)
    }

    /// Whether NFC leaves every scalar of `utf8` (valid UTF-8) as it is.
    ///
    /// That holds when each scalar is in ``inertRanges``: its Normalization Form C quick-check value is Yes (it
    /// has no decomposition NFC keeps, so it maps to itself), its canonical combining class is 0 (nothing is
    /// reordered around it), and it is not the second half of any canonical composition (so it never merges
    /// into the character before it). UAX #15's quick check then answers "already NFC" for the whole name.
    static func isInert(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        if ASCII.isASCII(utf8) { return true }
        var scalars = UTF8Scalars(utf8)
        while let scalar = scalars.next() {
            if scalar >= 0x80, !isInert(scalar) { return false }
        }
        return scalars.isAtEnd  // not cut short by bytes a String never holds
    }

    /// Whether `scalar` lies in one of ``inertRanges``.
    static func isInert(_ scalar: UInt32) -> Bool {
        // The ranges are few and sorted; most names use one or two of them.
        for range in inertRanges {
            if scalar < range.lowerBound { return false }
            if scalar <= range.upperBound { return true }
        }
        return false
    }

    /// Blocks (or the parts of them) of characters NFC leaves alone in any context, sorted; the ones names are
    /// written in. Not exhaustive: a scalar outside them only costs the normaliser's work. `NameNormalizationTests`
    /// checks every scalar listed against the standard library's normaliser and the Unicode data.
    static let inertRanges: [ClosedRange<UInt32>] = [
        0x0080...0x02FF,  // Latin-1 Supplement, Latin Extended-A and -B, IPA, spacing modifier letters
        0x0386...0x0386,  // Greek (U+0387 and the tonos-less forms before it are left out)
        0x0388...0x03FF,
        0x0400...0x0482,  // Cyrillic letters (the combining marks from U+0483 are left out)
        0x048A...0x04FF,
        0x05D0...0x05EA,  // Hebrew letters
        0x0620...0x064A,  // Arabic letters (the marks from U+064B are left out)
        0x0660...0x0669,
        0x0671...0x06D3,  // Arabic letters for Persian, Urdu and others
        0x1E00...0x1EFF,  // Latin Extended Additional (Vietnamese)
        0x200C...0x200D,  // zero-width non-joiner and joiner (Persian, emoji sequences)
        0x2010...0x2027,  // dashes, quotation marks, bullets, ellipsis
        0x2030...0x205E,
        0x20A0...0x20C0,  // currency signs
        0x2600...0x27BF,  // miscellaneous symbols, dingbats
        0x3000...0x3011,  // CJK space and punctuation
        0x3041...0x3096,  // Hiragana (the voicing marks U+3099 and U+309A are left out)
        0x30A1...0x30FA,  // Katakana
        0x30FC...0x30FC,
        0x4E00...0x9FFF,  // CJK Unified Ideographs
        0xAC00...0xD7A3,  // Hangul syllables (the conjoining jamo are left out)
        0xFE0F...0xFE0F,  // emoji presentation selector
        0xFF01...0xFF5E,  // fullwidth forms
        0x1F1E6...0x1F1FF,  // regional indicators (flags)
        0x1F300...0x1FAFF,  // emoji and pictographs
    ]
}
