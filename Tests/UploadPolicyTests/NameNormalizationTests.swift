import Foundation
import Testing

@testable import UploadPolicy

/// The NFC fast path: names it lets through unchanged must be exactly the names the normaliser leaves unchanged.
@Suite("Name normalisation")
struct NameNormalizationTests {
    /// Every scalar that ends the canonical decomposition of another one: NFC may merge it into the character
    /// before it (NFC_Quick_Check Maybe), so it can never be inert. Read from Foundation's decomposition of every
    /// scalar in planes 0 and 1 (the only planes with compositions; plane 2's are singletons).
    static let secondHalves: Set<UInt32> = {
        var halves = Set<UInt32>()
        for value in UInt32(0)...0x1FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let decomposed = String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars
            if decomposed.count >= 2, let last = decomposed.last { halves.insert(last.value) }
        }
        return halves
    }()

    @Test("Every scalar in the inert ranges maps to itself, has combining class 0 and never composes backwards")
    func inertRangesAreInert() {
        var failures: [String] = []
        for range in NameNormalization.inertRanges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else {
                    failures.append("U+\(String(value, radix: 16)) is not a scalar")
                    continue
                }
                let text = String(Character(scalar))
                if !text._nfcCodeUnits.elementsEqual(text.utf8) { failures.append("U+\(String(value, radix: 16)) changes") }
                if scalar.properties.canonicalCombiningClass != .notReordered {
                    failures.append("U+\(String(value, radix: 16)) has a combining class")
                }
                if Self.secondHalves.contains(value) { failures.append("U+\(String(value, radix: 16)) composes") }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20))")
    }

    @Test("The ranges are sorted and disjoint, as the lookup assumes")
    func rangesAreSorted() {
        let ranges = NameNormalization.inertRanges
        #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound < $1.lowerBound })
    }

    @Test(
        "Names normalise as the standard library does, through the fast path or not",
        arguments: [
            "Contrato.pdf", "Relatório Anual.pdf", "Relato\u{301}rio.pdf", "契約書.pdf", "Договор.docx", "عقد.pdf",
            "قرارداد\u{200C}نامه.pdf", "Hợp đồng.pdf", "👩\u{200D}💻 notes.txt", "🇧🇷 contrato.pdf", "한국어.pdf",
            "\u{1100}\u{1161}.pdf", "か\u{3099}.pdf", "Å.pdf", "\u{212B}.pdf", "e\u{301}\u{323}.pdf", "\u{FB2C}.pdf",
            "x\u{0344}.pdf", "a\u{0653}.pdf", "\u{0627}\u{0653}.pdf",
        ])
    func agreesWithTheNormaliser(_ name: String) {
        let expected = String(decoding: name._nfcCodeUnits, as: UTF8.self)
        #expect(Array(NameNormalization.nfc(name).utf8) == Array(expected.utf8))
        var copy = name
        let inert = copy.withUTF8 { NameNormalization.isInert($0) }
        if inert { #expect(Array(name.utf8) == Array(expected.utf8), "an inert name the normaliser changes") }
    }
}
