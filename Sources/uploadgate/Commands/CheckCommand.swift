internal import CommandLineKit

/// `uploadgate check --policy P FILE|DIR…`: checks real files on disk against a policy.
enum CheckCommand {
    static let spec = CommandSpec(
        name: "check",
        abstract: "Check real files against a policy, comparing their names with their content.",
        discussion: """
            For each file, check shows the type a browser would report (from the extension, through the shared \
            MIME database), the type libmagic detects from the content, and the policy's verdict. A warning \
            marks files whose name and content disagree, such as a PDF named .jpg or a shell script named .pdf. \
            Folders are walked recursively; symbolic links are reported, never followed. On a terminal a \
            progress bar shows on standard error while large folders are checked, and a summary table ends \
            the report.

            Example:

              $ uploadgate check --policy Policies/documents.json Examples/samples
              $ uploadgate check --format json --policy Policies/documents.json \\
                  ~/Downloads > report.json
            """,
        arguments: [
            ArgumentSpec("path", arity: .oneOrMore, help: "A file, or a folder to check recursively.")
        ],
        options: [
            CommonOptions.policy,
            CommonOptions.format([.text, .json]),
            .flag("no-progress", help: "Do not show a progress bar, even on a terminal."),
            CommonOptions.noColor,
        ],
        exitStatuses: [
            ExitStatusHelp(.success, "Every file is accepted and its name agrees with its content."),
            ExitStatusHelp(.findings, "At least one file is rejected, or its name and content disagree."),
            ExitStatusHelp(.usageError, "Usage error, or a policy or path that cannot be read."),
        ],
        run: run)

    /// The scanned options, typed.
    struct Options {
        var paths: [String]
        var policy: String
        var format: OutputFormat
        var showsProgress: Bool
        var noColor: Bool

        init(_ arguments: ParsedArguments) {
            paths = arguments.strings("path")
            policy = arguments.string("policy") ?? ""
            format = CommonOptions.format(in: arguments)
            showsProgress = !arguments.flag("no-progress")
            noColor = arguments.flag("no-color")
        }
    }

    @Sendable static func run(_ invocation: Invocation) async throws -> ExitCode {
        _ = Options(invocation.arguments)
        return try notAvailableYet(invocation)
    }
}
