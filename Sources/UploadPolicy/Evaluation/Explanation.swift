/// A decision with every step that led to it, for `uploadgate explain` and for debugging policies.
public struct Explanation: Sendable {
    /// The decision, identical to what ``Policy/evaluate(_:)`` returns.
    public let decision: Decision
    /// The steps taken, in order.
    public let steps: [EvaluationStep]
}

/// One step of an evaluation.
public struct EvaluationStep: Hashable, Sendable, Codable {
    /// What the step looked at: `normalize`, `checks`, `reject[0]`, `limits`, `accept[2]`, `type`.
    public let stage: String
    /// How it came out.
    public let outcome: Outcome
    /// Details: the pattern, the normalised type, which checks ran.
    public let detail: String

    public enum Outcome: String, Hashable, Sendable, Codable {
        /// The step let the file through.
        case passed
        /// The step decided against the file.
        case failed
        /// A pattern matched (an accept entry was picked).
        case matched
        /// A pattern did not match.
        case noMatch = "no-match"
        /// The step was not needed.
        case skipped
    }
}

/// Receives the steps of an evaluation. The plain evaluation uses ``SilentRecorder``, which the compiler
/// removes entirely; `explain` uses ``StepRecorder``.
protocol EvaluationRecorder {
    mutating func record(
        _ stage: @autoclosure () -> String, _ outcome: EvaluationStep.Outcome,
        _ detail: @autoclosure () -> String)
}

struct SilentRecorder: EvaluationRecorder {
    @inline(__always)
    mutating func record(
        _ stage: @autoclosure () -> String, _ outcome: EvaluationStep.Outcome,
        _ detail: @autoclosure () -> String
    ) {}
}

struct StepRecorder: EvaluationRecorder {
    var steps: [EvaluationStep] = []

    mutating func record(
        _ stage: @autoclosure () -> String, _ outcome: EvaluationStep.Outcome,
        _ detail: @autoclosure () -> String
    ) {
        steps.append(EvaluationStep(stage: stage(), outcome: outcome, detail: detail()))
    }
}
