import Foundation
import Testing
import _FoundationICU

@testable import UploadPolicy

/// Normalisation through ICU, checked against the standard library's NFC (Swift's own implementation, behind
/// `String` comparison) and Foundation's NFKC (the same ICU, reached without UnicodeNormalizer's transcoding,
/// buffers and stream-safe step).
@Suite("Name normalisation")
struct NameNormalizationTests {
    /// Whether ICU's Unicode version has `scalar`; the standard library may know a later version.
    static func knownToICU(_ scalar: Unicode.Scalar) -> Bool {
        guard let age = scalar.properties.age else { return true }  // unassigned everywhere: left as it is
        return (age.major, age.minor) <= UnicodeNormalizer.unicodeVersion
    }

    /// Each scalar of `range` that ICU knows and `included` keeps, for which `differs` holds, as `U+XXXX`.
    static func scalars(
        in range: ClosedRange<UInt32>, where differs: (Unicode.Scalar) -> Bool,
        included: (Unicode.Scalar) -> Bool = { _ in true }
    ) -> [String] {
        range.compactMap { value in
            guard let scalar = Unicode.Scalar(value), knownToICU(scalar), included(scalar), differs(scalar) else {
                return nil
            }
            return "U+\(String(value, radix: 16, uppercase: true))"
        }
    }

    @Test("ICU's Unicode version is the one this was written for, or later")
    func unicodeVersion() {
        #expect(UnicodeNormalizer.unicodeVersion >= (16, 0))
    }

    @Test("NFC agrees with the standard library for every scalar, alone and between a letter and a combining mark")
    func nfcAgreesWithTheStandardLibrary() {
        let failures = Self.scalars(in: 0x80...0x10FFFF) { scalar in
            [String(Character(scalar)), "A" + String(Character(scalar)) + "\u{301}.pdf"].contains { text in
                Array(NameNormalization.nfc(text).utf8) != Array(text._nfcCodeUnits)
            }
        }
        #expect(failures.isEmpty, "\(failures.count) differ: \(failures.prefix(20))")
    }

    @Test(
        "Names normalise to NFC as the standard library does",
        arguments: [
            "Contrato.pdf", "Relatório Anual.pdf", "Relato\u{301}rio.pdf", "契約書.pdf", "Договор.docx", "عقد.pdf",
            "قرارداد\u{200C}نامه.pdf", "Hợp đồng.pdf", "👩\u{200D}💻 notes.txt", "🇧🇷 contrato.pdf", "한국어.pdf",
            "\u{1100}\u{1161}.pdf", "か\u{3099}.pdf", "Å.pdf", "\u{212B}.pdf", "e\u{301}\u{323}.pdf", "\u{FB2C}.pdf",
            "x\u{0344}.pdf", "a\u{0653}.pdf", "\u{0627}\u{0653}.pdf", "𝐀𝐁.pdf", "",
            "a\u{16D67}\u{16D67}.pdf",  // Kirat Rai, new in Unicode 16: composes to U+16D68
            String(repeating: "Д", count: 40) + ".pdf", String(repeating: "\u{0316}", count: 30) + ".pdf",
            String(repeating: "e\u{301}", count: 2_000) + ".pdf",  // far beyond the stack buffer
        ])
    func nfcOfNames(_ name: String) {
        #expect(Array(NameNormalization.nfc(name).utf8) == Array(name._nfcCodeUnits))
    }

    @Test(
        "The compatibility fold is NFKC where it differs and nil where it does not",
        arguments: [
            ("shell\u{FF0E}php.jpg", "shell.php.jpg"), ("shell.\u{FF50}\u{FF48}\u{FF50}.jpg", "shell.php.jpg"),
            ("a\u{FF0F}b.pdf", "a/b.pdf"), ("\u{2025}", ".."), ("\u{FF23}\u{FF2F}\u{FF2E}.pdf", "CON.pdf"),
            ("\u{FB01}nal.pdf", "final.pdf"), ("Ação nº 12.pdf", "Ação no 12.pdf"), ("𝐂𝐎𝐍.pdf", "CON.pdf"),
            ("relatório.pdf", nil), ("AÇÃO.pdf", nil), ("契約書.pdf", nil), ("Договор.docx", nil),
            ("👩\u{200D}💻.txt", nil), ("plain.pdf", nil), ("", nil),
        ] as [(String, String?)])
    func compatibilityFold(name: String, expected: String?) {
        #expect(NameNormalization.compatibilityFold(of: name) == expected)
    }

    @Test("The compatibility fold agrees with Foundation's NFKC for every scalar of the Basic Multilingual Plane")
    func foldAgreesWithFoundation() {
        let failures = Self.scalars(in: 0x80...0xFFFF) { scalar in
            let text = "a" + String(Character(scalar)) + ".pdf"
            let composed = NameNormalization.nfc(text)
            let folded = NameNormalization.compatibilityFold(of: composed) ?? composed
            return Array(folded.utf8) != Array(text.precomposedStringWithCompatibilityMapping.utf8)
        }
        #expect(failures.isEmpty, "\(failures.count) differ: \(failures.prefix(40))")
    }

