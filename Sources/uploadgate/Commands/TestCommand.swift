import CommandLineKit
import UploadPolicy

/// `uploadgate test PATH…`: runs the examples carried by each policy.
enum TestCommand {
    static let spec = CommandSpec(
        name: "test",
        abstract: "Run the examples in policy files and report which pass.",
        discussion: """
            Each policy may carry examples: a name, optionally the content type and length a browser would \
            send, and the decision expected (accept or reject, optionally with the exact code). Test evaluates \
            every example and prints one line per example and a summary; a failure shows the decision trace. A \
            folder is searched for *.json policies, not recursively. --run selects examples by a case-sensitive \
            PCRE2 pattern searched in the policy id and the example name.

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
                "run", valueName: "regex", kind: .custom(expectation: "a regular expression", check: checkRegex),
                help: "Run only the examples whose policy id or example name matches this regular expression."),
            .flag(
                "verbose", short: "v",
                help: "Show the decision code and deciding rule of every example, not only of failures."),
            CommonOptions.noColor,
        ],
        exitStatuses: [
            ExitStatusHelp(.success, "Every example gave the expected decision."),
            ExitStatusHelp(.findings, "At least one example failed."),
            ExitStatusHelp(.usageError, "Usage error, a policy that cannot be read or loaded, or no example ran."),
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

    /// Compiles `--run` as policy patterns are compiled (PCRE2), but case-sensitive; returns the problem.
    @Sendable static func checkRegex(_ value: String) -> String? {
        do {
            _ = try CompiledPattern(value, options: PatternOptions(caseInsensitive: false))
            return nil
        } catch let error as PatternCompileError {
            return "\(error.message) at offset \(error.offset)"
        } catch {
            return "\(error)"
        }
    }

    @Sendable static func run(_ invocation: Invocation) async throws -> ExitCode {
        let options = Options(invocation.arguments)
        let mimeDatabase = try PolicySource.mimeDatabase(invocation)
        let filter = try options.runFilter.map {
            try CompiledPattern($0, options: PatternOptions(caseInsensitive: false))
        }
        let input = PolicyFiles(options.paths)
        for note in input.notes { invocation.stderr.write("note: \(Display.visible(note))\n") }
        let run = await ExampleRun.run(input, mimeDatabase: mimeDatabase, filter: filter)

        switch options.format {
        case .json: invocation.stdout.write(try TestRendering.json(run, verbose: options.verbose))
        case .junit: invocation.stdout.write(TestRendering.junit(run))
        default:
            let errorStyle = invocation.errorStyle
            for finding in run.loadErrors {
                invocation.stderr.write(
                    LintRendering.block(finding, width: invocation.terminal.width, style: errorStyle))
            }
            invocation.stdout.write(
                TestRendering.text(
                    run, verbose: options.verbose, width: invocation.terminal.width, style: invocation.outputStyle))
        }
        if !run.loadErrors.isEmpty { return .usageError }
        if run.total == 0 {
            let reason = options.runFilter == nil ? "the policies carry no examples" : "no example matched --run"
            throw CommandFailure("nothing was tested: \(reason).")
        }
        return run.failed > 0 ? .findings : .success
    }
}
