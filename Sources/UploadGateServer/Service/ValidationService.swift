import Foundation
import HTTPServer
public import UploadGateLogging
import UploadPolicy

/// The running validation endpoint: policies, the HTTP server, metrics and the decision log, with reload.
///
/// `start()` loads policies (refusing to start on any error) and listens; ``reloadPolicies()`` swaps in a
/// fresh policy set or keeps the old one; ``shutdown()`` stops accepting, lets in-flight requests finish and
/// flushes the decision log. Signals are wired by ``run()``, for the command line.
public final class ValidationService: Sendable {
    /// The configuration it was started with.
    public let configuration: ServiceConfiguration
    /// The policies being served.
    public let store: PolicyStore
    /// Counters and histograms behind `/metrics`.
    public let metrics: Metrics
    let decisionLog: DecisionLog
    /// The request handler, callable without the network (tests, benchmarks).
    public let handler: EndpointHandler
    /// Ready until shutdown begins (`GET /readyz`).
    public let readiness = Readiness()
    private let server: HTTPServer
    let logger: Logger

    /// Loads the MIME database and the policies and prepares the server (not yet listening).
    /// - Throws: ``ServiceError`` naming what failed: the MIME database, the policies (every error listed).
    public init(configuration: ServiceConfiguration, logger: Logger) throws(ServiceError) {
        let mime: MIMEDatabase
        do {
            mime = try MIMEDatabase.load(from: configuration.mimeDirectory)
        } catch {
            throw ServiceError("cannot load the MIME database: \(error)")
        }
        do {
            store = try PolicyStore(source: configuration.policySource, mimeDatabase: mime)
        } catch {
            throw ServiceError("cannot load policies from \(configuration.policySource):\n\(error)")
        }
        self.configuration = configuration
        self.logger = logger
        metrics = Metrics()
        metrics.recordInitialLoad(policies: store.policies.policies.count)
        decisionLog = DecisionLog(
            mode: configuration.nameLogging, hashKey: configuration.nameHashKey,
            descriptor: configuration.decisionLogDescriptor)
        handler = EndpointHandler(
            store: store, authenticator: configuration.authenticator, metrics: metrics, decisionLog: decisionLog,
            maxBodySize: configuration.http.maxBodySize, readiness: readiness)
        var http = configuration.http
        if http.log == nil {
            // libmicrohttpd's own complaints (a refused TLS handshake, a failed accept, a malformed request) go
            // to the log too, throttled, since clients can cause most of them.
            let throttled = ThrottledLog(logger: logger.labeled("uploadgate.http"))
            http.log = { message in throttled.log(message) }
        }
        server = HTTPServer(configuration: http, handler: handler)
    }

    /// Starts listening.
    /// - Throws: ``ServiceError`` with the server's reason: address in use or not permitted, or (with
    ///   ``ServiceError/isConfigurationProblem`` set) TLS files that cannot be read or do not form a pair.
    public func start() throws(ServiceError) {
        do {
            try server.start()
        } catch {
            let configurationCodes: [HTTPServerError.Code] = [.tlsFileUnreadable, .tlsRejected, .invalidConfiguration]
            // The server's message names the address or the TLS file already.
            throw ServiceError(error.description, isConfigurationProblem: configurationCodes.contains(error.code))
        }
        let set = store.policies
        let host = configuration.http.host
        logger.info(
            "listening",
            metadata: [
                // An IPv6 address in brackets, as `--listen` takes it: `[::1]:8080`, not `::1:8080`.
                "address": "\(host.contains(":") ? "[\(host)]" : host):\(port ?? configuration.http.port)",
                "tls": configuration.http.tls == nil ? "off" : "on",
                "auth": configuration.authenticator.description,
                "policies": set.policies.map(\.id).joined(separator: ","),
                "default_policy": set.defaultPolicy.id,
                "source": configuration.policySource.description,
                "limits": Self.limits(configuration.http),
            ])
        if configuration.authenticator.mode == .none, !Self.isLoopback(configuration.http.host) {
            logger.warning(
                "no authentication on a non-loopback address: anyone who can reach it can call the endpoint",
                metadata: ["address": configuration.http.host])
        }
    }

    /// The bound port (useful with port 0).
    public var port: Int? { server.port }

    /// Reloads policies from the source; on failure the current set keeps serving.
    /// - Returns: True when the new set was loaded.
    @discardableResult
    public func reloadPolicies() -> Bool {
        do {
            let set = try store.reload()
            metrics.recordReload(succeeded: true, policies: set.policies.count)
            logger.notice(
                "policies reloaded",
                metadata: [
                    "policies": set.policies.map(\.id).joined(separator: ","), "default_policy": set.defaultPolicy.id,
                ])
            return true
        } catch {
            metrics.recordReload(succeeded: false, policies: 0)
            logger.error(
                "policy reload refused; the previous policies keep serving",
                metadata: ["errors": String(error.errors.count), "detail": error.description])
            return false
        }
    }

    /// Reports not-ready, stops accepting, lets in-flight requests finish (up to `gracePeriod`), and flushes the
    /// decision log. From the first moment, `GET /readyz` answers 503 on connections still open.
    public func shutdown(gracePeriod: Duration = .seconds(10)) {
        readiness.beginStopping()
        server.shutdown(gracePeriod: gracePeriod)
        decisionLog.stop()
        logger.info("stopped")
    }

    /// The connection limits and timeouts in force, for the startup line.
    static func limits(_ http: HTTPServer.Configuration) -> String {
        "max_connections=\(http.connectionLimit) per_ip=\(http.perIPConnectionLimit) "
            + "connection_timeout=\(http.connectionTimeout.components.seconds)s "
            + "request_timeout=\(http.requestTimeout.components.seconds)s "
            + "max_body=\(http.maxBodySize)"
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}

/// Why the service could not start.
public struct ServiceError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, for the operator; never contains a secret.
    public let description: String
    /// True when the configuration itself is wrong (MIME database, policies, TLS files), false when the
    /// environment refused (address in use, permission denied), which may pass on a retry.
    public let isConfigurationProblem: Bool

    init(_ description: String, isConfigurationProblem: Bool = true) {
        self.description = description
        self.isConfigurationProblem = isConfigurationProblem
    }
}
