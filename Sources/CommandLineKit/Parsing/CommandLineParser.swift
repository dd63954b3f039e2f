/// Turns a whole command line into what to do: show help, show the version, run a command, or report a usage
/// error. Pure: no I/O, so every path is unit-testable.
public struct CommandLineParser: Sendable {
    /// What the command line asks for.
    public enum Resolution: Sendable {
        /// Print help: the root help when `command` is `nil`.
        case help(command: CommandSpec?)
        /// Print the version.
        case version
        /// Run `command` with its scanned arguments.
        case run(command: CommandSpec, arguments: ParsedArguments)
        /// Report a usage error; `command` is `nil` for errors before a subcommand was recognised.
        case usageError(UsageError, command: CommandSpec?)
    }

    /// The tool whose table is used.
    public let tool: ToolSpec

    public init(tool: ToolSpec) { self.tool = tool }

    /// Resolves the arguments after the executable name.
    ///
    /// - No arguments, `-h` or `--help`: root help. `help` alone (or `help help`): root help; `help <cmd>`: that
    ///   command's help (identical to `<cmd> --help`).
    /// - `--version`: the version.
    /// - Anything else starting with `-` before the subcommand, or an unknown subcommand: a usage error with a
    ///   suggestion when one is close.
    public func resolve(_ arguments: [String]) -> Resolution {
        guard let first = arguments.first else { return .help(command: nil) }
        let rest = Array(arguments.dropFirst())
        switch first {
        case "-h", "--help":
            return .help(command: nil)
        case "--version":
            return .version
        case "help":
            return resolveHelp(rest)
        default:
            break
        }
        if first == "--" { return .usageError(.unexpectedArgument(first), command: nil) }
        if first.hasPrefix("-"), first != "-" {
            let names = ToolSpec.rootOptions.map(\.longFlag)
            let typed = first.split(separator: "=", maxSplits: 1).first.map(String.init) ?? first
            if let flag = ToolSpec.rootOptions.first(where: { $0.longFlag == typed }), typed != first {
                return .usageError(.flagWithValue(flag, value: String(first.dropFirst(typed.count + 1))), command: nil)
            }
            let guess = Suggestions.closest(to: typed, among: names)
            return .usageError(.unknownOption(typed, suggestion: guess), command: nil)
        }
        guard let command = tool.command(named: first) else {
            return .usageError(unknownSubcommand(first), command: nil)
        }
        do {
            switch try ArgumentScanner(command: command).scan(rest) {
            case .help: return .help(command: command)
            case .arguments(let parsed): return .run(command: command, arguments: parsed)
            }
        } catch {
            return .usageError(error, command: command)
        }
    }

    private func resolveHelp(_ rest: [String]) -> Resolution {
        guard let name = rest.first, name != "help" || rest.count > 1 else { return .help(command: nil) }
        guard let command = tool.command(named: name) else {
            return .usageError(unknownSubcommand(name), command: nil)
        }
        if rest.count > 1 { return .usageError(.unexpectedArgument(rest[1]), command: nil) }
        return .help(command: command)
    }

    private func unknownSubcommand(_ name: String) -> UsageError {
        .unknownSubcommand(name, suggestion: Suggestions.closest(to: name, among: tool.commands.map(\.name)))
    }
}
