/// The verdict on one file: accepted or not, a stable code, the rule that decided, and a reason for the user.
public struct Decision: Sendable {
    /// The id of the policy that decided.
    public let policyID: String
    /// Why it came out this way; ``DecisionCode/accepted`` when accepted.
    public let code: DecisionCode
    /// The JSON path of the deciding rule or check (`reject[0]`, `accept[2]`, `options.checks.bidiControls`,
    /// `limits.maxSize`); for an acceptance, the accept entry that matched.
    public let rule: String?
    let message: ReasonMessage?

    /// Whether the file is acceptable.
    public var isAccepted: Bool { code == .accepted }

    /// The reason to show the user, in `language`; nil when the file is accepted.
    public func reason(in language: Language = .english) -> String? {
        message?.render(code: code, in: language)
    }

    static func accepted(policy: String, rule: String?) -> Decision {
        Decision(policyID: policy, code: .accepted, rule: rule, message: nil)
    }
}

extension Decision: CustomStringConvertible {
    public var description: String {
        isAccepted ? "accepted (\(rule ?? "-"))" : "rejected \(code) at \(rule ?? "-"): \(reason() ?? "")"
    }
}
