/// Everything a command's `run` receives: its scanned arguments and where to write.
public struct Invocation: Sendable {
    /// The tool (for its name and version in output).
    public let tool: ToolSpec
    /// The command being run.
    public let command: CommandSpec
    /// The scanned, checked arguments with defaults filled in.
    public let arguments: ParsedArguments
    /// The streams, environment and width.
    public let terminal: Terminal

    public init(tool: ToolSpec, command: CommandSpec, arguments: ParsedArguments, terminal: Terminal) {
        self.tool = tool
        self.command = command
        self.arguments = arguments
        self.terminal = terminal
    }

    /// Standard output.
    public var stdout: any TextOutput { terminal.standardOutput }
    /// Standard error.
    public var stderr: any TextOutput { terminal.standardError }

    /// Whether the tool's no-colour flag was given to this command.
    public var noColorFlag: Bool {
        guard let flag = tool.noColorFlag, command.option(named: flag) != nil else { return false }
        return arguments.flag(flag)
    }

    /// The style for standard output (colour only on a terminal, never with `NO_COLOR` or `--no-color`).
    public var outputStyle: OutputStyle { terminal.outputStyle(noColorFlag: noColorFlag) }
    /// The style for standard error.
    public var errorStyle: OutputStyle { terminal.errorStyle(noColorFlag: noColorFlag) }
}

/// A command failed in a way the user should read: printed as `Error: <message>` on stderr, no usage lines.
///
/// Throw it from `run` for input problems (a policy that cannot be read) with `.usageError` (2), or for a
/// failure after findings were already printed with another status.
public struct CommandFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The sentence after `Error: `.
    public var message: String
    /// The status the process exits with.
    public var status: ExitCode

    public init(_ message: String, status: ExitCode = .usageError) {
        self.message = message
        self.status = status
    }

    public var description: String { message }
}
