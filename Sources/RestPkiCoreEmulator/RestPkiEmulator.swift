public import Foundation
import HTTPServer
import Synchronization

/// A faithful local stand-in for Rest PKI Core's signature-session API, for tests and demos.
///
/// ```swift
/// var configuration = RestPkiEmulator.Configuration(longPollWindow: .milliseconds(200))
/// configuration.subscription.fileValidation = .init(url: URL(string: "http://127.0.0.1:8080/validate")!)
/// let emulator = try RestPkiEmulator(configuration: configuration)
/// try emulator.start()
/// defer { emulator.shutdown() }
/// let client = RestPkiCoreClient(endpoint: emulator.baseURL!, apiKey: RestPkiEmulator.Configuration.defaultAPIKey)
/// let control = EmulatorControlClient(baseURL: emulator.baseURL!)
/// ```
///
/// It serves the three API routes (`POST /api/signature-sessions`, `GET /api/signature-sessions/{id}`, `GET
/// /api/signature-sessions/{id}/when-completed`) with the documented statuses, bodies and wire tolerance, a
/// signature page at each session's redirect URL, and control routes under `/_emulator/` that act as the user
/// (upload a file, complete, cancel) and as time and the background processor (expire, progress, processing
/// error). Uploads go through the subscription's acceptable-name pattern and validation endpoint exactly as
/// Rest PKI Core calls it. See `docs/emulator.md`.
///
/// State lives in memory. Safe to share between threads; requests are served one thread per connection, so a
/// long poll never blocks other calls.
public final class RestPkiEmulator: Sendable {
    /// The configuration given at creation.
    public let configuration: Configuration
    private let core: EmulatorCore
    private let server: HTTPServer
    private let stopped = Atomic(false)

    /// Creates an emulator; nothing listens until `start()`.
    ///
    /// - Parameter configuration: Address, keys, long-poll window, subscription, page language.
    /// - Throws: `RestPkiEmulatorError` when the acceptable file name pattern is not a valid regular expression,
    ///   the file validation URL is not an absolute http(s) URL, or its credentials contain control characters.
    public init(configuration: Configuration = Configuration()) throws(RestPkiEmulatorError) {
        self.configuration = configuration
        let core = try EmulatorCore(configuration: configuration)
        var http = HTTPServer.Configuration(host: configuration.host, port: configuration.port)
        http.threading = .threadPerConnection
        http.connectionLimit = 256
        http.perIPConnectionLimit = 256
        http.connectionTimeout = .seconds(30)
        http.maxBodySize = configuration.maxRequestBodySize
        self.core = core
        self.server = HTTPServer(configuration: http, handler: EmulatorHandler(core: core))
    }

    deinit {
        shutdown()
    }

    /// Starts listening; returns once requests are served. An emulator that was shut down cannot start again.
    ///
    /// - Throws: `RestPkiEmulatorError` with the server's reason (address in use, bad configuration), or when
    ///   the emulator was shut down.
    public func start() throws(RestPkiEmulatorError) {
        guard !stopped.load(ordering: .relaxed) else {
            throw RestPkiEmulatorError("the emulator was shut down; create a new one")
        }
        do {
            try server.start()
        } catch {
            throw RestPkiEmulatorError(
                "the emulator cannot listen on \(configuration.host):\(configuration.port): \(error)")
        }
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        core.baseURL = "http://\(host):\(server.port ?? configuration.port)/"
    }

    /// The port listened on, or nil when not running.
    public var port: Int? { server.port }

    /// The root URL to give the client as its endpoint, e.g. `http://127.0.0.1:41234/`; nil when not running.
    public var baseURL: URL? {
        server.port == nil ? nil : URL(string: core.baseURL)
    }

    /// Every request answered so far (at most the last 10,000), oldest first: method, path, status, and for API
    /// routes how the key checked out. Never headers or queries.
    public var requests: [EmulatorRequestRecord] { core.requestLog.all }

    /// The emulator's view of a session, or nil for an unknown id.
    public func session(id: UUID) -> EmulatorSessionView? {
        core.store.session(id)?.view(base: core.baseURL)
    }

    /// Stops: long polls in progress answer at once, calls to the validation endpoint are cut, then the server
    /// stops. Safe to call more than once.
    public func shutdown() {
        stopped.store(true, ordering: .relaxed)
        core.store.close()
        core.judge.invalidate()
        server.shutdown(gracePeriod: .seconds(2))
    }
}
