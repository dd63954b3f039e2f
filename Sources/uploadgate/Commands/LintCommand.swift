internal import CommandLineKit

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
        _ = Options(invocation.arguments)
        return try notAvailableYet(invocation)
    }
}
