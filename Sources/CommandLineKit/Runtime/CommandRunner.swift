/// Runs a tool: resolves the command line, prints help, version or errors, or runs the chosen command.
///
/// The only part of the kit that writes to the terminal. `main.swift` is one line:
/// `exit(await CommandRunner(tool: spec).run(Array(CommandLine.arguments.dropFirst())).rawValue)`.
public struct CommandRunner: Sendable {
    /// The tool being run.
    public let tool: ToolSpec
    /// Where output goes.
    public let terminal: Terminal

    /// - Parameters:
    ///   - tool: the tool's table. In debug builds its definition is checked first (see `SpecValidator`).
    ///   - terminal: where output goes (default: the real process streams).
    public init(tool: ToolSpec, terminal: Terminal = .current()) {
        #if DEBUG
            let problems = SpecValidator.problems(in: tool)
            precondition(problems.isEmpty, "Invalid command table:\n" + problems.joined(separator: "\n"))
        #endif
        self.tool = tool
        self.terminal = terminal
    }

    /// Runs the tool with the arguments after the executable name.
    ///
    /// - Returns: the status to exit with: 0 for help, version and success; what the command returned; 2 for
    ///   usage errors and `CommandFailure`s (unless they carry another status) and for any other thrown error.
    public func run(_ arguments: [String]) async -> ExitCode {
        let renderer = HelpRenderer(tool: tool, width: terminal.width)
        let errorStyle = terminal.errorStyle(noColorFlag: mentionsNoColor(arguments))
        switch CommandLineParser(tool: tool).resolve(arguments) {
        case .help(let command):
            terminal.standardOutput.write(command.map(renderer.help(for:)) ?? renderer.rootHelp())
            return .success
        case .version:
            terminal.standardOutput.write(tool.version + "\n")
            return .success
        case .usageError(let error, let command):
            terminal.standardError.write(renderer.usageError(error, command: command, style: errorStyle))
            return .usageError
        case .run(let command, let parsed):
            let invocation = Invocation(tool: tool, command: command, arguments: parsed, terminal: terminal)
            do {
                return try await command.run(invocation)
            } catch let error as UsageError {
                terminal.standardError.write(renderer.usageError(error, command: command, style: errorStyle))
                return .usageError
            } catch let failure as CommandFailure {
                terminal.standardError.write(errorStyle.error("Error:") + " " + failure.message + "\n")
                return failure.status
            } catch {
                terminal.standardError.write(errorStyle.error("Error:") + " \(error)\n")
                return .usageError
            }
        }
    }

    /// Whether the no-colour flag appears before `--`; used for errors, which happen before scanning succeeds.
    private func mentionsNoColor(_ arguments: [String]) -> Bool {
        guard let flag = tool.noColorFlag else { return false }
        for argument in arguments {
            if argument == "--" { return false }
            if argument == "--" + flag { return true }
        }
        return false
    }
}
