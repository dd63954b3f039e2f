import CommandLineKit
import Foundation
import PolicyLint

/// `uploadgate lint PATH…`: checks policy files for errors and risky patterns.
enum LintCommand {
    static let spec = CommandSpec(
        name: "lint",
        abstract: "Check policy files for errors and risky patterns.",
        discussion: """
            Lint reports load errors with their line and column, patterns prone to catastrophic backtracking \
            (suspected from their shape, confirmed by probing them with generated names), accept patterns \
            without an end anchor, .NET constructs PCRE2 reads differently, unknown MIME types, accept entries \
            that can never fire, and examples that contradict their policy. Each finding has a stable id, a \
            severity (error, warning or note) and a fix. A folder is searched for *.json policies, not \
            recursively, as 'serve --policies' reads it. Lint prints nothing and exits 0 when every policy is \
            clean; with --format json it prints {"findings": []}. Notes alone do not fail.

            Example:

              $ uploadgate lint Policies/
              $ uploadgate lint docs.json
              docs.json:4:45: error: accept[1].name: missing terminating ] for
              character class [policy.pattern_invalid]
                  ação[a-
                         ^
                fix: correct the pattern at the caret (PCRE2 syntax)
              1 error in 1 file linted
              $ uploadgate lint --format sarif Policies/ > lint.sarif
            """,
        arguments: [
            ArgumentSpec("path", arity: .oneOrMore, help: "A policy file, or a folder of policies.")
        ],
        options: [
            CommonOptions.format([.text, .json, .sarif]),
            .value(
                "max-errors", valueName: "n", kind: .integer(0...Int.max), default: "10",
                help: "Stop after this many errors; 0 reports them all."),
            CommonOptions.noColor,
        ],
        exitStatuses: [
            ExitStatusHelp(.success, "Every policy is clean (notes alone are clean)."),
            ExitStatusHelp(.findings, "At least one error or warning was reported."),
            ExitStatusHelp(.usageError, "Usage error, or a path that cannot be read."),
        ],
        run: run)

    /// The scanned options, typed.
    struct Options {
        var paths: [String]
        var format: OutputFormat
        var maxErrors: Int
        var noColor: Bool

        init(_ arguments: ParsedArguments) {
            paths = arguments.strings("path")
            format = CommonOptions.format(in: arguments)
            maxErrors = arguments.integer("max-errors") ?? 10
            noColor = arguments.flag("no-color")
        }
    }

    @Sendable static func run(_ invocation: Invocation) async throws -> ExitCode {
        let options = Options(invocation.arguments)
        let mimeDatabase = try PolicySource.mimeDatabase(invocation)
        let input = PolicyFiles(options.paths)
        for note in input.notes { invocation.stderr.write("note: \(Display.visible(note))\n") }

        var report = LintReport(maximumErrors: options.maxErrors)
        report.add(input.problems.map { LintFinding.unreadable($0.path, $0.message) })
        let linter = PolicyLinter(mimeDatabase: mimeDatabase)
        var linted = 0
        var unreadable = !input.problems.isEmpty
        // Files are linted in parallel batches and added in order, so --max-errors stops at the same finding
        // whatever the number of cores.
        let batchSize = 64
        while linted < input.files.count, !report.isStopped {
            let batch = Array(input.files[linted..<min(linted + batchSize, input.files.count)])
            for file in await lint(batch, input: input, linter: linter) where !report.isStopped {
                linted += 1
                if file.findings.contains(where: { $0.id == FindingID(.unreadable) }) { unreadable = true }
                report.add(file)
            }
        }
        report.noteStopped(filesLeft: input.files.count - linted)

        switch options.format {
        case .json: invocation.stdout.write(try LintRendering.json(report))
        case .sarif: invocation.stdout.write(try LintRendering.sarif(report, version: invocation.tool.version))
        default:
            invocation.stdout.write(
                LintRendering.text(
                    report, filesLinted: linted, width: invocation.terminal.width, style: invocation.outputStyle))
        }
        if unreadable { return .usageError }
        return report.hasFailures ? .findings : .success
    }

    /// Reads and lints files on every core; results come back in the files' order.
    private static func lint(_ files: [String], input: PolicyFiles, linter: PolicyLinter) async -> [LintedFile] {
        await withTaskGroup(of: (Int, LintedFile).self) { group in
            for (index, file) in files.enumerated() {
                group.addTask {
                    switch Result(catching: { () throws(FileProblem) -> Data in try input.read(file) }) {
                    case .success(let data): (index, linter.lint(data: data, file: file))
                    case .failure(let problem): (index, LintedFile.unreadable(problem.path, problem.message))
                    }
                }
            }
            var results = [LintedFile?](repeating: nil, count: files.count)
            for await (index, result) in group { results[index] = result }
            return results.map { $0! }
        }
    }
}
