import Foundation
import Testing

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

    @Test("ICU's Unicode version is the one this was written for, or later")
    func unicodeVersion() {
        #expect(UnicodeNormalizer.unicodeVersion >= (16, 0))
    }

    @Test("NFC agrees with the standard library for every scalar, alone and between a letter and a combining mark")
    func nfcAgreesWithTheStandardLibrary() {
        var failures: [String] = []
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), Self.knownToICU(scalar) else { continue }
            for text in [String(Character(scalar)), "A" + String(Character(scalar)) + "\u{301}.pdf"] {
                let expected = Array(text._nfcCodeUnits)
                if Array(NameNormalization.nfc(text).utf8) != expected {
                    failures.append("U+\(String(value, radix: 16, uppercase: true)) in \(text.debugDescription)")
                }
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
        var failures: [String] = []
        for value in UInt32(0x80)...0xFFFF {
            guard let scalar = Unicode.Scalar(value), Self.knownToICU(scalar) else { continue }
            let text = "a" + String(Character(scalar)) + ".pdf"
            let expected = text.precomposedStringWithCompatibilityMapping
            let composed = NameNormalization.nfc(text)
            let folded = NameNormalization.compatibilityFold(of: composed) ?? composed
            if Array(folded.utf8) != Array(expected.utf8) {
                failures.append("U+\(String(value, radix: 16, uppercase: true))")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) differ: \(failures.prefix(40))")
    }

    @Test("The combined NFC and fold check gives NFC, and calls a name its own fold only when it is")
    func combinedCheckAgrees() {
        var failures: [String] = []
        for value in UInt32(0x80)...0x10FFFF {
            // Assigned scalars but private-use ones, which no normal form changes.
            guard let scalar = Unicode.Scalar(value), scalar.properties.age != nil, Self.knownToICU(scalar),
                scalar.properties.generalCategory != .privateUse
            else { continue }
            for text in [String(Character(scalar)), "a" + String(Character(scalar)) + "\u{301}.pdf"] {
                let (nfc, isOwnFold) = NameNormalization.nfcAndFoldCheck(text)
                if nfc.utf8.elementsEqual(NameNormalization.nfc(text).utf8) == false
                    || (isOwnFold && NameNormalization.compatibilityFold(of: nfc) != nil)
                {
                    failures.append("U+\(String(value, radix: 16, uppercase: true)) in \(text.debugDescription)")
                }
            }
        }
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

    // MARK: Stream-safe text (UAX #15 §13)

    /// Alternating combining classes 220 and 230: every mark must be reordered past the others.
    static func marks(_ count: Int) -> String {
        String((0..<count).map { $0.isMultiple(of: 2) ? Character("\u{0301}") : Character("\u{0316}") })
    }

    @Test("Thirty non-starters in a row are normalised as they are; the 31st gets a grapheme joiner before it")
    func joinerAfterThirtyNonStarters() {
        let thirty = "x" + Self.marks(30) + ".pdf"
        #expect(Array(NameNormalization.nfc(thirty).utf8) == Array(thirty._nfcCodeUnits))

        let marks = Array(Self.marks(70).unicodeScalars)
        func nfc(_ scalars: ArraySlice<Unicode.Scalar>, after prefix: String = "", before suffix: String = "") -> String
        {
            let text = prefix + String(String.UnicodeScalarView(scalars)) + suffix
            return String(decoding: text._nfcCodeUnits, as: UTF8.self)
        }
        let name = "x" + Self.marks(70) + ".pdf"
        let expected =
            nfc(marks[..<30], after: "x") + "\u{034F}" + nfc(marks[30..<60]) + "\u{034F}"
            + nfc(marks[60...], before: ".pdf")
        #expect(Array(NameNormalization.nfc(name).utf8) == Array(expected.utf8))
        #expect(NameNormalization.nfc(name).unicodeScalars.filter { $0 == "\u{034F}" }.count == 2)
    }

    @Test(
        "Canonically equivalent spellings get their joiners in the same place (non-starters counted in NFD)",
        arguments: [
            ("\u{01D8}", "u\u{308}\u{301}"),  // ǘ: a starter and two trailing non-starters
            ("\u{1F82}", "\u{3B1}\u{313}\u{300}\u{345}"),  // ᾂ: three trailing non-starters
            ("\u{0344}", "\u{308}\u{301}"),  // all non-starters: two of them
            ("\u{0F73}", "\u{0F71}\u{0F72}"),
        ])
    func equivalentSpellingsAgree(composed: String, decomposed: String) {
        for count in 25...35 {
            for (a, b) in [
                ("x" + composed + Self.marks(count), "x" + decomposed + Self.marks(count)),
                ("x" + String(repeating: composed, count: count), "x" + String(repeating: decomposed, count: count)),
            ] {
                #expect(
                    Array(NameNormalization.nfc(a).utf8) == Array(NameNormalization.nfc(b).utf8),
                    "\(a.unicodeScalars.count) and \(b.unicodeScalars.count) scalars")
            }
        }
    }

    @Test("A flood of combining marks under a policy without name limits is refused by invisibleCharacters")
    func markFloodIsRefused() throws {
        let policy = try Fixtures.pdfPolicy(#""limits": { "maxNameBytes": null, "maxNameCharacters": null }"#)
        let name = "a" + Self.marks(20_000) + ".pdf"
        let decision = policy.evaluate(FileCandidate(name: name, contentType: "application/pdf", length: 1000))
        #expect(decision.code == .invisibleCharacter)
        #expect(decision.reason()?.contains("U+034F") == true)
    }
}
