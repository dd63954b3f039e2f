import Foundation
public import UploadPolicy

/// Picks the reason language from an `Accept-Language` header (RFC 9110 §12.5.4): the supported language with
/// the highest quality; ties go to the earlier entry; no header or no match means English.
///
/// - `*` stands for every supported language that no other range in the header names, so `en;q=0, *` gives
///   Brazilian Portuguese and `pt;q=0, *` English.
/// - `q=0` excludes the language.
/// - A `q` that is not a qvalue (`0` to `1` with at most three decimals: not `2`, `-1`, `inf`, `nan`, `1e0`) is
///   ignored, as one that is not a number is, and the entry keeps the default quality of 1.
public enum AcceptLanguage {
    public static func language(for header: String?) -> Language {
        guard let header, !header.isEmpty else { return .english }
        var entries: [(language: Language?, quality: Double)] = []  // nil: the wildcard
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";")
            guard let tag = parts.first?.trimmingCharacters(in: .whitespaces), !tag.isEmpty else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if pair.count == 2, pair[0].lowercased() == "q", let value = qvalue(pair[1]) { quality = value }
            }
            if tag == "*" {
                entries.append((nil, quality))
            } else if let language = Language(tag: tag) {
                entries.append((language, quality))
            }
        }
        let named = Set(entries.compactMap(\.language))
        var best: (language: Language, quality: Double)?
        for entry in entries where entry.quality > 0 {
            let candidates = entry.language.map { [$0] } ?? Language.allCases.filter { !named.contains($0) }
            for language in candidates where entry.quality > (best?.quality ?? 0) {
                best = (language, entry.quality)
            }
        }
        return best?.language ?? .english
    }

    /// A qvalue as RFC 9110 §12.4.2 writes it: `0`, `0.5`, `0.125`, `1`, `1.000`; nil for anything else.
    static func qvalue(_ text: String) -> Double? {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, first == UInt8(ascii: "0") || first == UInt8(ascii: "1") else { return nil }
        if bytes.count == 1 { return first == UInt8(ascii: "1") ? 1 : 0 }
        let decimals = bytes.dropFirst(2)
        guard bytes[1] == UInt8(ascii: "."), decimals.count <= 3,
            decimals.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { return nil }
        if first == UInt8(ascii: "1") { return decimals.allSatisfy { $0 == UInt8(ascii: "0") } ? 1 : nil }
        return Double(text)
    }
}
