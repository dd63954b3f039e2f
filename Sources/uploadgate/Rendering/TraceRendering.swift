import CommandLineKit
import UploadPolicy

/// How `test` and `explain` show an evaluation: the input, each step, the decision.
enum TraceRendering {
    /// `'Contrato.pdf' [application/pdf, 1000 bytes]`; `[no type]` when the browser sent none.
    static func input(_ candidate: FileCandidate) -> String {
        var details: [String] = []
        switch candidate.contentType {
        case nil: details.append("no type")
        case let type? where type.isEmpty: details.append("type ''")
        case let type?: details.append(Display.visible(type))
        }
        if let length = candidate.length { details.append("\(length) bytes") }
        return Display.quoted(candidate.name) + " [" + details.joined(separator: ", ") + "]"
    }

    /// One line per step, numbered, with the stage and outcome in aligned columns; long details wrap under
    /// themselves within `width`.
    ///
    /// ```
    /// 1  normalize  passed    already NFC
    /// 6  accept[0]  matched   \.pdf$ (PDF document)
    /// ```
    static func steps(_ steps: [EvaluationStep], indent: String, width: Int, style: OutputStyle) -> String {
        let numberWidth = String(steps.count).count
        let stageWidth = max(steps.map { TextLayout.displayWidth($0.stage) }.max() ?? 0, 5)
        let outcomeWidth = 10
        let detailColumn = TextLayout.displayWidth(indent) + numberWidth + 2 + stageWidth + 2 + outcomeWidth
        var output = ""
        for (index, step) in steps.enumerated() {
            let number = String(index + 1)
            let padded = String(repeating: " ", count: numberWidth - number.count) + number
            let outcome = TextLayout.pad(step.outcome.rawValue, to: outcomeWidth)
            let lines = TextLayout.wrap(Display.visible(step.detail), width: max(width - detailColumn - 1, 30))
            output +=
                indent + padded + "  " + TextLayout.pad(step.stage, to: stageWidth) + "  "
                + color(step.outcome, outcome, style) + (lines.first ?? "") + "\n"
            for line in lines.dropFirst() { output += String(repeating: " ", count: detailColumn) + line + "\n" }
        }
        return output
    }

    private static func color(_ outcome: EvaluationStep.Outcome, _ text: String, _ style: OutputStyle) -> String {
        switch outcome {
        case .passed, .matched: style.success(text)
        case .failed: style.error(text)
        case .noMatch, .skipped: style.dim(text)
        }
    }

    /// `accepted by accept[0]` or `rejected: type.mismatch at accept[0].types`.
    static func verdict(_ decision: Decision) -> String {
        decision.isAccepted
            ? "accepted by \(decision.rule ?? "-")" : "rejected: \(decision.code) at \(decision.rule ?? "-")"
    }
}
