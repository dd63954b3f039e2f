internal import CommandLineKit

/// `uploadgate test PATH…`: runs the examples carried by each policy.
enum TestCommand {
    static let spec = CommandSpec(
        name: "test",
        abstract: "Run the examples in policy files and report which pass.",
        discussion: """
            Each policy may carry examples: a name, optionally the content type and length a browser would \
            send, and the decision expected. Test evaluates every example and prints one line per example and \
            a summary. A folder is searched for *.json policies.

            Example policy, Policies/documents.json:

              {
                "id": "documents",
                "accept": [
                  { "label": "PDF document", "name": "\\\\.pdf$",
                    "types": ["application/pdf"] }
                ],
                "examples": [
                  { "name": "Contrato.pdf", "contentType": "application/pdf",
                    "expect": "accept" },
                  { "name": "Contrato.pdf.exe", "expect": "reject" }
                ]
              }

            Run its examples, then only those whose name matches a pattern, as JUnit XML for CI:

              $ uploadgate test Policies/documents.json
              $ uploadgate test --run 'Contrato' --format junit Policies/ > junit.xml
            """,
        arguments: [
            ArgumentSpec("path", arity: .oneOrMore, help: "A policy file, or a folder of policies.")
        ],
        options: [
            CommonOptions.format([.text, .json, .junit]),
            .value(
                "run", valueName: "regex",
                help: "Run only the examples whose policy id or example name matches this regular expression."),
            .flag(
                "verbose", short: "v",
                help: "Show the decision code and deciding rule of every example, not only of failures."),
            CommonOptions.noColor,
        ],
        exitStatuses: [
            ExitStatusHelp(.success, "Every example gave the expected decision."),
            ExitStatusHelp(.findings, "At least one example failed."),
            ExitStatusHelp(.usageError, "Usage error, or a policy that cannot be read or compiled."),
        ],
        run: run)

    /// The scanned options, typed.
    struct Options {
        var paths: [String]
        var format: OutputFormat
        var runFilter: String?
        var verbose: Bool
        var noColor: Bool

        init(_ arguments: ParsedArguments) {
            paths = arguments.strings("path")
            format = CommonOptions.format(in: arguments)
            runFilter = arguments.string("run")
            verbose = arguments.flag("verbose")
            noColor = arguments.flag("no-color")
        }
    }

    @Sendable static func run(_ invocation: Invocation) async throws -> ExitCode {
        _ = Options(invocation.arguments)
        return try notAvailableYet(invocation)
    }
}
