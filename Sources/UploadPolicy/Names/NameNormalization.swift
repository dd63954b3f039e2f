/// Unicode normalisation of names before any check or pattern runs.
enum NameNormalization {
    /// The name in Normalization Form C, so `Ü` typed on macOS (U + U+0308) equals the precomposed `Ü` that a
    /// pattern was written with. ASCII names are returned as they are, without work.
    ///
    /// Uses the standard library's own NFC normaliser (`_nfcCodeUnits`, the one behind `String` comparison),
    /// which is several times faster than Foundation's `precomposedStringWithCanonicalMapping` here.
    static func nfc(_ name: String) -> String {
        if name.utf8.withContiguousStorageIfAvailable(ASCII.isASCII) ?? false { return name }
        let normalized = name._nfcCodeUnits
        return normalized.elementsEqual(name.utf8) ? name : String(decoding: normalized, as: UTF8.self)
    }
}
