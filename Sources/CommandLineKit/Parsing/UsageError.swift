/// A mistake on the command line: unknown option, missing or invalid value, unexpected argument.
///
/// Rendered as `Error: <message>`, then the usage line and a pointer to `--help`, on stderr, with exit status 2.
/// Commands throw it from `validate` or `run` for their own usage checks.
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The sentence after `Error: `, quoting the user's token verbatim in single quotes.
    public var message: String

    /// Makes an error with a complete sentence: "'--tls-cert' and '--tls-key' must be given together."
    public init(_ message: String) { self.message = message }

    public var description: String { message }

    static func unknownOption(_ token: String, suggestion: String?) -> UsageError {
        UsageError("Unknown option '\(quoted(token))'." + didYouMean(suggestion == token ? nil : suggestion))
    }

    static func unknownSubcommand(_ token: String, suggestion: String?) -> UsageError {
        UsageError("Unknown subcommand '\(quoted(token))'." + didYouMean(suggestion))
    }

    static func missingValue(_ option: OptionSpec) -> UsageError {
        UsageError("Missing value for '\(option.display)'.")
    }

    static func flagWithValue(_ option: OptionSpec, value: String) -> UsageError {
        UsageError("The flag '\(option.longFlag)' does not take a value, but was given '\(quoted(value))'.")
    }

    static func invalidValue(_ value: String, for name: String, problem: String) -> UsageError {
        UsageError("The value '\(quoted(value))' is invalid for '\(name)'. \(problem)")
    }

    static func missingArgument(_ label: String) -> UsageError {
        UsageError("Missing expected argument '\(label)'.")
    }

    static func unexpectedArgument(_ token: String) -> UsageError {
        UsageError("Unexpected argument '\(quoted(token))'.")
    }

    /// The user's token as it appears in a message: verbatim, except that control and bidi characters are
    /// shown as `\u{XXXX}` so they cannot disturb the terminal.
    private static func quoted(_ token: String) -> String { TerminalText.visible(token) }

    private static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { " Did you mean '\($0)'?" } ?? ""
    }
}
