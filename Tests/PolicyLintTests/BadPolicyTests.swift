import Foundation
import Testing
import UploadPolicy

@testable import PolicyLint

/// The deliberately bad policies in `BadPolicies/`: each shows one kind of finding, and nothing else.
struct BadPolicyCase: Sendable, CustomTestStringConvertible {
    let file: String
    /// The ids lint must report for the file (with repeats when it shows the finding twice).
    let ids: [String]
    var testDescription: String { file }

    static let all: [BadPolicyCase] = [
        BadPolicyCase(file: "json_invalid.json", ids: ["policy.json_invalid"]),
        BadPolicyCase(file: "unknown_key.json", ids: ["policy.unknown_key"]),
        BadPolicyCase(file: "missing_key.json", ids: ["policy.missing_key"]),
        BadPolicyCase(file: "wrong_type.json", ids: ["policy.wrong_type"]),
        BadPolicyCase(file: "invalid_value.json", ids: ["policy.invalid_value"]),
        BadPolicyCase(file: "pattern_invalid.json", ids: ["policy.pattern_invalid"]),
        BadPolicyCase(file: "type_invalid.json", ids: ["policy.type_invalid"]),
        BadPolicyCase(file: "reason_placeholder.json", ids: ["policy.reason_placeholder"]),
        BadPolicyCase(file: "duplicate_id-a.json", ids: []),
        BadPolicyCase(file: "duplicate_id-b.json", ids: []),  // the duplicate shows when both are linted
        BadPolicyCase(file: "duplicate_key.json", ids: ["policy.duplicate_key"]),
        BadPolicyCase(file: "catastrophic-confirmed.json", ids: ["pattern.catastrophic", "pattern.catastrophic"]),
        BadPolicyCase(file: "catastrophic-suspected.json", ids: ["pattern.catastrophic", "pattern.catastrophic"]),
        BadPolicyCase(file: "unanchored.json", ids: ["pattern.unanchored", "pattern.unanchored"]),
        BadPolicyCase(file: "dotnet_class_subtraction.json", ids: ["pattern.dotnet_class_subtraction"]),
        BadPolicyCase(file: "dotnet_dollar.json", ids: ["pattern.dotnet_dollar", "pattern.dotnet_dollar"]),
        BadPolicyCase(file: "type_unknown.json", ids: ["type.unknown", "type.unknown"]),
        BadPolicyCase(file: "unreachable.json", ids: ["entry.unreachable", "entry.unreachable", "entry.unreachable"]),
        BadPolicyCase(file: "example_contradicts.json", ids: ["example.contradicts", "example.contradicts"]),
    ]
}

@Suite("Bad policies")
struct BadPolicyTests {
    static func lint(_ file: String) throws -> [LintFinding] {
        let data = try Data(contentsOf: Fixtures.badPolicies.appendingPathComponent(file))
        return PolicyLinter(mimeDatabase: Fixtures.mime).lint(data: data, file: file).findings
    }

    @Test(arguments: BadPolicyCase.all)
    func eachFileShowsItsFinding(_ bad: BadPolicyCase) throws {
        let findings = try Self.lint(bad.file)
        #expect(Fixtures.ids(findings) == bad.ids.sorted(), "\(findings.map(\.description))")
        for finding in findings {
            #expect(finding.location != nil, "every finding in a readable file is located: \(finding)")
            #expect(!finding.hint.isEmpty)
        }
    }

    @Test func everyCaseHasAFile() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.badPolicies.path)
        #expect(Set(files) == Set(BadPolicyCase.all.map(\.file)))
    }

    @Test func everyFindingIDIsShownByABadPolicyOrAReportTest() {
        let shown = Set(BadPolicyCase.all.flatMap(\.ids))
            .union(["policy.duplicate_id", "policy.unreadable", "policy.too_many_errors"])  // LintReportTests
        #expect(Set(FindingID.all.map(\.rawValue)) == shown)
    }

    @Test func confirmedAndSuspectedHaveTheirSeverities() throws {
        let confirmed = try Self.lint("catastrophic-confirmed.json")
        #expect(confirmed.allSatisfy { $0.severity == .error && $0.message.contains("confirmed") })
        let suspected = try Self.lint("catastrophic-suspected.json")
        #expect(suspected.allSatisfy { $0.severity == .warning && $0.message.contains("suspected") })
        #expect(suspected.contains { $0.message.contains("53 of the 4,000 backtracking steps") }, "measured")
        #expect(suspected.contains { $0.message.contains("stayed under a hundredth of the match limit") })
    }

    @Test func patternErrorsPutTheCaretUnderTheOffendingCharacter() throws {
        let finding = try #require(try Self.lint("pattern_invalid.json").first)
        let excerpt = try #require(finding.excerpt)
        #expect(excerpt.text == "^relatório[0-9\\.pdf$")
        #expect(excerpt.highlight == 20..<20)  // PCRE2 reports the end of the pattern
        // Line 4: the value's quote is at column 38, and `\\.` takes two columns in the file for one scalar.
        #expect(finding.location == TextLocation(line: 4, column: 59, endLine: 4, endColumn: 59))
    }

    @Test func dotNetDollarIsANoteWhileControlCharactersAreChecked() {
        let findings = Fixtures.lint(pattern: "\\.pdf\\Z")
        #expect(findings.map(\.id) == [.dotNetDollar])
        #expect(findings.first?.severity == .info)
        #expect(findings.first?.message.contains("harmless") == true)
    }
}
