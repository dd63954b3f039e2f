import Foundation
import Testing

@testable import UploadPolicy

/// The compatibility fold's fast path: scalars it treats as their own NFKC form must be exactly that.
@Suite("Compatibility fold")
struct CompatibilityFoldTests {
    @Test("Every scalar in the fold-free ranges is its own NFKC form")
    func foldFreeRangesAreFoldFree() {
        var failures: [String] = []
        for range in CompatibilityFold.foldFreeRanges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else {
                    failures.append("U+\(String(value, radix: 16)) is not a scalar")
                    continue
                }
                let text = String(Character(scalar))
                if text.precomposedStringWithCompatibilityMapping != text
                    || text.decomposedStringWithCompatibilityMapping != text.decomposedStringWithCanonicalMapping
                {
                    failures.append("U+\(String(value, radix: 16)) folds")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20))")
    }

    @Test("The ranges are sorted, disjoint and inside the NFC-inert ones, as the lookup and the checks assume")
    func rangesAreSortedAndInert() {
        let ranges = CompatibilityFold.foldFreeRanges
        #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound < $1.lowerBound })
        #expect(ranges.allSatisfy { NameNormalization.isInert($0.lowerBound) && NameNormalization.isInert($0.upperBound) })
        for range in ranges {
            #expect(CompatibilityFold.isFoldFree(range.lowerBound) && CompatibilityFold.isFoldFree(range.upperBound))
        }
        #expect(!CompatibilityFold.isFoldFree(0xFF0E) && !CompatibilityFold.isFoldFree(0x3000))
    }

    @Test(
        "The form is NFKC where it differs and nil where it does not",
        arguments: [
            ("shell\u{FF0E}php.jpg", "shell.php.jpg"), ("shell.\u{FF50}\u{FF48}\u{FF50}.jpg", "shell.php.jpg"),
            ("a\u{FF0F}b.pdf", "a/b.pdf"), ("\u{2025}", ".."), ("\u{FF23}\u{FF2F}\u{FF2E}.pdf", "CON.pdf"),
            ("\u{FB01}nal.pdf", "final.pdf"), ("relatório.pdf", nil), ("AÇÃO.pdf", nil), ("契約書.pdf", nil),
            ("Договор.docx", nil), ("👩\u{200D}💻.txt", nil), ("plain.pdf", nil),
        ] as [(String, String?)])
    func form(name: String, expected: String?) {
        #expect(CompatibilityFold.form(of: name) == expected)
        // Names the fast path lets through must be their own form.
        if !name.unicodeScalars.contains(where: { CompatibilityFold.mayChange($0.value) }) { #expect(expected == nil) }
    }
}