    @Test("The combined NFC and fold check gives NFC, and calls a name its own fold only when it is")
    func combinedCheckAgrees() {
        let failures = Self.scalars(
            in: 0x80...0x10FFFF,
            where: { scalar in
                [String(Character(scalar)), "a" + String(Character(scalar)) + "\u{301}.pdf"].contains { text in
                    let (nfc, isOwnFold) = NameNormalization.nfcAndFoldCheck(text)
                    return !nfc.utf8.elementsEqual(NameNormalization.nfc(text).utf8)
                        || (isOwnFold && NameNormalization.compatibilityFold(of: nfc) != nil)
                }
            },
            // Assigned scalars but private-use ones, which no normal form changes.
            included: { $0.properties.age != nil && $0.properties.generalCategory != .privateUse })
        #expect(failures.isEmpty, "\(failures.count) differ: \(failures.prefix(20))")
        // Ordinary names need no fold: the check must say so, or the fold is computed for nothing.
        for name in ["Relatório.pdf", "契約書.pdf", "Договор.docx", "عقد.pdf", "👩\u{200D}💻.txt", "plain.pdf"] {
            #expect(NameNormalization.nfcAndFoldCheck(name).isOwnFold, "\(name)")
        }
        #expect(!NameNormalization.nfcAndFoldCheck("shell\u{FF0E}php.jpg").isOwnFold)
    }

    @Test("A fold many times longer than the name (U+FDFA is 18 characters in NFKC) comes out whole")
    func foldThatOutgrowsTheFirstBuffer() {
        let name = String(repeating: "\u{FDFA}", count: 300) + ".pdf"
        let folded = NameNormalization.compatibilityFold(of: name)
        #expect(folded.map { Array($0.utf8) } == Array(name.precomposedStringWithCompatibilityMapping.utf8))
        #expect(folded?.unicodeScalars.count == 300 * 18 + 4)
    }

    // MARK: Long runs of combining marks (UnicodeDecomposer)

    /// Alternating combining classes 220 and 230: every mark must be reordered past the others.
    static func marks(_ count: Int) -> String {
        String((0..<count).map { $0.isMultiple(of: 2) ? Character("\u{0301}") : Character("\u{0316}") })
    }

    /// `text` normalised by ICU in one call, as UTF-16: the reference for long runs, where ICU's reordering is slow
    /// but right. (The standard library's NFC and Foundation's NFKC do not sort some long runs into canonical order:
    /// `x` followed by U+0F73 U+0F81 a hundred times keeps its marks alternating.)
    static func icu(_ text: String, _ instance: (UnsafeMutablePointer<UErrorCode>) -> OpaquePointer?) -> [UInt16] {
        var status = U_ZERO_ERROR
        let normalizer = instance(&status)
        let units = Array(text.utf16)
        var output = [UInt16](repeating: 0, count: units.count * 18 + 16)
        let length = swift_unorm2_normalize(
            normalizer, units, Int32(units.count), &output, Int32(output.count), &status)
        precondition(status.rawValue <= 0, "ICU failed: \(status)")
        return Array(output.prefix(Int(length)))
    }

    @Test(
        "Names with long runs of combining marks normalise as ICU normalises them in one call",
        arguments: [
            "x" + marks(31) + ".pdf", "x" + marks(2_000) + ".pdf", "\u{01D8}" + marks(40) + ".pdf",
            "x" + String(repeating: "\u{0344}", count: 400) + ".pdf",
            "x" + String(repeating: "\u{0F73}\u{0F81}", count: 100) + ".pdf",
            "x" + String(repeating: "\u{FF9E}\u{0334}", count: 200) + ".pdf",  // starters in NFD, not in NFKD
            "x" + String(repeating: "\u{00A8}\u{0316}", count: 50) + ".pdf",  // U+00A8 is U+0020 U+0308 in NFKD
            String(repeating: "\u{1100}\u{1161}\u{11A8}\u{0301}\u{0316}", count: 40) + ".pdf",
            "\u{1D160}" + String(repeating: "\u{1D165}\u{0301}", count: 40) + ".pdf",  // outside the BMP
            // Unicode 16 vowel signs: starters that compose with each other, so a run of them is one segment.
            String(repeating: "\u{16D67}", count: 301) + ".pdf", String(repeating: "\u{16D68}", count: 100) + ".pdf",
            String(repeating: "\u{113C2}\u{113B8}", count: 100) + "\u{113C2}.pdf",
            String(repeating: "\u{1611E}", count: 101) + String(repeating: "\u{16121}\u{1611F}", count: 50) + ".pdf",
            "a" + String(repeating: "\u{16D67}\u{0301}", count: 50) + ".pdf",
        ])
    func longRuns(_ name: String) {
        let nfc = NameNormalization.nfc(name)
        #expect(Array(nfc.utf16) == Self.icu(name, swift_unorm2_getNFCInstance), "NFC")
        let fold = NameNormalization.compatibilityFold(of: nfc) ?? nfc
        #expect(Array(fold.utf16) == Self.icu(name, swift_unorm2_getNFKCInstance), "NFKC")
        #expect(NameNormalization.nfcAndFoldCheck(name).nfc == nfc)
    }

