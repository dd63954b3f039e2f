import Testing

@testable import PolicyLint

@Suite("Unreachable entries")
struct ReachabilityTests {
    static func unreachable(_ accept: [String], reject: [String] = [], caseInsensitive: Bool = true) -> [String] {
        func quoted(_ pattern: String) -> String {
            "\"" + pattern.replacingOccurrences(of: "\\", with: "\\\\") + "\""
        }
        let entries = accept.enumerated().map { #"{ "label": "e\#($0.offset)", "name": \#(quoted($0.element)) }"# }
        let rules = reject.map { #"{ "name": \#(quoted($0)) }"# }
        let findings = Fixtures.lint(
            """
            { "id": "t", "accept": [\(entries.joined(separator: ","))], "reject": [\(rules.joined(separator: ","))],
              "options": { "caseInsensitive": \(caseInsensitive) } }
            """)
        return findings.filter { $0.id == .unreachableEntry }.map(\.path)
    }

    @Test func theSamePatternTwice() {
        #expect(Self.unreachable(["\\.pdf$", "\\.doc$", "\\.pdf$"]) == ["accept[2]"])
        #expect(Self.unreachable(["\\.pdf$", "\\.pdf$"], caseInsensitive: false) == ["accept[1]"])
    }

    @Test func coveredByAnEarlierUnconditionalSuffix() {
        #expect(Self.unreachable(["\\.docx?$", "^contrato\\.DOC$", "\\.(doc|docx)$"]) == ["accept[1]", "accept[2]"])
        #expect(Self.unreachable(["\\.(pdf|tar\\.gz)$", "\\.pdf$", "\\.gz$"]) == ["accept[1]"], ".tar.gz is not .gz")
    }

    @Test func shadowedByARejectRule() {
        #expect(Self.unreachable(["\\.pdf$", "^setup\\.exe$"], reject: ["\\.exe$"]) == ["accept[1]"])
        #expect(Self.unreachable(["\\.pdf$", "\\.doc$"], reject: [".*"]) == ["accept[0]", "accept[1]"])
        #expect(Self.unreachable(["\\.pdf$"], reject: ["\\.pdf$"]) == ["accept[0]"])
    }

    @Test func anEntryMatchingEveryNameShadowsTheRest() {
        #expect(Self.unreachable([".*", "\\.pdf$"]) == ["accept[1]"])
    }

    /// Conservative: nothing is reported where a name could still reach the entry.
    @Test func reachableEntriesAreNotReported() {
        #expect(Self.unreachable(["^report\\.pdf$", "\\.pdf$"]).isEmpty, "the earlier entry is conditional")
        #expect(Self.unreachable(["\\.pdf$", "\\.PDF$"], caseInsensitive: false).isEmpty, "case matters here")
        #expect(Self.unreachable(["(?-i)\\.pdf$", "\\.pdf$"]).isEmpty, "the earlier entry is case-sensitive")
        #expect(Self.unreachable(["\\.pdf$", "[a-z]+"]).isEmpty, "the later entry may match anything")
        #expect(Self.unreachable(["\\.pdf$"], reject: ["^~\\$", "x\\.pdf$"]).isEmpty)
        #expect(Self.unreachable(["\\.pdf$", "\\.doc$"], reject: ["(?=.*)"]).isEmpty, "lookarounds are not judged")
    }
}
