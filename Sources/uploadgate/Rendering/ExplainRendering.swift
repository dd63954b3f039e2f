import CommandLineKit
import UploadPolicy

/// The shapes of an `explain` report.
enum ExplainRendering {
    /// What `explain` shows, gathered once for both formats.
    struct Report {
        let policy: Policy
        let candidate: FileCandidate
        let reading: InputReading
        let explanation: Explanation

        /// Accept entries before the decisive point that the engine's extension index did not try, because
        /// their patterns cannot match a name with this final extension.
        var untried: [String] {
            let steps = explanation.steps
            guard steps.contains(where: { $0.stage.hasPrefix("accept") }) else { return [] }
            let tried = Set(steps.map(\.stage))
            let picked = policy.acceptEntries.firstIndex { entry in
                steps.contains { $0.stage == entry.path && $0.outcome == .matched }
            }
            return policy.acceptEntries[..<(picked ?? policy.acceptEntries.count)].map(\.path)
                .filter { !tried.contains($0) }
        }
    }

    static func text(_ report: Report, width: Int, style: OutputStyle) -> String {
        let decision = report.explanation.decision
        let reading = report.reading
        var output = ""
        /// A labelled value; long plain values wrap under themselves.
        func field(_ label: String, _ value: String, wrap: Bool = false) {
            let lines = wrap ? TextLayout.wrap(value, width: max(width - 11, 30)) : [value]
            output += style.bold(TextLayout.pad(label, to: 9)) + " " + (lines.first ?? "") + "\n"
            for line in lines.dropFirst() { output += String(repeating: " ", count: 10) + line + "\n" }
        }
        field("POLICY", "\(report.policy.id) (\(Display.visible(report.policy.source)))")
        field("INPUT", TraceRendering.input(report.candidate))
        if reading.nameWasNormalized {
            field("NAME", "sent decomposed (NFD, as macOS writes names); matched in NFC")
        }
        field("TYPE", Display.visible(reading.typeSummary), wrap: true)
        output += "\n" + style.bold("STEPS") + "\n"
        output += TraceRendering.steps(report.explanation.steps, indent: "  ", width: width, style: style)
        let untried = report.untried
        if !untried.isEmpty {
            let list =
                untried.count > 4
                ? "\(untried[0]), \(untried[1]), … \(untried[untried.count - 1]) (\(untried.count) entries)"
                : untried.joined(separator: ", ")
            let suffix = reading.normalizedName.split(separator: ".", omittingEmptySubsequences: false).last
            let ending = suffix.map { "'.\(Display.visible(String($0)))'" } ?? "this name"
            let their = untried.count == 1 ? "its pattern" : "their patterns"
            let note = "not tried: \(list); \(their) cannot match a name ending in \(ending)"
            for line in TextLayout.wrap(note, width: max(width - 3, 30)) { output += "  " + style.dim(line) + "\n" }
        }
        output += "\n"
        field(
            "DECISION",
            decision.isAccepted
                ? style.success(TraceRendering.verdict(decision))
                : style.error(TraceRendering.verdict(decision)))
        if !decision.isAccepted {
            for language in Language.allCases {
                let label = language == .english ? "REASON" : ""
                let lines = TextLayout.wrap(
                    Display.visible(decision.reason(in: language) ?? ""), width: max(width - 17, 30))
                output +=
                    style.bold(TextLayout.pad(label, to: 9)) + " " + TextLayout.pad(language.rawValue, to: 6)
                    + (lines.first ?? "") + "\n"
                for line in lines.dropFirst() { output += String(repeating: " ", count: 16) + line + "\n" }
            }
        }
        return output
    }

    static func json(_ report: Report) throws -> String {
        try JSONOutput.encode(
            JSONReport(
                policy: JSONPolicy(id: report.policy.id, file: report.policy.source), input: report.candidate,
                reading: report.reading, steps: report.explanation.steps, untried: report.untried,
                decision: JSONDecision(report.explanation.decision)))
    }

    private struct JSONReport: Encodable {
        let policy: JSONPolicy
        let input: FileCandidate
        let reading: InputReading
        let steps: [EvaluationStep]
        let untried: [String]
        let decision: JSONDecision
    }

    private struct JSONPolicy: Encodable {
        let id: String
        let file: String
    }

    /// A decision as JSON: the verdict, the code, the deciding rule and the reason in every language.
    struct JSONDecision: Encodable {
        let accepted: Bool
        let code: String
        let rule: String?
        let reason: [String: String]?

        init(_ decision: Decision) {
            accepted = decision.isAccepted
            code = decision.code.rawValue
            rule = decision.rule
            reason =
                decision.isAccepted
                ? nil
                : Dictionary(
                    uniqueKeysWithValues: Language.allCases.map {
                        ($0.rawValue, decision.reason(in: $0) ?? "")
                    })
        }
    }
}
