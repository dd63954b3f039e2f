/// One named option of a command: a flag (`--no-color`, `-v`) or an option with a value (`--format json`).
///
/// Values may be written `--format json` or `--format=json`, and for options with a short name `-f json` or
/// `-fjson`. A single-valued option given twice keeps the last value (so a wrapper script's default can be
/// overridden); a repeatable option keeps every value in order. A flag given twice is still on, and
/// `ParsedArguments.count(_:)` tells how often it was given (`-vv`).
public struct OptionSpec: Sendable {
    /// Whether the option takes a value, and of which kind.
    public enum Kind: Sendable {
        /// No value: present or absent.
        case flag
        /// A value of the given kind.
        case value(ValueKind)
    }

    /// The long name without dashes (`format`); also the key in `ParsedArguments`.
    public var long: String
    /// An optional one-character alias without the dash (`h` for `-h`).
    public var short: Character?
    /// The placeholder shown in help (`format` for `--format <format>`).
    public var valueName: String
    /// Flag or value option.
    public var kind: Kind
    /// One or two sentences for the OPTIONS section of the help.
    public var help: String
    /// The value used when the option is absent, written as the user would type it; checked against the kind.
    public var defaultValue: String?
    /// Replaces `defaultValue` in help when the default is not a fixed text ("the number of CPU cores").
    public var defaultDescription: String?
    /// Whether the command cannot run without it.
    public var isRequired: Bool
    /// Whether every occurrence is kept (otherwise the last one wins).
    public var isRepeatable: Bool

    /// Declares a flag: an option without a value.
    ///
    /// - Parameters:
    ///   - long: the long name without dashes (`no-color`).
    ///   - short: an optional one-letter alias (`v` for `-v`).
    ///   - help: one sentence for the help.
    public static func flag(_ long: String, short: Character? = nil, help: String) -> OptionSpec {
        OptionSpec(
            long: long, short: short, valueName: long, kind: .flag, help: help, defaultValue: nil,
            defaultDescription: nil, isRequired: false, isRepeatable: true)
    }

    /// Declares an option that takes a value.
    ///
    /// - Parameters:
    ///   - long: the long name without dashes (`max-errors`).
    ///   - short: an optional one-letter alias.
    ///   - valueName: the placeholder in help (default: the long name), as in `--max-errors <n>`.
    ///   - kind: what the value must look like (default: any text).
    ///   - defaultValue: the value when the option is absent, as typed on the command line.
    ///   - defaultDescription: help text standing in for a default that is not a fixed text.
    ///   - required: whether the command needs it.
    ///   - repeatable: whether every occurrence is kept rather than the last.
    ///   - help: one or two sentences for the help.
    public static func value(
        _ long: String, short: Character? = nil, valueName: String? = nil, kind: ValueKind = .string,
        default defaultValue: String? = nil, defaultDescription: String? = nil, required: Bool = false,
        repeatable: Bool = false, help: String
    ) -> OptionSpec {
        OptionSpec(
            long: long, short: short, valueName: valueName ?? long, kind: .value(kind), help: help,
            defaultValue: defaultValue, defaultDescription: defaultDescription, isRequired: required,
            isRepeatable: repeatable)
    }

    /// Whether the option is a flag.
    public var isFlag: Bool {
        if case .flag = kind { return true }
        return false
    }

    /// The value kind of a value option, `nil` for a flag.
    public var valueKind: ValueKind? {
        if case .value(let kind) = kind { return kind }
        return nil
    }

    /// `--format` as typed.
    public var longFlag: String { "--" + long }

    /// `--format <format>` (or `--no-color` for a flag): how errors name the option.
    public var display: String { isFlag ? longFlag : "\(longFlag) <\(valueName)>" }

    /// The help label: `-f, --format <format>`, `--format <format>` or `-h, --help`.
    public var helpLabel: String {
        let shortPart = short.map { "-\($0), " } ?? ""
        return shortPart + display
    }

    /// The synopsis element for the usage line: `--policy <policy>`, `[--format <format>]`,
    /// `[--api-key-file <file> ...]` or `[--verbose]`.
    public var synopsis: String {
        let body = isRepeatable && !isFlag ? "\(display) ..." : display
        return isRequired ? body : "[\(body)]"
    }
}
