import Foundation
import Testing
import UploadPolicy

@testable import PolicyLint

@Suite("Lint report")
struct LintReportTests {
    static func file(_ name: String, id: String) -> LintedFile {
        let json = #"{ "id": "\#(id)", "accept": [ { "label": "PDF", "name": "\\.pdf$" } ] }"#
        return PolicyLinter(mimeDatabase: Fixtures.mime).lint(data: Data(json.utf8), file: name)
    }

    @Test func duplicateIDsAcrossFiles() throws {
        var report = LintReport(maximumErrors: 0)
        report.add(Self.file("a.json", id: "same"))
        report.add(Self.file("b.json", id: "other"))
        report.add(Self.file("c.json", id: "same"))
        let finding = try #require(report.findings.first)
        #expect(report.findings.count == 1)
        #expect(
            finding.description == "c.json:1:9: error: id: id 'same' is already used by a.json [policy.duplicate_id]")
    }

    @Test func stopsAfterTheMaximumNumberOfErrors() {
        var report = LintReport(maximumErrors: 2)
        let errors = (0..<3).map { LintFinding.unreadable("f\($0)", "no such file or directory") }
        let warning = LintFinding(id: .unknownType, file: "w", path: "", message: "w")
        let first = report.add([warning, errors[0]])
        let second = report.add([errors[1], errors[2]])
        #expect(first)
        #expect(!second)
        #expect(report.isStopped)
        report.noteStopped(filesLeft: 5)
        #expect(
            report.findings.map(\.id.rawValue) == [
                "type.unknown", "policy.unreadable", "policy.unreadable", "policy.too_many_errors",
            ])
        #expect(report.findings.last?.message == "stopped after 2 errors (--max-errors); 5 more files were not linted")
    }

    @Test func zeroMeansNoLimit() {
        var report = LintReport(maximumErrors: 0)
        report.add((0..<50).map { LintFinding.unreadable("f\($0)", "x") })
        #expect(!report.isStopped)
        #expect(report.findings.count == 50)
    }

    @Test func notesAloneDoNotFail() {
        var report = LintReport(maximumErrors: 10)
        report.add([LintFinding(id: .dotNetDollar, severity: .info, file: "f", path: "", message: "m")])
        #expect(!report.hasFailures)
        report.add([LintFinding(id: .unanchoredPattern, file: "f", path: "", message: "m")])
        #expect(report.hasFailures)
    }

    @Test func loadErrorsLocatedForOtherCommands() throws {
        let data = Data(#"{ "id": "x", "accept": [ { "label": "a", "name": "(" } ] }"#.utf8)
        var loader = PolicyLoader(mimeDatabase: Fixtures.mime)
        #expect(loader.load(data: data, source: "p.json") == nil)
        let findings = PolicyLinter(mimeDatabase: Fixtures.mime).locate(loader.errors, in: data, file: "p.json")
        #expect(
            findings.map(\.description) == [
                "p.json:1:52: error: accept[0].name: missing closing parenthesis [policy.pattern_invalid]"
            ])
    }
}
