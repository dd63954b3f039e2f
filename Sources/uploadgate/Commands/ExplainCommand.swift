import CommandLineKit
import UploadPolicy

/// `uploadgate explain --policy P NAME [--type T] [--length N]`: one decision, step by step.
enum ExplainCommand {
    static let spec = CommandSpec(
        name: "explain",
        abstract: "Show the decision for one file name and every step taken to reach it.",
        discussion: """
            Explain evaluates a name as the endpoint would, with the content type and length the signing \
            service would send, and prints each step: the built-in name checks, the reject rules, the limits, \
            and the accept entry the name picked, with the reported type's normalisation (parameters dropped, \
            aliases resolved) and the reason the user would read, in English and Brazilian Portuguese. Without \
            --type no type is sent; pass --type '' to test a browser that sent an empty one. A name that starts \
            with '-' goes after '--'.

            Example:

              $ uploadgate explain --policy Policies/pdf-only.json \\
                  --type image/jpeg scan.pdf
              $ uploadgate explain --policy default --length 0 -- -draft.pdf
            """,
        arguments: [
            ArgumentSpec("name", help: "The file name to evaluate, as the user's browser reports it.")
        ],
        options: [
            CommonOptions.policy,
            .value("type", valueName: "type", help: "The content type the browser reported (default: none sent)."),
            .value("length", valueName: "n", kind: .integer(0...Int.max), help: "The file size in bytes."),
            CommonOptions.format([.text, .json]),
            CommonOptions.noColor,
        ],
        exitStatuses: [
            ExitStatusHelp(.success, "The file would be accepted."),
            ExitStatusHelp(.findings, "The file would be rejected."),
            ExitStatusHelp(.usageError, "Usage error, or a policy that cannot be read."),
        ],
        run: run)

    /// The scanned options, typed.
    struct Options {
        var name: String
        var policy: String
        var contentType: String?
        var length: Int?
        var format: OutputFormat
        var noColor: Bool

        init(_ arguments: ParsedArguments) {
            name = arguments.string("name") ?? ""
            policy = arguments.string("policy") ?? ""
            contentType = arguments.string("type")
            length = arguments.integer("length")
            format = CommonOptions.format(in: arguments)
            noColor = arguments.flag("no-color")
        }
    }

    @Sendable static func run(_ invocation: Invocation) async throws -> ExitCode {
        let options = Options(invocation.arguments)
        let mimeDatabase = try PolicySource.mimeDatabase(invocation)
        let policy = try PolicySource.policy(options.policy, mimeDatabase: mimeDatabase)
        let candidate = FileCandidate(
            name: options.name, contentType: options.contentType, length: options.length.map(Int64.init))
        let report = ExplainRendering.Report(
            policy: policy, candidate: candidate, reading: InputReading(candidate, database: mimeDatabase),
            explanation: policy.explain(candidate))
        switch options.format {
        case .json: invocation.stdout.write(try ExplainRendering.json(report))
        default:
            invocation.stdout.write(
                ExplainRendering.text(report, width: invocation.terminal.width, style: invocation.outputStyle))
        }
        return report.explanation.decision.isAccepted ? .success : .findings
    }
}
