import Foundation

/// The command line of `session-client`, parsed by hand: the example needs nothing more.
struct Arguments {
    static let usage = """
        USAGE: session-client [--policy <file>] [--language en|pt-BR] [--endpoint <url>] [--wait <seconds>]
                              [--upload <file> ...] [<document> ...]

        Checks local documents against an UploadGate policy, creates a Rest PKI Core signature session with them,
        prints the URL to send the signer to, and waits until the session completes.

        Without --endpoint it runs a demo on this machine: it starts `uploadgate serve` and a Rest PKI Core
        emulator, plays the signer through the emulator's control routes, and then lets the signer upload the
        --upload files in a second session, so the validation endpoint's verdicts show.

        ARGUMENTS:
          <document>          A file to sign (default: Examples/samples/document.pdf and CONTRATO.PDF).

        OPTIONS:
          --policy <file>     The policy to check documents with (default: Policies/pdf-only.json).
          --language <tag>    The language of reasons and of the signature page: en or pt-BR (default: en).
          --endpoint <url>    A real Rest PKI Core instance, e.g. https://homolog.core.pki.rest/; the API key is
                              read from RESTPKI_API_KEY. Open the printed URL in a browser to sign.
          --wait <seconds>    How long to wait for the session to complete (default: 600).
          --upload <file>     In the demo, a file the signer uploads (default: report.docx and Relatório.pdf).
          -h, --help          Show this help.

        EXIT STATUS: 0 the session completed; 1 a document was refused, or the session ended otherwise;
        2 usage error.
        """

    var policy: String
    var language = "en"
    var endpoint: URL?
    var wait = 600
    var uploads: [String] = []
    var documents: [String] = []

    /// Parses `CommandLine.arguments`, resolving the defaults against the package root.
    ///
    /// - Throws: `UsageError` with a message for anything unexpected; `.help` for `--help`.
    init(_ arguments: [String], root: URL) throws(UsageError) {
        policy = root.appendingPathComponent("Policies/pdf-only.json").path
        var rest = arguments.dropFirst()[...]
        func value(_ option: String) throws(UsageError) -> String {
            guard let next = rest.popFirst(), !next.hasPrefix("--") else {
                throw UsageError("Missing value for '\(option)'.")
            }
            return next
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "-h", "--help": throw UsageError.help
            case "--policy": policy = try value(argument)
            case "--language":
                language = try value(argument)
                guard ["en", "pt-BR"].contains(language) else {
                    throw UsageError("'--language' must be en or pt-BR; got '\(language)'.")
                }
            case "--endpoint":
                let text = try value(argument)
                guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
                    url.host != nil
                else { throw UsageError("'--endpoint' must be an http or https URL; got '\(text)'.") }
                endpoint = url
            case "--wait":
                let text = try value(argument)
                guard let seconds = Int(text), (1...86_400).contains(seconds) else {
                    throw UsageError("'--wait' must be a number of seconds from 1 to 86400; got '\(text)'.")
                }
                wait = seconds
            case "--upload": uploads.append(try value(argument))
            case "--":
                documents += rest
                rest = []
            default:
                guard !argument.hasPrefix("-") else { throw UsageError("Unknown option '\(argument)'.") }
                documents.append(argument)
            }
        }
        let samples = root.appendingPathComponent("Examples/samples")
        if documents.isEmpty {
            documents = ["document.pdf", "CONTRATO.PDF"].map { samples.appendingPathComponent($0).path }
        }
        if uploads.isEmpty {
            // Relatório.pdf is stored with a decomposed (NFD) name, as macOS writes it: find it by its NFC form.
            let names = (try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? []
            let report = names.first { $0.precomposedStringWithCanonicalMapping == "Relatório.pdf" } ?? "Relatório.pdf"
            uploads = ["report.docx", report].map { samples.appendingPathComponent($0).path }
        }
    }
}

/// A command-line mistake, or a request for help.
struct UsageError: Error {
    let message: String?

    init(_ message: String) {
        self.message = message
    }

    private init() {
        message = nil
    }

    /// `--help` was given.
    static let help = UsageError()
}
