/// Renders help pages and usage errors in swift-argument-parser's layout. Pure: returns text, prints nothing.
///
/// ```
/// OVERVIEW: <abstract>
///
/// <discussion>
///
/// USAGE: tool cmd [--format <format>] <path> ...
///
/// ARGUMENTS:
///   <path>                  One sentence.
///
/// OPTIONS:
///   --format <format>       One sentence. (values: text, json; default: text)
///   -h, --help              Show help information.
///
/// EXIT STATUS:
///   0                       …
/// ```
/// Labels sit in a 26-column first column; descriptions wrap to the width given (normally `COLUMNS`).
public struct HelpRenderer: Sendable {
    /// Where descriptions start.
    public static let labelColumn = 26
    /// The narrowest layout produced, whatever `width` says.
    public static let minimumWidth = 40

    /// The tool being described.
    public let tool: ToolSpec
    /// The terminal width to wrap to.
    public let width: Int

    /// - Parameters:
    ///   - tool: the tool being described.
    ///   - width: the terminal width (values below `minimumWidth` are raised to it).
    public init(tool: ToolSpec, width: Int) {
        self.tool = tool
        self.width = max(width, Self.minimumWidth)
    }

    /// The root help: overview, usage, options, subcommands, exit status and a pointer to `help <subcommand>`.
    public func rootHelp() -> String {
        var lines = overview(tool.abstract, discussion: tool.discussion)
        lines += usage(for: nil, prefix: "USAGE:") + [""]
        lines += section("OPTIONS", ToolSpec.rootOptions.map { ($0.helpLabel, describe($0)) })
        lines += section("SUBCOMMANDS", tool.commands.map { ($0.name, $0.abstract) })
        lines += section("EXIT STATUS", tool.exitStatuses.map { ("\($0.status)", $0.meaning) })
        lines.append("  See '\(tool.name) help <subcommand>' for detailed help.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A command's help; what both `tool help cmd` and `tool cmd --help` print.
    public func help(for command: CommandSpec) -> String {
        var lines = overview(command.abstract, discussion: command.discussion)
        lines += usage(for: command, prefix: "USAGE:") + [""]
        lines += section("ARGUMENTS", command.arguments.map { ($0.label, describe($0)) })
        lines += section("OPTIONS", command.optionsWithHelp.map { ($0.helpLabel, describe($0)) })
        lines += section("EXIT STATUS", tool.exitStatuses(for: command).map { ("\($0.status)", $0.meaning) })
        lines.removeLast()
        return lines.joined(separator: "\n") + "\n"
    }

    /// A usage error: `Error: …`, the usage line, and where to find help.
    ///
    /// - Parameters:
    ///   - error: the problem.
    ///   - command: the subcommand it concerns, or `nil` for errors before one was recognised.
    ///   - style: the style of the error stream (only `Error:` is coloured).
    public func usageError(_ error: UsageError, command: CommandSpec?, style: OutputStyle = .plain) -> String {
        let helpCommand = command.map { "\(tool.name) \($0.name) --help" } ?? "\(tool.name) --help"
        var lines = [style.error("Error:") + " " + error.message]
        lines += usage(for: command, prefix: "Usage:")
        lines.append("  See '\(helpCommand)' for more information.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The synopsis lines for a command (or the root when `nil`), wrapped with a hanging indent.
    public func usage(for command: CommandSpec?, prefix: String) -> [String] {
        guard let command else {
            return TextLayout.hanging(prefix: prefix, words: [tool.name, "<subcommand>"], width: width)
        }
        let words = command.options.map(\.synopsis) + command.arguments.map(\.synopsis)
        return TextLayout.hanging(prefix: "\(prefix) \(tool.name) \(command.name)", words: words, width: width)
    }

    private func overview(_ abstract: String, discussion: String) -> [String] {
        var lines = TextLayout.wrap("OVERVIEW: " + abstract, width: width) + [""]
        if !discussion.isEmpty {
            lines += TextLayout.prose(discussion, width: width) + [""]
        }
        return lines
    }

    private func section(_ title: String, _ rows: [(label: String, text: String)]) -> [String] {
        guard !rows.isEmpty else { return [] }
        return ["\(title):"] + rows.flatMap(row) + [""]
    }

    private func row(label: String, text: String) -> [String] {
        let column = Self.labelColumn
        let body = TextLayout.wrap(text, width: max(width - column, 10))
        let indent = String(repeating: " ", count: column)
        let head = "  " + label
        if TextLayout.displayWidth(head) + 2 <= column {
            let first = TextLayout.pad(head, to: column) + (body.first ?? "")
            return [first.trimmingTrailingSpaces()] + body.dropFirst().map { indent + $0 }
        }
        return [head] + body.map { indent + $0 }
    }

    private func describe(_ argument: ArgumentSpec) -> String {
        let values = argument.kind.choices
        return values.isEmpty ? argument.help : argument.help + " (values: \(values.joined(separator: ", ")))"
    }

    /// An option's help sentence with its details: "(repeatable; values: a, b; default: a)".
    func describe(_ option: OptionSpec) -> String {
        var details: [String] = []
        if option.isRepeatable, !option.isFlag { details.append("repeatable") }
        if let values = option.valueKind?.choices, !values.isEmpty {
            details.append("values: " + values.joined(separator: ", "))
        }
        if let text = option.defaultDescription ?? option.defaultValue.map(Self.quotedIfBlank) {
            details.append("default: " + text)
        }
        return details.isEmpty ? option.help : option.help + " (\(details.joined(separator: "; ")))"
    }

    private static func quotedIfBlank(_ value: String) -> String {
        value.isEmpty || value.hasPrefix(" ") || value.hasSuffix(" ") ? "'\(value)'" : value
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = Substring(self)
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