    @Test("Random long segments normalise as ICU normalises them in one call (fixed seed)")
    func randomLongSegments() {
        // Starters, marks of several classes, characters that decompose to marks or compose with each other.
        let alphabet: [String] = [
            "a", "e", "u", "x", "é", "\u{01D8}", "\u{1F82}", "\u{0301}", "\u{0316}", "\u{0308}", "\u{0345}",
            "\u{0334}", "\u{05B0}", "\u{0344}", "\u{0F71}", "\u{0F73}", "\u{0F81}", "\u{0F72}", "\u{FF9E}",
            "\u{309A}", "\u{304B}", "\u{1100}", "\u{1161}", "\u{11A8}", "\u{AC00}", "\u{16D67}", "\u{16D68}",
            "\u{16D63}", "\u{113C2}", "\u{113B8}", "\u{113C9}", "\u{1611E}", "\u{1611F}", "\u{16120}",
            "\u{16121}", "\u{16129}", "\u{1D165}", "\u{1D16E}", "\u{00A8}", "\u{212B}", "\u{FB2C}",
        ]
        var state: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {  // SplitMix64
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        var failures: [String] = []
        for _ in 0..<2_000 {
            let name = (0..<(31 + next(120))).map { _ in alphabet[next(alphabet.count)] }.joined() + ".pdf"
            let nfc = NameNormalization.nfc(name)
            let fold = NameNormalization.compatibilityFold(of: nfc) ?? nfc
            if Array(nfc.utf16) != Self.icu(name, swift_unorm2_getNFCInstance)
                || Array(fold.utf16) != Self.icu(name, swift_unorm2_getNFKCInstance)
            {
                failures.append(name.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
            }
        }
        #expect(failures.isEmpty, "\(failures.count) differ, first: \(failures.first ?? "")")
    }

    @Test("Canonically equivalent spellings of long runs normalise alike")
    func equivalentSpellingsAgree() {
        let pairs = [
            ("\u{01D8}", "u\u{308}\u{301}"), ("\u{1F82}", "\u{3B1}\u{313}\u{300}\u{345}"),
            ("\u{0344}", "\u{308}\u{301}"), ("\u{0F73}", "\u{0F71}\u{0F72}"),
        ]
        for (composed, decomposed) in pairs {
            for count in 25...35 {
                for (a, b) in [
                    ("x" + composed + Self.marks(count), "x" + decomposed + Self.marks(count)),
                    (
                        "x" + String(repeating: composed, count: count),
                        "x" + String(repeating: decomposed, count: count)
                    ),
                    ("x" + Self.marks(count) + composed, "x" + Self.marks(count) + decomposed),
                ] {
                    #expect(
                        Array(NameNormalization.nfc(a).utf8) == Array(NameNormalization.nfc(b).utf8),
                        "\(a.unicodeScalars.count) and \(b.unicodeScalars.count) scalars")
                }
            }
        }
    }

    @Test("A segment counts as long from 31 characters that interact with the one before, in the form's own terms")
    func longSegmentBoundary() {
        func hasLongSegment(_ text: String, _ normalizer: UnicodeNormalizer) -> Bool {
            Array(text.utf16).withUnsafeBufferPointer { normalizer.hasLongSegment($0) }
        }
        #expect(!hasLongSegment("x" + Self.marks(30), .nfc))
        #expect(hasLongSegment("x" + Self.marks(31), .nfc))
        #expect(!hasLongSegment(String(repeating: "\u{16D67}", count: 30), .nfc))  // the first has a boundary too
        #expect(hasLongSegment(String(repeating: "\u{16D67}", count: 32), .nfc))
        #expect(!hasLongSegment(String(repeating: "é", count: 200), .nfc))
        let halfwidth = "x" + String(repeating: "\u{FF9E}\u{0334}", count: 16)
        #expect(!hasLongSegment(halfwidth, .nfc))  // U+FF9E is a starter in NFC
        #expect(hasLongSegment(halfwidth, .nfkc))  // and U+3099, a mark, in NFKC
    }

    @Test("Decomposing one character at a time and sorting runs gives ICU's NFD and NFKD, for every BMP scalar")
    func decompositionAgreesWithICU() {
        func utf16(_ text: String, _ decomposer: UnicodeDecomposer) -> [UInt16] {
            let parts = Array(text.utf16).withUnsafeBufferPointer { decomposer.decomposedInCanonicalOrder($0) }
            return Array(String(String.UnicodeScalarView(parts.compactMap { Unicode.Scalar($0.scalar) })).utf16)
        }
        let failures = Self.scalars(in: 0xA0...0xFFFF) { scalar in
            let text = "a\u{0316}" + String(Character(scalar)) + "\u{0301}\u{0316}.pdf"
            return utf16(text, .canonical) != Self.icu(text, swift_unorm2_getNFDInstance)
                || utf16(text, .compatibility) != Self.icu(text, swift_unorm2_getNFKDInstance)
        }
        #expect(failures.isEmpty, "\(failures.count) differ: \(failures.prefix(40))")
    }
}
