import CommandLineKit
import Foundation
import PolicyLint

/// `uploadgate lint PATH…`: checks policy files for errors and risky patterns.
enum LintCommand {
    static let spec = CommandSpec(
        name: "lint",
        abstract: "Check policy files for errors and risky patterns.",
        discussion: """
            Lint reports compile errors with their position, patterns prone to catastrophic backtracking, \
            accept patterns without an end anchor, unknown MIME types, rules that can never fire, and examples \
            that contradict their policy. A folder is searched for *.json policies. Lint prints nothing and \
            exits 0 when every policy is clean; with --format json it prints {"findings":[]}.

            Example:

              $ uploadgate lint Policies/
              Policies/docs.json: accept[1].name: offset 7: missing terminating ]
                for character class [policy.pattern_invalid]
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
            ExitStatusHelp(.success, "Every policy is clean."),
            ExitStatusHelp(.findings, "At least one finding was reported."),
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
            invocation.stdout.write(LintRendering.text(report, filesLinted: linted, style: invocation.outputStyle))
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
