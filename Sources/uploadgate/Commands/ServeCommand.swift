internal import CommandLineKit

/// `uploadgate serve`: the file-name validation endpoint. Its body arrives with the endpoint issue.
enum ServeCommand {
    static let spec = CommandSpec(
        name: "serve",
        abstract: "Run the file-name validation endpoint.",
        discussion: """
            Without options, serve applies the embedded default policy on 127.0.0.1:8080. POST /validate \
            applies the default policy and POST /validate/{policyId} a named one; GET /healthz, /readyz, \
            /metrics and /policies serve operations. SIGHUP reloads the policies: a broken set is refused and \
            the old one keeps serving.

            Example:

              $ uploadgate serve --listen 0.0.0.0:8443 --policies /etc/uploadgate/policies \\
                  --default-policy documents --api-key-file /etc/uploadgate/api-keys \\
                  --tls-cert /etc/uploadgate/cert.pem --tls-key /etc/uploadgate/key.pem
              $ curl -s -H 'Content-Type: application/json' \\
                  -d '{"name": "Contrato.pdf", "contentType": "application/pdf"}' \\
                  https://localhost:8443/validate
              {"accept":true,"rejectReason":null}
            """,
        options: [
            .value(
                "listen", valueName: "host:port", kind: .custom(expectation: "HOST:PORT", check: checkListen),
                default: "127.0.0.1:8080", help: "The address to listen on; an IPv6 host goes in brackets."),
            .value("policies", valueName: "dir", help: "A folder of policy files to serve instead of the default."),
            .value("default-policy", valueName: "id", help: "The id of the policy POST /validate applies."),
            .value(
                "api-key-file", valueName: "file",
                help: "A file of accepted API keys, one per line (several allow rotation)."),
            .value("tls-cert", valueName: "file", help: "The TLS certificate chain (PEM); needs --tls-key."),
            .value("tls-key", valueName: "file", help: "The TLS private key (PEM); needs --tls-cert."),
            .value(
                "threads", valueName: "n", kind: .integer(1...1024), defaultDescription: "the number of CPU cores",
                help: "Worker threads."),
            .value(
                "log-names", valueName: "mode", kind: .choice(["full", "hash", "none"]), default: "hash",
                help: "How file names appear in the decision log."),
            CommonOptions.noColor,
        ],
        exitStatuses: [
            ExitStatusHelp(.success, "The server stopped cleanly (SIGINT or SIGTERM)."),
            ExitStatusHelp(.findings, "The server could not start (address in use) or stopped on an error."),
            ExitStatusHelp(.usageError, "Usage error, or configuration that cannot be read (policies, keys, TLS)."),
        ],
        validate: validate,
        run: run)

    /// The scanned options, typed.
    struct Options {
        var listen: String
        var policiesFolder: String?
        var defaultPolicy: String?
        var apiKeyFile: String?
        var tlsCertificate: String?
        var tlsKey: String?
        var threads: Int?
        var logNames: String
        var noColor: Bool

        init(_ arguments: ParsedArguments) {
            listen = arguments.string("listen") ?? "127.0.0.1:8080"
            policiesFolder = arguments.string("policies")
            defaultPolicy = arguments.string("default-policy")
            apiKeyFile = arguments.string("api-key-file")
            tlsCertificate = arguments.string("tls-cert")
            tlsKey = arguments.string("tls-key")
            threads = arguments.integer("threads")
            logNames = arguments.string("log-names") ?? "hash"
            noColor = arguments.flag("no-color")
        }
    }

    @Sendable static func validate(_ arguments: ParsedArguments) throws(UsageError) {
        if arguments.wasGiven("tls-cert") != arguments.wasGiven("tls-key") {
            throw UsageError("'--tls-cert' and '--tls-key' must be given together.")
        }
    }

    /// Checks `HOST:PORT`, `[IPv6]:PORT`; returns the problem, or `nil`.
    @Sendable static func checkListen(_ value: String) -> String? {
        guard let colon = value.lastIndex(of: ":") else { return "no ':' before the port" }
        let host = value[..<colon]
        let port = value[value.index(after: colon)...]
        if host.isEmpty { return "the host is empty" }
        if host.contains(":"), !(host.hasPrefix("[") && host.hasSuffix("]")) {
            return "an IPv6 address goes in brackets, as in [::1]:8080"
        }
        guard !port.isEmpty, port.utf8.allSatisfy({ (48...57).contains($0) }), let number = Int(port),
            (0...65535).contains(number)
        else { return "the port must be a number from 0 to 65535" }
        return nil
    }

    @Sendable static func run(_ invocation: Invocation) async throws -> ExitCode {
        _ = Options(invocation.arguments)
        return try notAvailableYet(invocation)
    }
}
