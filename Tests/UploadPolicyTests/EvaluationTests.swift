import Testing
import UploadPolicy

@Suite("Evaluation")
struct EvaluationTests {
    @Test func decisionOrderChecksThenRejectThenLimitsThenAccept() throws {
        let policy = try Fixtures.pdfPolicy(
            #"""
            "reject": [ { "name": "^draft", "reason": { "en": "Drafts cannot be signed.", "pt-BR": "Rascunhos não." } } ],
            "limits": { "maxSize": 100, "minSize": 1 }
            """#)
        #expect(policy.decide("draft\u{202E}.pdf", length: 1000).code == .bidiControl)
        #expect(policy.decide("draft.pdf", length: 1000).code == .rejectedByRule)
        #expect(policy.decide("final.exe", length: 1000).code == .tooLarge)
        #expect(policy.decide("final.exe", length: 10).code == .notAccepted)
        #expect(policy.decide("final.pdf", "image/png", length: 10).code == .typeMismatch)
        #expect(policy.decide("final.pdf", "application/pdf", length: 10).isAccepted)
    }

    @Test func ruleReasonsAndRulePaths() throws {
        let policy = try Fixtures.pdfPolicy(
            #"""
            "reject": [ { "name": "^x" }, { "name": "^draft", "reason": { "en": "Drafts ({name}) cannot be signed.", "pt-BR": "Rascunhos não." } } ]
            """#)
        let decision = policy.decide("draft.pdf")
        #expect(decision.rule == "reject[1]")
        #expect(decision.reason() == "Drafts (draft.pdf) cannot be signed.")
        #expect(decision.reason(in: .brazilianPortuguese) == "Rascunhos não.")
        #expect(policy.decide("x.pdf").reason() == "Files with this name are not accepted.")
    }

    @Test func notAcceptedSaysWhatWouldBeAccepted() throws {
        let policy = try Fixtures.shipped("default")
        let decision = policy.decide("setup.exe", "application/x-msdownload")
        #expect(decision.code == .notAccepted)
        #expect(decision.rule == "accept")
        let english = try #require(decision.reason(in: .english))
        #expect(english.hasPrefix("This kind of file is not accepted. Accepted: PDF document, Word document, "))
        #expect(english.hasSuffix("TIFF image or HEIC image."))
        let portuguese = try #require(decision.reason(in: .brazilianPortuguese))
        #expect(portuguese.hasPrefix("Este tipo de arquivo não é aceito. Aceitos: documento PDF, documento do Word"))
        #expect(portuguese.hasSuffix("imagem TIFF ou imagem HEIC."))
    }

    @Test func typeMismatchNamesTheExpectedTypes() throws {
        let policy = try Fixtures.shipped("default")
        let decision = policy.decide("contrato.docx", "application/pdf")
        #expect(decision.code == .typeMismatch)
        #expect(decision.rule == "accept[1].types")
        #expect(
            decision.reason() == "The file's type (application/pdf) does not match its extension. "
                + "Expected for “Word document”: application/msword or "
                + "application/vnd.openxmlformats-officedocument.wordprocessingml.document.")
    }

    @Test("Hidden characters in quoted input show as � in reasons, never dropped")
    func hiddenCharactersInReasonsAreMarked() throws {
        let policy = try Fixtures.shipped("default")
        let type = policy.decide("contrato.pdf", "application/pdf\u{0}")
        #expect(type.code == .invalidType)
        #expect(
            type.reason() == "The file type reported by the browser (“application/pdf\u{FFFD}”) is not a valid type.")
        let bidi = policy.decide("contrato.pdf", "application/\u{202E}fdp")
        #expect(bidi.reason() == "The file type reported by the browser (“application/\u{FFFD}fdp”) is not a valid type.")
    }

    @Test(
        "A joiner, tag or variation selector the name checks refuse where it stands shows as � in reasons too",
        arguments: ["\u{200D}", "\u{200C}", "\u{FE0F}", "\u{FE00}", "\u{E0100}", "\u{E0041}"])
    func outOfPlaceSequenceCharactersInReasonsAreMarked(character: String) throws {
        let policy = try Fixtures.shipped("default")
        let type = policy.decide("contrato.pdf", "application/pdf" + character)
        #expect(type.code == .invalidType)
        #expect(
            type.reason() == "The file type reported by the browser (“application/pdf\u{FFFD}”) is not a valid type.")
    }

    @Test("Sequences the name checks accept keep their joiners, tags and variation selectors when quoted")
    func legitimateSequencesStayIntactWhenQuoted() throws {
        let policy = try Fixtures.shipped("default")
        func quoted(_ type: String) -> String? {
            let reason = policy.decide("contrato.pdf", type).reason() ?? ""
            guard let open = reason.firstIndex(of: "“"), let close = reason.lastIndex(of: "”") else { return nil }
            return String(reason[reason.index(after: open)..<close])
        }
        for text in [
            "x/👩\u{200D}💻 notas", "x/❤\u{FE0F} contrato", "x/می\u{200C}خواهم", "x/ශ්\u{200D}රී",
            "x/🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} relatório", "x/葛\u{E0100}西",
        ] {
            #expect(quoted(text) == text)
        }
        #expect(quoted("a\u{200D}b\u{FE0F}c\u{E0041}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
    }

    @Test func sizeReasonsAreHumanReadable() throws {
        let policy = try Fixtures.shipped("pdf-only")
        let decision = policy.decide("a.pdf", "application/pdf", length: 60_000_000)
        #expect(decision.reason() == "The file is too large (57.2 MB); the maximum is 50 MB.")
        #expect(decision.reason(in: .brazilianPortuguese) == "O arquivo é grande demais (57,2 MB); o máximo é 50 MB.")
        #expect(policy.decide("a.pdf", "application/pdf", length: -5).code == .invalidSize)
        #expect(
            policy.decide("a.pdf", "application/pdf", length: 0).reason()
                == "The file is too small (0 bytes); the minimum is 1 byte.")
        #expect(
            policy.decide("a.pdf", "application/pdf", length: 0).reason(in: .brazilianPortuguese)
                == "O arquivo é pequeno demais (0 bytes); o mínimo é 1 byte.")
    }

    @Test func policyReasonOverridesApply() throws {
        let policy = try Fixtures.shipped("pdf-only")
        #expect(
            policy.decide("a.docx").reason()
                == "Only PDF documents are accepted. Save or print the file as PDF and try again.")
    }

    @Test func emptyTypeHandling() throws {
        let infer = try Fixtures.pdfPolicy()
        #expect(infer.decide("a.pdf", nil).isAccepted)
        #expect(infer.decide("a.pdf", "").isAccepted)
        #expect(infer.decide("a.pdf", "  ").isAccepted)
        #expect(infer.decide("a.pdf", "application/octet-stream").isAccepted)

        let inferNothing = try Fixtures.policy(
            #"{ "id": "x", "accept": [ { "label": "Thing", "name": "\\.zzq$", "types": ["application/x-thing"] } ] }"#)
        #expect(inferNothing.decide("a.zzq", "").code == .undeterminedType)
        #expect(inferNothing.decide("a.zzq", "application/x-thing").isAccepted)

        let inferWrong = try Fixtures.policy(
            #"{ "id": "x", "accept": [ { "label": "PDF", "name": "\\.(pdf|png)$", "types": ["application/pdf"] } ] }"#)
        #expect(inferWrong.decide("a.png", "").code == .typeMismatch)

        let reject = try Fixtures.pdfPolicy(#""options": { "emptyType": "reject" }"#)
        #expect(reject.decide("a.pdf", "").code == .missingType)
        #expect(reject.decide("a.pdf", "application/octet-stream").code == .missingType)
        #expect(reject.decide("a.pdf", "application/pdf").isAccepted)

        let accept = try Fixtures.policy(
            #"{ "id": "x", "accept": [ { "label": "Thing", "name": "\\.zzq$", "types": ["application/x-thing"] } ], "options": { "emptyType": "accept" } }"#
        )
        #expect(accept.decide("a.zzq", "").isAccepted)
    }

    @Test func invalidReportedTypeIsRejectedEvenWithoutTypeRules() throws {
        let policy = try Fixtures.policy(#"{ "id": "x", "accept": [ { "label": "any", "name": "." } ] }"#)
        #expect(policy.decide("a.pdf", "not a type").code == .invalidType)
        #expect(policy.decide("a.pdf", "whatever/thing").isAccepted)
        let decision = policy.decide("a.pdf", "evil\u{202E}type")
        #expect(decision.reason()?.unicodeScalars.contains("\u{202E}") == false)
    }

    @Test func wildcardTypes() throws {
        let policy = try Fixtures.policy(
            #"{ "id": "x", "accept": [ { "label": "image", "name": "\\.(png|jpe?g)$", "types": ["image/*"] }, { "label": "doc", "name": "\\.doc$", "types": ["*/*"] } ] }"#
        )
        #expect(policy.decide("a.png", "image/png").isAccepted)
        #expect(policy.decide("a.png", "image/x-anything").isAccepted)
        #expect(policy.decide("a.png", "imagex/png").code == .typeMismatch)
        #expect(policy.decide("a.png", "application/pdf").code == .typeMismatch)
        #expect(policy.decide("a.doc", "application/anything").isAccepted)
    }

    @Test func firstMatchingEntryDecidesTheType() throws {
        let policy = try Fixtures.policy(
            #"""
            { "id": "x", "accept": [ { "label": "report", "name": "^report.*\\.pdf$", "types": ["application/pdf"] },
                                     { "label": "any PDF or text", "name": "\\.pdf$", "types": ["text/plain"] } ] }
            """#)
        #expect(policy.decide("report-1.pdf", "text/plain").code == .typeMismatch)
        #expect(policy.decide("other.pdf", "text/plain").isAccepted)
        #expect(policy.decide("report-1.pdf", "text/plain").rule == "accept[0].types")
    }

    @Test func patternLimitFailsClosed() throws {
        let policy = try Fixtures.policy(
            #"""
            { "id": "x", "accept": [ { "label": "bad", "name": "^(\\w+\\s?)*$" } ] }
            """#)
        let name = String(repeating: "a", count: 200) + "!"
        let decision = policy.decide(name)
        #expect(decision.code == .patternLimit)
        #expect(decision.rule == "accept[0]")
        #expect(decision.reason() == "The file name could not be checked. Try again with a shorter, simpler name.")
    }

    @Test func explainRecordsEverySteps() throws {
        let policy = try Fixtures.shipped("default")
        let explanation = policy.explain(FileCandidate(name: "U\u{308}bersicht.docx", contentType: "application/zip"))
        #expect(explanation.decision.isAccepted)
        #expect(
            explanation.steps.map(\.stage) == [
                "normalize", "checks", "reject[0]", "reject[1]", "limits", "accept[1]", "type",
            ])
        #expect(explanation.steps.first?.detail == "converted to NFC")
        #expect(explanation.steps.last?.outcome == .passed)
        #expect(explanation.steps.last?.detail.contains("less specific") == true)
    }

    @Test func hostileInputsAlwaysGetADecision() throws {
        let policy = try Fixtures.shipped("default")
        let inputs: [FileCandidate] = [
            FileCandidate(name: String(repeating: "\u{301}", count: 1000)),
            FileCandidate(name: String(repeating: "a", count: 10_000) + ".pdf", contentType: "application/pdf"),
            FileCandidate(name: String(repeating: "👁\u{200D}🗨", count: 2000)),
            FileCandidate(name: "a.pdf", contentType: String(repeating: "x/", count: 5000)),
            FileCandidate(name: "a.pdf", contentType: "application/pdf", length: .max),
            FileCandidate(name: "a.pdf", contentType: "application/pdf", length: .min),
            FileCandidate(name: "\u{0}\u{0}\u{0}"),
            FileCandidate(name: "\u{10FFFF}.pdf", contentType: ";;;"),
        ]
        for input in inputs {
            let decision = policy.evaluate(input)
            #expect(!decision.isAccepted)
            #expect(decision.reason() != nil)
        }
    }
}
