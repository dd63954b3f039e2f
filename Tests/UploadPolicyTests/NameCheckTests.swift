import Testing
import UploadPolicy

/// A policy that accepts any name ending in an extension, so only the built-in checks can reject.
private let permissive: Policy = {
    do {
        return try Fixtures.policy(#"{ "id": "any", "accept": [ { "label": "any file", "name": "." } ] }"#)
    } catch { fatalError("\(error)") }
}()

@Suite("Built-in name checks")
struct NameCheckTests {
    @Test(arguments: [
        ("", DecisionCode.emptyName),
        ("a\u{0}.pdf", .controlCharacter),
        ("a\u{1F}.pdf", .controlCharacter),
        ("a\u{7F}.pdf", .controlCharacter),
        ("a\u{85}.pdf", .controlCharacter),
        ("a\n.pdf", .controlCharacter),
        ("testFile\u{202E}cod.exe", .bidiControl),
        ("a\u{202A}b.pdf", .bidiControl),
        ("a\u{2066}b.pdf", .bidiControl),
        ("a\u{2069}b.pdf", .bidiControl),
        ("a\u{200E}b.pdf", .bidiControl),
        ("a\u{200F}b.pdf", .bidiControl),
        ("a\u{061C}b.pdf", .bidiControl),
        ("a\u{200B}b.pdf", .invisibleCharacter),
        ("\u{FEFF}a.pdf", .invisibleCharacter),
        ("a\u{2800}.pdf", .invisibleCharacter),
        ("a\u{3164}.pdf", .invisibleCharacter),
        ("a\u{115F}.pdf", .invisibleCharacter),
        ("a\u{FFA0}.pdf", .invisibleCharacter),
        ("a\u{2060}.pdf", .invisibleCharacter),
        ("a\u{00AD}b.pdf", .invisibleCharacter),
        ("ab\u{200D}.pdf", .invisibleCharacter),
        ("a\u{200D}b.pdf", .invisibleCharacter),
        ("\u{200D}👁.png", .invisibleCharacter),
        ("a\u{E0041}.pdf", .invisibleCharacter),
        // Variation selectors and the other default-ignorable characters render as nothing after a letter.
        ("Contrato\u{FE00}.pdf", .invisibleCharacter),
        ("Contrato\u{FE0F}.pdf", .invisibleCharacter),
        ("Contrato\u{E0100}.pdf", .invisibleCharacter),
        ("Contrato\u{180B}.pdf", .invisibleCharacter),
        ("Contrato\u{1BCA0}.pdf", .invisibleCharacter),
        ("Contrato\u{2065}.pdf", .invisibleCharacter),
        ("Contrato\u{FFF0}.pdf", .invisibleCharacter),
        ("❤️\u{FE0F}.png", .invisibleCharacter),  // a second selector selects nothing
        ("\u{FE0F}❤.png", .invisibleCharacter),
        ("Contrato\u{0D4D}\u{200D}.pdf", .invisibleCharacter),  // a virama after no letter of its own joins nothing
        ("\u{0D4D}\u{200C}.pdf", .invisibleCharacter),
        ("x\u{0327}\u{0D4D}\u{200D}.pdf", .invisibleCharacter),
        // VS1–VS14 vary no letter of the alphabetic scripts (Unicode's StandardizedVariants.txt has none), so
        // after one they render as nothing: 'Café' + VS1 shows as 'Café'.
        ("Café\u{FE00}.pdf", .invisibleCharacter),
        ("Relató\u{FE00}rio.pdf", .invisibleCharacter),
        ("AÇ\u{FE01}ÃO.pdf", .invisibleCharacter),
        ("Договор\u{FE00}.pdf", .invisibleCharacter),
        ("عقد\u{FE00}.pdf", .invisibleCharacter),
        ("Nº\u{FE00}5.pdf", .invisibleCharacter),
        ("Preço€\u{FE00}.pdf", .invisibleCharacter),
        ("docs/a.pdf", .pathSeparator),
        ("C:\\testfolder\\testfile.jpg", .pathSeparator),
        ("..", .dotSegment),
        (".", .dotSegment),
        (" a.pdf", .surroundingSpace),
        ("a.pdf ", .surroundingSpace),
        ("a.pdf\u{00A0}", .surroundingSpace),
        ("\u{3000}a.pdf", .surroundingSpace),
        ("shell.php..", .trailingDot),
        ("a.pdf.", .trailingDot),
        ("CON.txt", .reservedDeviceName),
        ("con", .reservedDeviceName),
        ("nul.tar.gz", .reservedDeviceName),
        ("Com1.pdf", .reservedDeviceName),
        ("LPT9.doc", .reservedDeviceName),
        ("COM0.pdf", .reservedDeviceName),
        ("COM¹.pdf", .reservedDeviceName),
        ("lpt³.txt", .reservedDeviceName),
        ("AUX .pdf", .reservedDeviceName),
        ("CONIN$.txt", .reservedDeviceName),
        // A ':' ends the name on NTFS as a dot does (what follows is a data stream), so these open the device.
        ("con:.pdf", .reservedDeviceName),
        ("COM1:.pdf", .reservedDeviceName),
        ("NUL:", .reservedDeviceName),
        ("aux:x.pdf", .reservedDeviceName),
        ("prn::$DATA.pdf", .reservedDeviceName),
        ("nul:a-stream-name-long-enough.pdf", .reservedDeviceName),
        ("LPT² :x.txt", .reservedDeviceName),
        ("x.php.png", .hiddenExecutable),
        ("x.exe.pdf", .hiddenExecutable),
        ("x.PHP5.jpg", .hiddenExecutable),
        ("report.aspx.pdf", .hiddenExecutable),
        ("shell.cfm.jpg", .hiddenExecutable),  // ColdFusion runs .cfm, .cfml and .cfc pages
        ("a.sh.txt", .hiddenExecutable),
        ("shell.asp;.jpg", .hiddenExecutable),  // IIS 6 runs it as ASP: the name ends for it at ';'
        ("shell.aspx;x.pdf", .hiddenExecutable),
        ("shell.php:.png", .hiddenExecutable),  // NTFS writes a file shell.php with a stream '.png'
        ("shell.exe :.pdf", .hiddenExecutable),
        // Compatibility forms fold to ASCII under NFKC (Python's secure_filename, many normalisers) and under
        // Windows' best-fit mapping to ANSI code pages: judged as what they fold to.
        ("a\u{FF0F}b.pdf", .pathSeparator),  // fullwidth solidus
        ("..\u{FF3C}boot.ini.pdf", .pathSeparator),  // fullwidth reverse solidus
        ("\u{FF0E}\u{FF0E}", .dotSegment),
        ("\u{2025}", .dotSegment),  // two dot leader
        ("x.pdf\u{FF0E}", .trailingDot),
        ("\u{FF23}\u{FF2F}\u{FF2E}.pdf", .reservedDeviceName),
        ("shell\u{FF0E}php.jpg", .hiddenExecutable),
        ("shell.\u{FF50}\u{FF48}\u{FF50}.jpg", .hiddenExecutable),
        ("shell\u{2024}php.jpg", .hiddenExecutable),  // one dot leader
        ("shell.ph\u{1D56}.jpg", .hiddenExecutable),  // modifier letter small p
        ("shell.\u{24DF}\u{24D7}\u{24DF}.jpg", .hiddenExecutable),  // circled letters
        // Where the name is percent-decoded or put into a URL unescaped, '%00' becomes a NUL that ends it (the
        // OWASP `.php%00.jpg`), and '?' or '#' end the path: each ends the extension as ';' does.
        ("shell.php%00.jpg", .hiddenExecutable),
        ("shell.php%2500.png", .hiddenExecutable),
        ("shell.asp%3b.pdf", .hiddenExecutable),
        ("shell.php?.pdf", .hiddenExecutable),
        ("shell.jsp#x.pdf", .hiddenExecutable),
    ])
    func rejects(_ name: String, _ code: DecisionCode) {
        let decision = permissive.decide(name)
        #expect(decision.code == code, "\(name.debugDescription): \(decision)")
        #expect(decision.rule?.hasPrefix("options.checks.") == true || code == .emptyName)
    }

    @Test(arguments: [
        "Contrato.pdf",
        "U\u{308}bersicht.pdf",  // NFD from macOS
        "👁\u{200D}🗨.png",  // ZWJ inside an emoji sequence
        "👨\u{200D}👩\u{200D}👧\u{200D}👦 family.jpg",
        "🧑🏽\u{200D}💻.png",  // skin tone modifier before the ZWJ
        "❤️\u{200D}🔥.png",  // VS16 before the ZWJ
        "❤️.png",  // emoji presentation (VS16)
        "☺\u{FE0E} texto.png",  // text presentation (VS15)
        "1\u{FE0F}\u{20E3} lugar.pdf",  // keycap
        "葛\u{E0100}飾区.pdf",  // ideographic variation sequence
        "≩\u{FE00}.pdf",  // standardized variation sequence of a symbol
        "\u{585A}\u{FE00}.pdf",  // CJK compatibility ideograph U+FA10 as its standardized variant
        "\u{1000}\u{FE00}.pdf",  // Myanmar letter ka, dotted form
        "、\u{FE01}.pdf",  // CJK punctuation, centred form
        "ᠠ\u{180B}ᠳ.pdf",  // Mongolian free variation selector after a letter
        "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}.png",  // England flag: tag sequence
        "契約書_2024.pdf",
        "عقد الإيجار.pdf",
        "Договор аренды.pdf",
        "می\u{200C}خواهم.pdf",  // Persian ZWNJ between letters
        "क्\u{200D}ष.pdf",  // Devanagari ZWJ
        "അവന്\u{200D}.pdf",  // Malayalam chillu in its ZWJ spelling, at the end of a word
        "അവന്\u{200D} വന്നു.pdf",
        "ന്\u{200C}, x.pdf",  // ZWNJ after a virama: the explicit virama form, before punctuation
        "ज\u{093C}्\u{200D}.pdf",  // a nukta between the consonant and its virama
        "Relatório\u{00A0}final.pdf",  // no-break space inside
        "日本語　ファイル.pdf",  // ideographic space inside
        "a.b.c.pdf",
        "notes;v2.final.pdf",
        "Desconto 50%.final.pdf",
        "RELATÓRIO FINAL.pdf",
        "\u{FF32}\u{FF45}\u{FF4C}\u{FF41}\u{FF54}\u{FF4F}\u{FF52}\u{FF49}\u{FF4F}.pdf",  // fullwidth letters
        "\u{FB01}nal.pdf",  // fi ligature
        "x².v2.pdf",
        "Nota #12.v2.pdf",
        "ok?.sim.pdf",
        "Ata 10:30.reunião.pdf",
        "Contrato:v2.pdf",
        "Auxiliar:2.pdf",
        "acme.com.invoice.pdf",
        "node.js-guide.pdf",
        "CONTRACT.pdf",
        "console.log.txt",
        "COM10.pdf",
        "LPT.pdf",
        ".hidden.pdf",
        "archive.tar.gz",
        "a",
    ])
    func accepts(_ name: String) {
        let decision = permissive.decide(name)
        #expect(decision.isAccepted, "\(name.debugDescription): \(decision)")
    }

    /// Every default-ignorable code point (Unicode's own list of characters that render as nothing) is refused
    /// between two letters: as a bidi control when it is one, else as an invisible character.
    @Test func everyDefaultIgnorableCharacterIsRefused() {
        var missed: [String] = []
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isDefaultIgnorableCodePoint else { continue }
            let name = "Contrato" + String(Character(scalar)) + "x.pdf"
            let code = permissive.decide(name).code
            if code != .invisibleCharacter, code != .bidiControl {
                missed.append("U+\(String(value, radix: 16, uppercase: true)) (\(code.rawValue))")
            }
        }
        #expect(missed.isEmpty, "accepted: \(missed.prefix(20).joined(separator: ", ")) (\(missed.count) in all)")
    }

    @Test func checksCanBeSwitchedOff() throws {
        let policy = try Fixtures.policy(
            #"""
            { "id": "lenient", "accept": [ { "label": "any", "name": "^" } ],
              "options": { "checks": { "emptyName": false, "controlCharacters": false, "bidiControls": false,
                "invisibleCharacters": false, "pathSeparators": false, "dotSegments": false,
                "surroundingSpaces": false, "trailingDots": false, "reservedDeviceNames": false,
                "hiddenExecutables": false } } }
            """#)
        for name in ["", "a\u{0}", "a\u{202E}", "a\u{200B}", "a/b", "..", " a ", "a.", "CON", "x.php.png"] {
            #expect(policy.decide(name).isAccepted, "\(name.debugDescription)")
        }
    }

    @Test func checksRunInDocumentedOrder() {
        // A control character is reported before a bidi control that comes earlier in the name.
        #expect(permissive.decide("a\u{202E}b\u{0}.pdf").code == .controlCharacter)
        #expect(permissive.decide("CON.php.txt").code == .reservedDeviceName)
    }

    @Test func nameLengthInBytesAndCharacters() throws {
        let policy = try Fixtures.policy(
            #"""
            { "id": "short", "accept": [ { "label": "PDF", "name": "\\.pdf$" } ],
              "limits": { "maxNameBytes": 20, "maxNameCharacters": 10 } }
            """#)
        #expect(policy.decide("abcdef.pdf").isAccepted)  // 10 characters
        #expect(policy.decide("abcdefg.pdf").code == .nameTooLongCharacters)
        #expect(policy.decide("ääääää.pdf").isAccepted)  // 10 characters, 16 bytes
        #expect(policy.decide("яяяяяяяяя.pdf").code == .nameTooLongBytes)  // 13 characters, 22 bytes
        let decision = policy.decide("яяяяяяяяя.pdf")
        #expect(decision.reason() == "The file name is too long (22 bytes; at most 20 allowed). Shorten the name.")
        #expect(decision.rule == "limits.maxNameBytes")
        // NFD input is counted after NFC normalisation.
        #expect(policy.decide("a\u{308}a\u{308}a\u{308}a\u{308}a\u{308}a\u{308}.pdf").isAccepted)
    }

    @Test func aNameFourTimesOverTheByteLimitIsRefusedBeforeNormalising() throws {
        let policy = try Fixtures.policy(
            #"""
            { "id": "short", "accept": [ { "label": "PDF", "name": "\\.pdf$" } ],
              "limits": { "maxNameBytes": 12, "maxNameCharacters": null } }
            """#)
        // ι with diaeresis and acute, decomposed: 6 bytes that NFC makes into ΐ, 2 bytes (the most it shrinks).
        let iota = "\u{3B9}\u{308}\u{301}"
        // 6 × 6 + 4 = 40 bytes as sent, under 4 × 12: normalised to 16 bytes, refused for those.
        let under = policy.decide(String(repeating: iota, count: 6) + ".pdf")
        #expect(under.code == .nameTooLongBytes)
        #expect(under.reason()?.contains("(16 bytes; at most 12 allowed)") == true)
        // 4 × 1 + 4 = 8 bytes after NFC: accepted.
        #expect(policy.decide(String(repeating: iota, count: 4) + ".pdf").isAccepted)
        // 48 bytes as sent, 4 × 12: refused at once, the length as sent in the reason, even with a bidi
        // control that the checks would otherwise name.
        let far = policy.decide("\u{202E}" + String(repeating: iota, count: 7) + ".pd")
        #expect(far.code == .nameTooLongBytes)
        #expect(far.reason()?.contains("(48 bytes; at most 12 allowed)") == true)
        let explanation = policy.explain(FileCandidate(name: String(repeating: "x", count: 48)))
        #expect(explanation.steps.first?.detail.contains("before normalising") == true)
    }

    @Test func nullLimitsMeanUnlimited() throws {
        let policy = try Fixtures.pdfPolicy(#""limits": { "maxNameBytes": null, "maxNameCharacters": null }"#)
        #expect(policy.decide(String(repeating: "x", count: 10_000) + ".pdf", "application/pdf").isAccepted)
    }

    @Test func reasonsShowTheOffendingCharacter() {
        let decision = permissive.decide("testFile\u{202E}cod.exe")
        #expect(decision.reason(in: .english)?.contains("U+202E") == true)
        #expect(decision.reason(in: .brazilianPortuguese)?.contains("U+202E") == true)
        #expect(decision.reason()?.unicodeScalars.contains("\u{202E}") == false)
    }
}
