import CommandLineKit
import PolicyLint
import UploadPolicy

/// The shapes of a `test` report.
enum TestRendering {
    /// One line per example under its policy, failures with their decision trace, then an OPA-style summary.
    static func text(_ run: ExampleRun, verbose: Bool, width: Int, style: OutputStyle) -> String {
        var output = ""
        for result in run.results where !result.outcomes.isEmpty || result.skipped == 0 {
            let skipped = result.skipped > 0 ? style.dim(" (\(result.skipped) not selected by --run)") : ""
            let empty = result.policy.examples.isEmpty ? style.dim(" (no examples)") : ""
            output += style.bold(Display.visible(result.file) + ": " + result.policy.id) + empty + skipped + "\n"
            let pathWidth = result.outcomes.map(\.example.path.count).max() ?? 0
            for outcome in result.outcomes {
                let mark = outcome.passed ? style.success("PASS") : style.error("FAIL")
                var line =
                    "  " + mark + "  " + TextLayout.pad(outcome.example.path, to: pathWidth) + "  "
                    + TraceRendering.input(outcome.example.candidate)
                if verbose, outcome.passed { line += style.dim(" → " + outcome.actual) }
                output += line + "\n"
                guard !outcome.passed else { continue }
                output += "        expected \(outcome.expected), got \(outcome.actual)\n"
                if let note = outcome.example.note { output += "        note: \(Display.visible(note))\n" }
                output += TraceRendering.steps(
                    outcome.explanation.steps, indent: "        ", width: width, style: style)
            }
        }
        output += String(repeating: "-", count: min(max(width, 20), 80)) + "\n"
        output += summary(run, style: style)
        return output
    }

    private static func summary(_ run: ExampleRun, style: OutputStyle) -> String {
        var lines: [String] = []
        if run.total > 0 { lines.append(style.success("PASS") + ": \(run.passed)/\(run.total)") }
        if run.failed > 0 { lines.append(style.error("FAIL") + ": \(run.failed)/\(run.total)") }
        if run.skipped > 0 { lines.append("SKIPPED: \(run.skipped) (not selected by --run)") }
        let broken = Set(run.loadErrors.map(\.file)).count
        if broken > 0 {
            lines.append(style.error("ERROR") + ": " + Display.count(broken, "policy file") + " could not be loaded")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every policy with every example that ran, the load errors, and the counts.
    static func json(_ run: ExampleRun, verbose: Bool) throws -> String {
        let policies = run.results.map { result in
            JSONPolicy(
                file: result.file, id: result.policy.id, skipped: result.skipped,
                examples: result.outcomes.map { JSONExample($0, withSteps: verbose || !$0.passed) })
        }
        let document = JSONDocument(
            policies: policies, errors: run.loadErrors.map(LintRendering.JSONFinding.init),
            summary: JSONSummary(passed: run.passed, failed: run.failed, skipped: run.skipped, total: run.total))
        return try JSONOutput.encode(document)
    }

    /// A JUnit report: one suite per policy file, one case per example (class name: the policy id); a file that
    /// does not load is a suite with one errored case.
    static func junit(_ run: ExampleRun) -> String {
        var suites = run.results.map { result in
            JUnitReport.Suite(
                name: result.file,
                cases: result.outcomes.map { outcome in
                    let name = outcome.example.path + " " + TraceRendering.input(outcome.example.candidate)
                    guard !outcome.passed else {
                        return JUnitReport.TestCase(name: name, className: result.policy.id, outcome: .passed)
                    }
                    let trace = TraceRendering.steps(outcome.explanation.steps, indent: "", width: 100, style: .plain)
                    return JUnitReport.TestCase(
                        name: name, className: result.policy.id,
                        outcome: .failed(message: "expected \(outcome.expected), got \(outcome.actual)", details: trace)
                    )
                })
        }
        let broken = Dictionary(grouping: run.loadErrors, by: \.file)
        for file in broken.keys.sorted() {
            let details = broken[file, default: []].map { LintRendering.block($0, width: 100, style: .plain) }
                .joined()
            suites.append(
                JUnitReport.Suite(
                    name: file,
                    cases: [
                        JUnitReport.TestCase(
                            name: "load", className: file,
                            outcome: .errored(message: "the policy does not load", details: details))
                    ]))
        }
        return JUnitReport(name: "uploadgate test", suites: suites).xml()
    }

    private struct JSONDocument: Encodable {
        let policies: [JSONPolicy]
        let errors: [LintRendering.JSONFinding]
        let summary: JSONSummary
    }

    private struct JSONSummary: Encodable {
        let passed: Int
        let failed: Int
        let skipped: Int
        let total: Int
    }

    private struct JSONPolicy: Encodable {
        let file: String
        let id: String
        let skipped: Int
        let examples: [JSONExample]
    }

    private struct JSONExample: Encodable {
        let path: String
        let input: FileCandidate
        let note: String?
        let expected: String
        let actual: String
        let passed: Bool
        let decision: ExplainRendering.JSONDecision
        let steps: [EvaluationStep]?

        init(_ outcome: ExampleOutcome, withSteps: Bool) {
            path = outcome.example.path
            input = outcome.example.candidate
            note = outcome.example.note
            expected = outcome.expected
            actual = outcome.actual
            passed = outcome.passed
            decision = ExplainRendering.JSONDecision(outcome.decision)
            steps = withSteps ? outcome.explanation.steps : nil
        }
    }
}
