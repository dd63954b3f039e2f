internal import CommandLineKit

/// The `uploadgate` command table: the root's help text and the subcommands, in the order help lists them.
enum UploadGateTool {
    /// What `uploadgate --version` prints.
    static let version = "0.1.0-dev"

    static let spec = ToolSpec(
        name: "uploadgate",
        version: version,
        abstract: "Validate the names and types of files users pick for signing, against JSON policies.",
        discussion: """
            'uploadgate serve' is the file-name validation endpoint a signing service calls for each file a \
            user picks. The other subcommands help write and verify policies: lint them, run their examples, \
            check real files against them, and explain single decisions.
            """,
        commands: [
            ServeCommand.spec,
            LintCommand.spec,
            TestCommand.spec,
            CheckCommand.spec,
            ExplainCommand.spec,
        ],
        exitStatuses: [
            ExitStatusHelp(.success, "Success: nothing to report."),
            ExitStatusHelp(.findings, "Findings: lint problems, failing examples, rejected or mismatched files."),
            ExitStatusHelp(.usageError, "Usage or input error: a bad option, or input that cannot be read."),
        ],
        noColorFlag: CommonOptions.noColor.long)
}
