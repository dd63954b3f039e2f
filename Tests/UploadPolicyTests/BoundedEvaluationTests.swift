import Foundation
import Testing
@testable import UploadPolicy

/// A policy of known catastrophic patterns still answers every name quickly, failing closed with
/// `pattern.limit`. The worst case is measured in a release build by `Benchmarks/WorstCaseBenchmark`
/// (docs/benchmarks.md); these tests check the decisions, and only loosely the time.
@Suite("Bounded evaluation")
struct BoundedEvaluationTests {
    /// Nested quantifiers, overlapping alternations under repetition (bounded too), adjacent overlapping
    /// repeats; anchored and not. JSON-escaped.
    static let patterns = [
        #"^(a+)+$"#, #"^(\\w+\\s?)*$"#, #"(a|a)*b"#, #"(.*a){12}"#, #"^(a|aa)+$"#, #"(a|a){0,14}bc"#,
        #"\\w*_\\w*_\\w*!"#,
    ]

    /// A policy accepting names that match any of `patterns`, each an entry.
    static func policy(_ patterns: [String]) -> Policy {
        let entries = patterns.enumerated().map { #"{"label": "kind \#($0)", "name": "\#($1)"}"# }
        let json = #"{"id": "catastrophic", "accept": [\#(entries.joined(separator: ", "))]}"#
        var loader = PolicyLoader(mimeDatabase: Fixtures.mime)
        guard let policy = loader.load(data: Data(json.utf8), source: "<test>") else { fatalError("\(loader.errors)") }
        return policy
    }

    static let policy = policy(patterns)

    static func run(_ run: String, _ count: Int, _ ending: String) -> String {
        String(repeating: run, count: count) + ending
    }

    /// For each pattern, in order, a name that makes it backtrack past the budget.
    static let adversarial = [
        run("a", 30, "!"), run("ab", 15, "!"), run("a", 30, "!b"), run("ab", 10, "!"), run("a", 30, "!"),
        run("a", 240, "bc"), run("_", 60, "\u{2603}_!"),
    ]

    @Test(arguments: zip(patterns, adversarial))
    func eachPatternFailsClosed(_ pattern: String, _ name: String) {
        let decision = Self.policy([pattern]).evaluate(FileCandidate(name: name, contentType: "text/plain"))
        #expect(decision.code == .patternLimit, "\(name.utf8.count) bytes: \(decision)")
        #expect(!decision.isAccepted)
        #expect(decision.rule == "accept[0]")
        #expect(decision.reason(in: .english)?.isEmpty == false)
        #expect(decision.reason(in: .brazilianPortuguese)?.isEmpty == false)
    }

    /// One policy holding them all: every adversarial name fails closed, at whichever entry gives up first.
    @Test(arguments: adversarial)
    func aPolicyOfThemAllFailsClosed(_ name: String) {
        let decision = Self.policy.evaluate(FileCandidate(name: name, contentType: "text/plain"))
        #expect(decision.code == .patternLimit, "\(name.utf8.count) bytes: \(decision)")
        #expect(decision.rule?.hasPrefix("accept[") == true)
    }

    /// The regression that made this suite: PCRE2 restarts its step count at every start position, so
    /// `(a|a){0,14}bc` spent just under the limit at each of 240 positions (30 ms with JIT, 0.7 s without)
    /// and answered "no match". The budget now covers the whole search, so it fails closed instead.
    @Test func theBudgetCoversEveryStartPosition() throws {
        let pattern = try CompiledPattern("(a|a){0,14}bc")
        #expect(pattern.matches(Self.run("a", 240, "bxc")) == .limitExceeded(.match))
        let interpreted = try CompiledPattern("(*NO_JIT)(a|a){0,14}bc")
        #expect(interpreted.matches(Self.run("a", 240, "bxc")) == .limitExceeded(.match))
        #expect(pattern.matches(Self.run("a", 5, "bc")) == .match)
        #expect(pattern.matches("xbc") == .match)
    }

    /// Every name of up to 255 bytes over the patterns' alphabets gets its answer in well under the time a
    /// runaway search took. The bound here is loose (a debug build on a shared machine); the release worst
    /// case, about 0.1 ms, is in docs/benchmarks.md.
    @Test func everyDecisionIsQuick() {
        let scratch = MatchScratch()
        var slowest: (Duration, String) = (.zero, "")
        for run in ["a", "ab", "_", "aa "] {
            for ending in ["", "!", "bxc", "!.pdf"] {
                for count in stride(from: 1, through: 250 / run.utf8.count, by: 7) {
                    let name = Self.run(run, count, ending)
                    let candidate = FileCandidate(name: name)
                    var best = Duration.seconds(1)
                    for _ in 0..<3 {
                        let start = ContinuousClock.now
                        _ = Self.policy.evaluate(candidate, scratch: scratch)
                        best = min(best, ContinuousClock.now - start)
                    }
                    if best > slowest.0 { slowest = (best, name) }
                }
            }
        }
        #expect(slowest.0 < .milliseconds(10), "\(slowest.1.utf8.count) bytes took \(slowest.0)")
    }

    /// Ordinary patterns never reach the budget on long names, with JIT or without.
    @Test(arguments: [
        #"\.pdf$"#, #"invoice.*\.pdf$"#, #"(?<![a-z])\.pdf$"#, #"\.[a-z0-9]{2,4}$"#,
        #"^[\p{L}\p{N} ._()-]{1,250}\.pdf$"#,
        #"^(?!.*\.(exe|bat)).{1,250}\.(pdf|docx?)$"#, #"(\w+)-\1\.pdf$"#,
    ])
    func ordinaryPatternsStayWithinTheBudget(_ source: String) throws {
        let stem = String(repeating: "Relatório final assinado invoice-", count: 7)
        for prefix in ["", "(*NO_JIT)"] {
            let pattern = try CompiledPattern(prefix + source)
            for name in [stem + "invoice.pdf", stem + "x.txt", String(repeating: "ab-", count: 80) + "ab-ab.pdf"] {
                let result = pattern.matches(name)
                #expect(result != .limitExceeded(.match), "\(prefix)\(source) on \(name.utf8.count) bytes")
            }
        }
    }
}
