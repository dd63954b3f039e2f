/// Which accept entries could match a name, found from the name's final extension.
///
/// Built from ``LiteralSuffixAnalysis``: an entry whose pattern can only match names ending in `.pdf` is listed
/// under `pdf`; an entry the analysis cannot pin down is tried for every name. Candidates keep policy order, so
/// "first matching entry wins" is unchanged; the index only skips entries that cannot match. Extensions with
/// characters outside ASCII fall back to every entry, since Unicode case folding could make them match.
///
/// Extensions of up to eight bytes, nearly all of them, are looked up as one packed integer, so the lookup on
/// the hot path neither allocates nor hashes a string.
struct AcceptIndex: Sendable {
    private let short: [UInt64: [Int]]
    private let long: [String: [Int]]
    private let unindexed: [Int]
    private let all: [Int]

    /// - Parameter requiredExtensions: For each entry in order, the lowercase extensions it requires, or nil.
    init(requiredExtensions: [Set<String>?]) {
        all = Array(requiredExtensions.indices)
        unindexed = all.filter { requiredExtensions[$0] == nil }
        var short: [UInt64: [Int]] = [:]
        var long: [String: [Int]] = [:]
        for (index, extensions) in requiredExtensions.enumerated() {
            for key in extensions ?? [] {
                let bytes = Array(key.utf8)
                if let packed = Self.pack(bytes[...]) {
                    short[packed, default: []].append(index)
                } else {
                    long[key, default: []].append(index)
                }
            }
        }
        let unindexed = unindexed
        self.short = short.mapValues { ($0 + unindexed).sorted() }
        self.long = long.mapValues { ($0 + unindexed).sorted() }
    }

    /// The entries worth trying for `name` (NFC), in policy order.
    func candidates(for name: String) -> [Int] {
        let found = name.utf8.withContiguousStorageIfAvailable { bytes -> [Int] in
            guard let dot = bytes.lastIndex(of: UInt8(ascii: ".")) else { return unindexed }
            let tail = bytes[(dot + 1)...]
            guard ASCII.isASCII(UnsafeBufferPointer(rebasing: tail)) else { return all }
            if let packed = Self.pack(tail) { return short[packed] ?? unindexed }
            return long[String(decoding: tail.map(ASCII.lowercased), as: UTF8.self)] ?? unindexed
        }
        return found ?? all
    }

    /// Up to eight ASCII bytes, lowercased, packed little-end first into one integer; nil when longer.
    private static func pack<C: Collection<UInt8>>(_ bytes: C) -> UInt64? {
        guard bytes.count <= 8 else { return nil }
        var packed: UInt64 = 0
        for (shift, byte) in bytes.enumerated() { packed |= UInt64(ASCII.lowercased(byte)) << (8 * shift) }
        return packed | (UInt64(bytes.count) << 60)  // keep "" and "\0" apart
    }
}
