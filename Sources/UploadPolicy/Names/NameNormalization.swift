/// Unicode normalisation of names, by ICU (``UnicodeNormalizer``).
enum NameNormalization {
    /// The name in Normalization Form C, so `Ü` typed on macOS (U + U+0308) equals the precomposed `Ü` that a
    /// pattern was written with. Every decision starts here.
    static func nfc(_ name: String) -> String {
        normalized(name, by: .nfc) ?? name
    }

    /// The name's compatibility fold, its NFKC form, or nil when that is the name itself: the form NFKC
    /// normalisers (Python's `secure_filename` and its kind) and Windows' best-fit mapping to ANSI code pages give
    /// a name on the systems that store the file, where `shell．php.jpg` becomes `shell.php.jpg` and `ＣＯＮ.pdf`
    /// becomes `CON.pdf`. ``NameInspector`` runs its structural checks on that form too.
    static func compatibilityFold(of name: String) -> String? {
        normalized(name, by: .nfkc)
    }

    /// The name in NFC, as ``nfc(_:)`` gives it, and whether it is its own compatibility fold (so
    /// ``compatibilityFold(of:)`` would be nil), at about the cost of ``nfc(_:)`` alone.
    static func nfcAndFoldCheck(_ name: String) -> (nfc: String, isOwnFold: Bool) {
        let (nfc, isOwnFold) = name.withUTF8Bytes(UnicodeNormalizer.nfcAndFoldCheck)
        return (nfc ?? name, isOwnFold)
    }

    private static func normalized(_ name: String, by normalizer: UnicodeNormalizer) -> String? {
        name.withUTF8Bytes(normalizer.normalized)
    }
}
