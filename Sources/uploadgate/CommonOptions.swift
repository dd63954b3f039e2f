internal import CommandLineKit

/// The output formats any command may offer; each command lists the ones it supports.
enum OutputFormat: String, CaseIterable, Sendable {
    /// Human-readable text (the default everywhere).
    case text
    /// One JSON document on standard output, keys sorted.
    case json
    /// JUnit XML (`test`).
    case junit
    /// SARIF 2.1.0 (`lint`).
    case sarif
}

/// Options shared by several commands, declared once so their names, value names and help read the same
/// everywhere.
enum CommonOptions {
    /// `--format <format>` with the formats a command supports; `text` is the default.
    static func format(_ formats: [OutputFormat]) -> OptionSpec {
        .value(
            "format", kind: .choice(formats.map(\.rawValue)), default: OutputFormat.text.rawValue,
            help: "The output format.")
    }

    /// `--policy <file>`: the policy a command applies (required): a file, or an id looked up in `Policies/`.
    static let policy = OptionSpec.value(
        "policy", valueName: "file", required: true,
        help: "The policy to apply: a JSON file, or an id looked up as Policies/<id>.json.")

    /// `--no-color`: colour is also off when `NO_COLOR` is set or the output is not a terminal.
    static let noColor = OptionSpec.flag(
        "no-color", help: "Do not colour the output. Colour is only used on a terminal, and never when NO_COLOR is set."
    )

    /// Reads `--format` (always valid after scanning: the scanner checked it against the command's choices).
    static func format(in arguments: ParsedArguments) -> OutputFormat {
        arguments.string("format").flatMap(OutputFormat.init(rawValue:)) ?? .text
    }
}
