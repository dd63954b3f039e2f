internal import CommandLineKit
internal import UploadGateLogging
internal import UploadGateServer

/// `uploadgate serve`: the file-name validation endpoint.
enum ServeCommand {
    static let spec = CommandSpec(
        name: "serve",
        abstract: "Run the file-name validation endpoint.",
        discussion: """
            Without options, serve applies the embedded default policy on 127.0.0.1:8080. POST /validate \
            applies the default policy and POST /validate/{policyId} a named one; GET /healthz, /readyz, \
            /metrics and /policies serve operations. SIGHUP reloads the policies: a broken set is refused and \
            the old one keeps serving. SIGINT and SIGTERM stop it after in-flight requests finish.

            Authentication: --auth api-key (X-Api-Key header), bearer (Authorization: Bearer) or basic \
            (Authorization: Basic; secrets are user:password). Secrets come from --api-key-file, one per line, or \
            from the UPLOADGATE_API_KEYS environment variable (comma- or newline-separated); several secrets \
            allow rotation. Without --auth, a secrets file or UPLOADGATE_API_KEYS selects api-key; otherwise no \
            authentication, which is only sensible on loopback.

            One JSON line per decision goes to standard output; startup and errors go to standard error.

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
                "auth", valueName: "mode", kind: .choice(["none", "api-key", "bearer", "basic"]),
                defaultDescription: "api-key when secrets are given, else none",
                help: "How callers authenticate."),
            .value(
                "api-key-file", valueName: "file",
                help: "A file of accepted secrets (API keys, tokens or user:password), one per line."),
            .value("tls-cert", valueName: "file", help: "The TLS certificate chain (PEM); needs --tls-key."),
            .value("tls-key", valueName: "file", help: "The TLS private key (PEM); needs --tls-cert."),
            .value(
                "threads", valueName: "n", kind: .integer(1...1024), defaultDescription: "the number of CPU cores",
                help: "Worker threads."),
            .value(
                "log-names", valueName: "mode", kind: .choice(["full", "hash", "none"]), default: "hash",
                help: "How file names appear in the decision log."),
            .value(
                "max-body", valueName: "bytes", kind: .integer(256...1_048_576), default: "16384",
                help: "The largest request body accepted; larger ones get 413."),
            .value(
                "connection-timeout", valueName: "seconds", kind: .integer(1...86_400), default: "10",
                help: "Close a connection after this long without a byte in either direction."),
            .value(
                "request-timeout", valueName: "seconds", kind: .integer(1...86_400), default: "30",
                help: """
                    Close a connection whose client takes longer than this to send one whole request, counted \
                    from when it connected or got its previous answer (slow senders).
                    """),
            .value(
                "max-connections", valueName: "n", kind: .integer(1...1_000_000), default: "1024",
                help: "The most connections open at once; further ones wait unaccepted."),
            .value(
                "per-ip-limit", valueName: "n", kind: .integer(1...1_000_000), default: "128",
                help: """
                    The most connections open at once from one client address; further ones are closed at \
                    once. Behind a proxy, raise it to --max-connections.
                    """),
            .value(
                "mime-dir", valueName: "dir", default: "/usr/share/mime",
                help: "The shared-mime-info database directory."),
            CommonOptions.noColor,
        ],
        exitStatuses: [
            ExitStatusHelp(.success, "The server stopped cleanly (SIGINT or SIGTERM)."),
            ExitStatusHelp(.findings, "The server could not listen (address in use, permission denied)."),
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
        var auth: String?
        var maxBody: Int
        var connectionTimeout: Int
        var requestTimeout: Int
        var maxConnections: Int
        var perIPLimit: Int
        var mimeDirectory: String
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
            auth = arguments.string("auth")
            maxBody = arguments.integer("max-body") ?? 16384
            connectionTimeout = arguments.integer("connection-timeout") ?? 10
            requestTimeout = arguments.integer("request-timeout") ?? 30
            maxConnections = arguments.integer("max-connections") ?? 1024
            perIPLimit = arguments.integer("per-ip-limit") ?? 128
            mimeDirectory = arguments.string("mime-dir") ?? "/usr/share/mime"
            noColor = arguments.flag("no-color")
        }
    }

    @Sendable static func validate(_ arguments: ParsedArguments) throws(UsageError) {
        if arguments.wasGiven("tls-cert") != arguments.wasGiven("tls-key") {
            throw UsageError("'--tls-cert' and '--tls-key' must be given together.")
        }
        let options = Options(arguments)
        if options.perIPLimit > options.maxConnections {
            throw UsageError(
                "'--per-ip-limit' (\(options.perIPLimit)) cannot be more than '--max-connections' "
                    + "(\(options.maxConnections)).")
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
        let options = Options(invocation.arguments)
        let configuration = try options.serviceConfiguration(environment: invocation.terminal.environment)
        let logger = Logger(label: "uploadgate", sink: StreamLogSink(descriptor: 2))
        let service: ValidationService
        do {
            service = try ValidationService(configuration: configuration, logger: logger)
        } catch {
            throw CommandFailure(error.description, status: .usageError)
        }
        do {
            try service.run()
        } catch {
            throw CommandFailure(error.description, status: error.isConfigurationProblem ? .usageError : .findings)
        }
        return .success
    }
}
