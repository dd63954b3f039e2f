/// A subcommand, declared as a value: its name, help text, arguments, options and what it does.
///
/// Declare one per file and list it in the tool's `ToolSpec`:
/// ```swift
/// enum GreetCommand {
///     static let spec = CommandSpec(
///         name: "greet",
///         abstract: "Print a greeting.",
///         discussion: "Example:\n\n  $ tool greet --times 2 Ana",
///         arguments: [ArgumentSpec("name", help: "Who to greet.")],
///         options: [.value("times", valueName: "n", kind: .integer(1...9), default: "1", help: "How often.")],
///         run: { invocation in
///             let args = invocation.arguments
///             for _ in 0..<args.integer("times")! { invocation.stdout.write("Hello, \(args.string("name")!)\n") }
///             return .success
///         })
/// }
/// ```
/// `-h, --help` is added to every command by the kit; do not declare it.
public struct CommandSpec: Sendable {
    /// What a command does once its arguments have been scanned and validated.
    public typealias Run = @Sendable (Invocation) async throws -> ExitCode
    /// A cross-field check run after scanning (e.g. two options that must come together).
    public typealias Validate = @Sendable (ParsedArguments) throws(UsageError) -> Void

    /// The subcommand word (`lint`).
    public var name: String
    /// One line for OVERVIEW and the root's SUBCOMMANDS list.
    public var abstract: String
    /// Paragraphs after the overview. Paragraphs are separated by a blank line; a paragraph whose lines start
    /// with spaces is printed as written (for worked examples), the others are wrapped to the terminal width.
    public var discussion: String
    /// Positional arguments, in order.
    public var arguments: [ArgumentSpec]
    /// Named options, in the order help lists them.
    public var options: [OptionSpec]
    /// The EXIT STATUS section; empty means the tool's default.
    public var exitStatuses: [ExitStatusHelp]
    /// Cross-field validation, run after scanning; its errors are reported as usage errors.
    public var validate: Validate?
    /// The command's body.
    public var run: Run

    /// Declares a command. See the type's documentation for an example.
    public init(
        name: String, abstract: String, discussion: String = "", arguments: [ArgumentSpec] = [],
        options: [OptionSpec] = [], exitStatuses: [ExitStatusHelp] = [], validate: Validate? = nil,
        run: @escaping Run
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.arguments = arguments
        self.options = options
        self.exitStatuses = exitStatuses
        self.validate = validate
        self.run = run
    }

    /// The built-in `-h, --help` option, listed last in every command's help.
    public static let helpOption = OptionSpec.flag("help", short: "h", help: "Show help information.")

    /// The options help lists: the declared ones, then `-h, --help`.
    public var optionsWithHelp: [OptionSpec] { options + [Self.helpOption] }

    /// Looks up a declared option (or `help`) by its long name.
    public func option(named long: String) -> OptionSpec? {
        optionsWithHelp.first { $0.long == long }
    }

    /// Looks up a declared option (or `h`) by its short name.
    public func option(short: Character) -> OptionSpec? {
        optionsWithHelp.first { $0.short == short }
    }
}

/// The whole tool: its name, version, overview and subcommands.
public struct ToolSpec: Sendable {
    /// The executable's name as users type it (`uploadgate`).
    public var name: String
    /// What `--version` prints.
    public var version: String
    /// One line for OVERVIEW.
    public var abstract: String
    /// Paragraphs after the overview (same rules as `CommandSpec.discussion`).
    public var discussion: String
    /// The subcommands, in the order help lists them.
    public var commands: [CommandSpec]
    /// The EXIT STATUS section of the root help, and the default for commands that declare none.
    public var exitStatuses: [ExitStatusHelp]
    /// A flag that turns colour off, recognised even when scanning fails, so error messages honour it.
    public var noColorFlag: String?

    /// Declares the tool.
    public init(
        name: String, version: String, abstract: String, discussion: String = "", commands: [CommandSpec],
        exitStatuses: [ExitStatusHelp], noColorFlag: String? = nil
    ) {
        self.name = name
        self.version = version
        self.abstract = abstract
        self.discussion = discussion
        self.commands = commands
        self.exitStatuses = exitStatuses
        self.noColorFlag = noColorFlag
    }

    /// Looks up a subcommand by name.
    public func command(named name: String) -> CommandSpec? {
        commands.first { $0.name == name }
    }

    /// The root's own options, as help lists them.
    public static let rootOptions: [OptionSpec] = [
        .flag("version", help: "Show the version."),
        CommandSpec.helpOption,
    ]

    /// The EXIT STATUS lines for a command: its own, or the tool's default.
    public func exitStatuses(for command: CommandSpec) -> [ExitStatusHelp] {
        command.exitStatuses.isEmpty ? exitStatuses : command.exitStatuses
    }
}
