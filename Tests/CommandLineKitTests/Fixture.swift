import CommandLineKit

/// A small tool whose table exercises every feature of the scanner.
enum Fixture {
    static let lint = CommandSpec(
        name: "lint",
        abstract: "Check policy files for errors and risky patterns.",
        discussion: """
            Lint reports problems.

            Example:

              $ tool lint --format json a.json
            """,
        arguments: [ArgumentSpec("path", arity: .oneOrMore, help: "A policy file or a folder of policies.")],
        options: [
            .value(
                "format", short: "f", kind: .choice(["text", "json", "sarif"]), default: "text",
                help: "Output format."),
            .value(
                "max-errors", valueName: "n", kind: .integer(0...Int.max), default: "10",
                help: "Stop after this many errors."),
            .value("tag", repeatable: true, help: "A tag to add."),
            .value("type", help: "A content type."),
            .value("length", valueName: "n", kind: .anyInteger, help: "A length."),
            .flag("verbose", short: "v", help: "Say more."),
            .flag("no-color", help: "No colour."),
        ],
        run: { _ in .success })

    static let explain = CommandSpec(
        name: "explain",
        abstract: "Explain one decision.",
        arguments: [
            ArgumentSpec("name", help: "A file name."),
            ArgumentSpec("extra", arity: .optional, help: "Something optional."),
        ],
        options: [
            .value("policy", valueName: "file", required: true, help: "The policy."),
            .value("cert", help: "A certificate."),
            .value("key", help: "A key."),
        ],
        validate: { arguments throws(UsageError) in
            if arguments.wasGiven("cert") != arguments.wasGiven("key") {
                throw UsageError("'--cert' and '--key' must be given together.")
            }
        },
        run: { invocation in
            invocation.stdout.write("name=\(invocation.arguments.string("name")!)\n")
            return .findings
        })

    static let failing = CommandSpec(
        name: "fail", abstract: "Always fails.",
        arguments: [ArgumentSpec("how", kind: .choice(["usage", "failure", "other"]), help: "How to fail.")],
        options: [.flag("no-color", help: "No colour.")],
        run: { invocation in
            struct Other: Error, CustomStringConvertible { var description: String { "something else broke" } }
            switch invocation.arguments.string("how") {
            case "usage": throw UsageError("Bad combination.")
            case "failure": throw CommandFailure("Cannot read 'x.json'.")
            default: throw Other()
            }
        })

    static let tool = ToolSpec(
        name: "tool", version: "1.2.3", abstract: "A tool for tests.",
        commands: [lint, explain, failing],
        exitStatuses: [
            ExitStatusHelp(.success, "Success."),
            ExitStatusHelp(.findings, "Findings."),
            ExitStatusHelp(.usageError, "Usage or input error."),
        ],
        noColorFlag: "no-color")

    /// Scans `tokens` for `command`, returning the values or the error message.
    static func scan(_ command: CommandSpec, _ tokens: [String]) -> Result<ArgumentScanner.Outcome, UsageError> {
        Result { () throws(UsageError) in try ArgumentScanner(command: command).scan(tokens) }
    }

    static func values(_ tokens: [String], in command: CommandSpec = lint) throws -> ParsedArguments {
        guard case .arguments(let parsed) = try scan(command, tokens).get() else {
            throw UsageError("asked for help")
        }
        return parsed
    }

    static func error(_ tokens: [String], in command: CommandSpec = lint) -> String? {
        if case .failure(let error) = scan(command, tokens) { return error.message }
        return nil
    }
}
