import Testing
import UploadPolicy

@testable import PolicyLint

@Suite("Catastrophic backtracking")
struct BacktrackingTests {
    static func kinds(_ pattern: String) throws -> [BacktrackingSuspect.Kind] {
        BacktrackingAnalysis(try Fixtures.tree(pattern).root).suspects.map(\.kind)
    }

    @Test(arguments: [
        ("(a+)+$", BacktrackingSuspect.Kind.nestedRepeat), ("^(\\w+\\s?)*$", .nestedRepeat), ("(a*)*b", .nestedRepeat),
        ("^([a-z]+[0-9]*)+\\.csv$", .nestedRepeat), ("(a|a)*$", .overlappingAlternatives),
        ("(a|aa)+$", .overlappingAlternatives), ("(\\w|\\d)+$", .overlappingAlternatives),
        ("\\w*_\\w*_\\w*$", .adjacentRepeats), (".*.*=.*", .adjacentRepeats), ("(\\w+)_(\\w+)!", .adjacentRepeats),
    ])
    func suspects(_ pattern: String, _ kind: BacktrackingSuspect.Kind) throws {
        #expect(try Self.kinds(pattern).contains(kind), "\(pattern)")
    }

    /// Shapes that look like the classic ones but cannot split a name in more than one way.
    @Test(arguments: [
        "\\.pdf$", "^[\\w\\s-]+\\.docx?$", "(\\.[a-z0-9]+)*$", "(\\.pdf|\\.doc)+$", "^[^.]+\\.[^.]+$", "^\\w+\\s\\w+$",
        "(?>\\w+\\s?)*$", "(\\w+\\s?)*+$", "(a+b)*$", "^[\\w\\s]+-[\\w\\s]+\\.pdf$", "\\w++_\\w*$",
        "(a|ab)*$", "(?:ext1|ext10|ext2)+\\.x$",
    ])
    func cleanShapes(_ pattern: String) throws {
        #expect(try Self.kinds(pattern).isEmpty, "\(pattern)")
    }

    @Test func probingConfirmsExponentialPatterns() throws {
        let findings = Fixtures.lint(pattern: "^(\\w+\\s?)*\\.pdf$")
        let finding = try #require(findings.first { $0.id == .catastrophicPattern })
        #expect(finding.severity == .error)
        #expect(finding.message.contains("confirmed: the name 'a' × 11 + '!.pdf' (16 bytes)"))
        #expect(finding.excerpt?.highlight == 1..<10)
    }

    @Test func theProbeRespectsThePolicysNameLimit() throws {
        // 2^n grows past the limit only from about 17 characters: below that, the pattern is only suspected.
        let findings = Fixtures.lint(pattern: "^(a|aa)+$", extra: #""limits": { "maxNameBytes": 12 }"#)
        let finding = try #require(findings.first)
        #expect(finding.severity == .warning)
        #expect(finding.message.contains("up to 12 bytes"))
    }

    @Test func probingMeasuresPolynomialPatterns() throws {
        let pattern = try CompiledPattern("^\\w*_\\w*_\\w*\\.txt$")
        let tree = try Fixtures.tree(pattern.source)
        let outcome = BacktrackingProbe(pattern: pattern, maximumBytes: 64)
            .run(seeds: BacktrackingAnalysis(tree.root).allSeeds, measuring: true)
        guard case .heavy(_, let steps, let limit, let growth) = outcome else {
            Issue.record("expected a measured pattern, got \(outcome)")
            return
        }
        #expect(limit == PatternLimits.default.matchLimit)
        #expect(steps > limit / 10 && steps < limit)
        #expect(growth > 3, "quadratic: about four times the steps for twice the length")
    }

    @Test func grouping() {
        #expect(BacktrackingCheck.grouped(7) == "7")
        #expect(BacktrackingCheck.grouped(100_000) == "100,000")
        #expect(String(format1: 3.96) == "4.0")
    }
}
