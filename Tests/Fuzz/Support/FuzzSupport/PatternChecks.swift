import Foundation
@testable public import UploadPolicy

/// Properties of pattern matching the targets check on fuzzer-made patterns and names.
public enum PatternChecks {
    /// The slowest a decision may be here: twenty times the endpoint's 1 ms target, since these builds carry
    /// sanitizer and coverage instrumentation (PCRE2 itself does not). Runaway searches took 30 ms to seconds.
    public static let slowDecision = Duration.milliseconds(20)

    /// Evaluates `candidate` and checks the decision came quickly; a slow one is timed twice more, and only
    /// the fastest of three counts, so a busy machine does not make a finding.
    public static func evaluateQuickly(_ policy: Policy, _ candidate: FileCandidate) -> Decision {
        let clock = ContinuousClock()
        var decision: Decision?
        var fastest = clock.measure { decision = policy.evaluate(candidate) }
        if fastest > slowDecision {
            for _ in 0..<2 { fastest = min(fastest, clock.measure { _ = policy.evaluate(candidate) }) }
        }
        invariant(fastest <= slowDecision, "a decision took \(fastest) on \(candidate) in \(policy.id)")
        return decision!
    }

    /// The whole-search rewrite finds what the pattern's own search finds, whenever both finish.
    public static func checkWholeSearch(_ pattern: CompiledPattern, name: String) {
        guard let source = WholeSearch.source(searching: pattern.source),
            let rewritten = try? CompiledPattern(source, options: pattern.options)
        else { return }
        let original = pattern.matches(name)
        let whole = rewritten.matches(name)
        if case .limitExceeded = original { return }
        if case .limitExceeded = whole { return }
        invariant(
            original == whole,
            "\(pattern.source) finds \(original) but its rewrite \(whole) in \(DecisionChecks.scalars(name))")
    }
}
