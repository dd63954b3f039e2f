@testable public import UploadPolicy

/// Properties every decision has, checked by the targets that evaluate.
public enum DecisionChecks {
    /// A rejection always has a rule and a non-empty reason in every language; an acceptance has no reason.
    /// Reasons never carry control characters, nor bidi controls unless the policy's own texts hold some (they
    /// can be right in an Arabic or Hebrew label): they echo the name, which must not reorder the message.
    public static func checkShape(_ decision: Decision, _ candidate: FileCandidate, policy: Policy) {
        let authorsBidi = authoredTexts(of: policy).contains { text in
            text.unicodeScalars.contains { CharacterClasses.isBidiControl($0.value) }
        }
        invariant(decision.isAccepted == (decision.code == .accepted), "isAccepted disagrees with \(decision.code)")
        invariant(decision.rule != nil, "no rule for \(decision.code) on \(candidate)")
        for language in Language.allCases {
            let reason = decision.reason(in: language)
            if decision.isAccepted {
                invariant(reason == nil, "an accepted file has a reason: \(reason ?? "")")
                continue
            }
            invariant(!(reason ?? "").isEmpty, "no \(language.rawValue) reason for \(decision.code) on \(candidate)")
            let unsafe = reason?.unicodeScalars.first {
                CharacterClasses.isControl($0.value) || (!authorsBidi && CharacterClasses.isBidiControl($0.value))
            }
            invariant(unsafe == nil, "the reason for \(decision.code) shows U+\(String(unsafe?.value ?? 0, radix: 16))")
        }
    }

    /// The extension index only skips entries that cannot match: no entry it leaves out matches the name, so
    /// the first matching entry is the same whether the index picks the candidates or every entry is tried.
    ///
    /// Skipped entries may still hit a match limit on the name: their pattern can only match names with other
    /// extensions, so the index answers what the pattern would have answered had it finished (no match).
    /// - Parameter name: The name in NFC, as the engine matches it.
    public static func checkAcceptIndex(_ policy: Policy, name: String) {
        let candidates = policy.acceptIndex.candidates(for: name)
        invariant(candidates == candidates.sorted(), "index candidates out of policy order: \(candidates)")
        let skipped = Set(policy.acceptEntries.indices).subtracting(candidates)
        guard !skipped.isEmpty else { return }
        let scratch = MatchScratch()
        var subject = name
        subject.withUTF8 { utf8 in
            for index in skipped.sorted() {
                let entry = policy.acceptEntries[index]
                invariant(
                    entry.name.matches(utf8: utf8, scratch: scratch) != .match,
                    "the index skips \(entry.path) (\(entry.name.source)), which matches \(scalars(name)) "
                        + "in \(policy.id)")
            }
        }
    }

    /// Every text of the policy a reason can quote: labels, rule reasons and reason overrides.
    private static func authoredTexts(of policy: Policy) -> [String] {
        let texts = policy.acceptEntries.map(\.label) + policy.rejectRules.compactMap(\.reason)
            + Array(policy.reasons.values)
        return texts.flatMap { $0.texts.values }
    }

    /// A name's scalars in hex, for messages about names that may not print.
    public static func scalars(_ name: String) -> String {
        name.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")
    }
}
