public import UploadPolicy

/// The result of running one of a policy's examples: the decision with its steps, and whether it is the one
/// the example expects. Shared by `uploadgate test` (which reports every example) and lint's
/// `example.contradicts` (which reports the failures).
public struct ExampleOutcome: Sendable {
    /// The example.
    public let example: PolicyExample
    /// The decision and every step taken.
    public let explanation: Explanation

    /// Evaluates `example` with `policy`.
    public init(_ example: PolicyExample, in policy: Policy) {
        self.example = example
        self.explanation = policy.explain(example.candidate)
    }

    /// The decision the policy gave.
    public var decision: Decision { explanation.decision }

    /// Whether the decision is the expected one: accepted or not and, when the example names one, the code.
    public var passed: Bool {
        decision.isAccepted == example.expectAccepted && (example.expectCode.map { $0 == decision.code } ?? true)
    }

    /// What the example expects: `accept`, `reject`, `reject (type.mismatch)`.
    public var expected: String {
        let verdict = example.expectAccepted ? "accept" : "reject"
        return example.expectCode.map { "\(verdict) (\($0))" } ?? verdict
    }

    /// What the policy did: `accept (accept[0])`, `reject (type.mismatch at accept[0].types)`.
    public var actual: String {
        let rule = decision.rule ?? "-"
        return decision.isAccepted ? "accept (\(rule))" : "reject (\(decision.code) at \(rule))"
    }
}

extension Policy {
    /// Runs every example the policy carries, in order.
    public func runExamples() -> [ExampleOutcome] {
        examples.map { ExampleOutcome($0, in: self) }
    }
}

/// `example.contradicts`: each example whose decision is not the expected one.
enum ExampleCheck {
    static func findings(for policy: Policy, in context: LintContext) -> [LintFinding] {
        policy.runExamples().filter { !$0.passed }.map { outcome in
            let candidate = outcome.example.candidate
            var input = "'\(candidate.name)'"
            if let type = candidate.contentType { input += " with type '\(type)'" }
            if let length = candidate.length { input += ", length \(length)" }
            let message = "the example \(input) expects \(outcome.expected), but the policy gives \(outcome.actual)"
            return context.finding(.contradictingExample, at: outcome.example.path, message)
        }
    }
}
