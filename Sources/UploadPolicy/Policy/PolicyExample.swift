/// An example carried by a policy: an input and the verdict the policy must give.
public struct PolicyExample: Hashable, Sendable {
    /// The JSON path, e.g. `examples[3]`.
    public let path: String
    /// The input.
    public let candidate: FileCandidate
    /// Whether the policy must accept it.
    public let expectAccepted: Bool
    /// The exact decision code expected, when the example names one.
    public let expectCode: DecisionCode?
    /// Why the example exists.
    public let note: String?
}
