import Testing
import UploadPolicy

@testable import PolicyLint

@Suite("Anchors, .NET constructs, types")
struct PatternCheckTests {
    @Test(arguments: [
        ("\\.pdf", "x.pdf.exe"), ("\\.pdf.*$", "x.pdf.exe"), ("^report", "report.exe"), ("pdf|doc$", "xpdf.exe"),
        ("\\.pdf(?=.)?", "x.pdf.exe"),
    ])
    func unanchoredAcceptPatterns(_ pattern: String, _ example: String) throws {
        let finding = try #require(Fixtures.lint(pattern: pattern).first { $0.id == .unanchoredPattern })
        #expect(finding.message.hasSuffix("it also accepts '\(example)'"), "\(finding.message)")
        #expect(finding.severity == .warning)
    }

    @Test(arguments: ["\\.pdf$", "\\.exe$", "(\\.pdf|\\.doc)$", "\\.pdf\\z", "^[^.]+$", "\\.pdf(?!.)"])
    func anchoredAcceptPatterns(_ pattern: String) {
        #expect(!Fixtures.lint(pattern: pattern).contains { $0.id == .unanchoredPattern }, "\(pattern)")
    }

    @Test func rejectRulesMayBeUnanchored() {
        let findings = Fixtures.lint(
            #"""
            { "id": "t", "accept": [ { "label": "PDF", "name": "\\.pdf$" } ], "reject": [ { "name": "^~\\$" } ] }
            """#)
        #expect(findings.isEmpty)
    }

    @Test func classSubtractionIsAnError() throws {
        let finding = try #require(Fixtures.lint(pattern: "^[a-z-[aeiou]]+\\.pdf$").first)
        #expect(finding.id == .dotNetClassSubtraction)
        #expect(finding.severity == .error)
        #expect(finding.excerpt?.highlight == 5..<14)
    }

    @Test func unknownTypesSuggestKnownOnes() throws {
        let findings = Fixtures.lint(
            #"""
            { "id": "t", "accept": [
              { "label": "PDF", "name": "\\.pdf$", "types": ["application/pdf", "image/*", "*/*", "image/jpg"] },
              { "label": "Sheet", "name": "\\.xlsx$", "types": ["application/x-excel-2007"] } ] }
            """#)
        #expect(findings.map(\.path) == ["accept[1].types[0]"], "aliases, wildcards and known types pass")
        let hint = try #require(findings.first?.hint)
        #expect(hint.contains("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
    }

    @Test func contradictingExamplesSayWhatHappened() throws {
        let findings = Fixtures.lint(
            #"""
            { "id": "t", "accept": [ { "label": "PDF", "name": "\\.pdf$", "types": ["application/pdf"] } ],
              "examples": [ { "name": "a.pdf", "contentType": "image/png", "length": 3, "expect": "accept" } ] }
            """#)
        let finding = try #require(findings.first)
        #expect(finding.id == .contradictingExample)
        #expect(
            finding.message == "the example 'a.pdf' with type 'image/png', length 3 expects accept, but the policy "
                + "gives reject (type.mismatch at accept[0].types)")
    }

    @Test func patternsAreCheckedEvenWhenTheFileHasOtherErrors() {
        let findings = Fixtures.lint(
            #"""
            { "id": "Bad Id", "accept": [ { "label": "PDF", "name": "\\.pdf", "types": ["application/pdff"] } ] }
            """#)
        #expect(Fixtures.ids(findings) == ["pattern.unanchored", "policy.invalid_value", "type.unknown"])
    }
}
