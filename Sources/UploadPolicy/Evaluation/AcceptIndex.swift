/// Which accept entries could match a name, found from the name's final extension.
///
/// Built from ``LiteralSuffixAnalysis``: an entry whose pattern can only match names ending in `.pdf` is listed
/// under `pdf`; an entry the analysis cannot pin down is tried for every name. Candidates keep policy order, so
/// "first matching entry wins" is unchanged; the index only skips entries that cannot match. Extensions with
/// characters outside ASCII fall back to every entry, since Unicode case folding could make them match.
struct AcceptIndex: Sendable {
    private let byExtension: [String: [Int]]
    private let unindexed: [Int]
    private let all: [Int]

    /// - Parameter requiredExtensions: For each entry in order, the extensions it requires, or nil for any.
    init(requiredExtensions: [Set<String>?]) {
        all = Array(requiredExtensions.indices)
        unindexed = all.filter { requiredExtensions[$0] == nil }
        var byExtension: [String: [Int]] = [:]
        for (index, extensions) in requiredExtensions.enumerated() {
            for key in extensions ?? [] { byExtension[key, default: []].append(index) }
        }
        for (key, indexes) in byExtension { byExtension[key] = (indexes + unindexed).sorted() }
        self.byExtension = byExtension
    }

    /// The entries worth trying for `name` (NFC), in policy order.
    func candidates(for name: String) -> [Int] {
        let utf8 = name.utf8
        guard let dot = utf8.lastIndex(of: UInt8(ascii: ".")) else { return unindexed }
        var key = ""
        for byte in utf8[utf8.index(after: dot)...] {
            guard byte < 0x80 else { return all }
            key.unicodeScalars.append(Unicode.Scalar(byte >= 65 && byte <= 90 ? byte + 32 : byte))
        }
        return byExtension[key] ?? unindexed
    }
}
