import Foundation
import Testing

@testable import UploadPolicy

/// Normalisation through ICU, checked against the implementations that do not share its code: the standard
/// library's NFC (the one behind `String` comparison) and Foundation's NFKC.
@Suite("Name normalisation")
struct NameNormalizationTests {
    /// The Unicode version of the ICU the tests run against (Debian 12: ICU 72, Unicode 15.0). Scalars assigned
    /// later are unknown to it; the standard library may already decompose them.
    static let icuUnicodeVersion = (major: 15, minor: 0)

    static func knownToICU(_ scalar: Unicode.Scalar) -> Bool {
        guard let age = scalar.properties.age else { return true }  // unassigned everywhere: left as it is
        return (age.major, age.minor) <= icuUnicodeVersion
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

    @Test("A fold many times longer than the name (U+FDFA is 18 characters in NFKC) comes out whole")
    func foldThatOutgrowsTheFirstBuffer() {
        let name = String(repeating: "\u{FDFA}", count: 300) + ".pdf"
        let folded = NameNormalization.compatibilityFold(of: name)
        #expect(folded.map { Array($0.utf8) } == Array(name.precomposedStringWithCompatibilityMapping.utf8))
        #expect(folded?.unicodeScalars.count == 300 * 18 + 4)
    }
}
