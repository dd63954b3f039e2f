internal import CMicroHTTPD
internal import CMicroHTTPDShim
internal import Glibc
import Synchronization

/// An HTTP/1.1 server over GNU libmicrohttpd that hands each complete request to an ``HTTPHandler``.
///
/// ```swift
/// let server = HTTPServer(configuration: .init(host: "127.0.0.1", port: 0), handler: HTTPClosureHandler { _ in
///     .json(#"{"ok":true}"#)
/// })
/// try server.start()
/// print("listening on port", server.port!)
/// // ...
/// server.shutdown()
/// ```
///
/// The server reads whole requests (body up to ``Configuration/maxBodySize``), calls the handler on one of
/// libmicrohttpd's threads, and sends whole responses; keep-alive, pipelining, `Expect: 100-continue`, chunked
/// request bodies, `HEAD` and TLS are handled below the handler. Requests the server refuses itself are
/// rendered by ``HTTPHandler/respond(to:for:)``.
///
/// Threading: every method may be called from any thread. ``shutdown(gracePeriod:)`` blocks until the daemon
/// has stopped, except when called from one of this server's request threads (see its documentation).
///
/// Releasing the last reference to a running server stops it without a grace period (open connections are
/// closed); call ``shutdown(gracePeriod:)`` first for a graceful stop.
public final class HTTPServer: Sendable {
    /// The configuration given at creation.
    public let configuration: Configuration
    private let core: ServerCore
    private let lifecycle = Mutex<Lifecycle>(.idle)

    private enum Lifecycle {
        case idle
        case running(Running)
        /// Draining: no longer accepting, still answering; the port stays bound until the stop.
        case stopping(port: Int)
    }

    /// A started daemon and what must live as long as it does.
    private struct Running {
        let daemon: OpaquePointer
        let port: Int
        let tls: TLSMaterial?
    }

    /// Creates a server; nothing is opened until ``start()``.
    ///
    /// - Parameters:
    ///   - configuration: address, threads, limits and TLS; validated by ``start()``.
    ///   - handler: answers every request; called concurrently from server threads.
    public init(configuration: Configuration = Configuration(), handler: some HTTPHandler) {
        self.configuration = configuration
        self.core = ServerCore(handler: handler, configuration: configuration)
    }

    deinit {
        // Last reference gone while running: stop at once, without a grace period. On one of the daemon's own
        // threads (a handler dropped the last reference) stopping would join that very thread, so a new thread
        // does it; the core stays alive until then.
        guard case .running(let running) = lifecycle.withLock({ $0 }) else {
            return
        }
        if core.isOnRequestThread {
            // The request that dropped the reference is still being answered; give it a moment.
            let handle = DaemonHandle(daemon: running.daemon, core: core, tls: running.tls)
            DetachedThread.start { Self.stop(handle.daemon, core: handle.core, gracePeriod: .seconds(2)) }
        } else {
            Self.stop(running.daemon, core: core, gracePeriod: .zero)
        }
    }

    /// What a deferred stop needs, moved to another thread once and used only there.
    private struct DaemonHandle: @unchecked Sendable {  // sole owner of the pointer after deinit; see deinit
        let daemon: OpaquePointer
        let core: ServerCore
        let tls: TLSMaterial?
    }

    /// Binds the listening socket and starts libmicrohttpd's threads; returns once requests are being served.
    ///
    /// A server that was shut down may be started again.
    ///
    /// - Throws: ``HTTPServerError`` with code ``HTTPServerError/Code/invalidConfiguration``,
    ///   ``HTTPServerError/Code/addressUnresolvable``, ``HTTPServerError/Code/addressInUse``,
    ///   ``HTTPServerError/Code/permissionDenied``, ``HTTPServerError/Code/listenFailed``,
    ///   ``HTTPServerError/Code/tlsFileUnreadable``, ``HTTPServerError/Code/tlsRejected``,
    ///   ``HTTPServerError/Code/startFailed`` or ``HTTPServerError/Code/alreadyRunning``; its message says
    ///   which address, file or value is at fault and why.
    public func start() throws(HTTPServerError) {
        try lifecycle.withLock { state throws(HTTPServerError) in
            guard case .idle = state else {
                throw HTTPServerError(
                    code: .alreadyRunning, message: "The server is already running (or still shutting down).")
            }
            try configuration.validate()
            let tls = try configuration.tls.map { tls throws(HTTPServerError) in try TLSMaterial(tls) }
            if tls != nil { signal(SIGPIPE, SIG_IGN) }  // GnuTLS sends without MSG_NOSIGNAL; see TLS
            let socket = try ListenSocket.open(
                host: configuration.host, port: configuration.port, backlog: configuration.listenBacklog)
            core.draining.store(false, ordering: .relaxed)
            // libmicrohttpd 0.9.75 closes the listening socket itself when TLS credentials fail, but not on other
            // failures. A duplicate keeps the socket alive, so after a failure the descriptor can be checked to
            // still be that socket before it is closed: closing a number libmicrohttpd already closed would close
            // whatever another thread opened in between.
            let keepAlive = dup(socket.descriptor)
            defer { if keepAlive >= 0 { close(keepAlive) } }
            let (daemon, messages) = core.capturingLog {
                DaemonLauncher.start(configuration, listening: socket.descriptor, core: core, tls: tls)
            }
            guard let daemon else {
                if keepAlive >= 0, ListenSocket.isSameSocket(socket.descriptor, keepAlive) { close(socket.descriptor) }
                throw Self.startError(messages: messages, tls: tls != nil)
            }
            core.deadlines.startSweeping { [core] message in core.log(message) }
            state = .running(Running(daemon: daemon, port: socket.port, tls: tls))
        }
    }

    /// The TCP port the server listens on (the one chosen by the system for port 0), or `nil` when not running.
    ///
    /// Still set while ``shutdown(gracePeriod:)`` drains requests in progress.
    public var port: Int? {
        lifecycle.withLock { state in
            switch state {
            case .idle: nil
            case .running(let running): running.port
            case .stopping(let port): port
            }
        }
    }

    /// Whether the server is started and not completely shut down (it is still running while it drains).
    public var isRunning: Bool {
        port != nil
    }

    /// The number of connections currently open, idle keep-alive ones included; 0 when not running.
    public var openConnectionCount: Int {
        lifecycle.withLock { state in
            guard case .running(let running) = state,
                let info = CMicroHTTPD_daemon_info(running.daemon, .DAEMON_INFO_CURRENT_CONNECTIONS)
            else {
                return 0
            }
            return Int(info.pointee.num_connections)
        }
    }

    /// Requests received and not yet completed (answered and sent, or abandoned); for tests and shutdown.
    var liveRequestCount: Int {
        core.liveRequests.load(ordering: .relaxed)
    }

    /// Connections with a request clock (open connections, as libmicrohttpd reported them); for tests.
    var requestClockCount: Int {
        core.deadlines.openCount
    }

    /// Connections closed because their client took longer than the request timeout; for tests.
    var requestTimeoutCount: Int {
        core.deadlines.expiredCount
    }

    /// Stops accepting connections, lets requests in progress finish, then stops the daemon and closes every
    /// connection.
    ///
    /// Requests that arrive on already open connections while draining are still answered, with
    /// `Connection: close`. Requests still unfinished after `gracePeriod` (slow clients, stuck handlers) are
    /// cut off; a handler call still running is waited for, since a thread cannot be stopped from outside.
    /// Calling it on a server that is not running does nothing; concurrent calls wait for the same stop.
    ///
    /// Threading: called from one of this server's own request threads (a handler stopping its own server), it
    /// cannot wait for the request it is part of; it then starts the shutdown on a new thread and returns at once.
    ///
    /// - Parameter gracePeriod: how long to wait for requests in progress; 10 seconds by default.
    public func shutdown(gracePeriod: Duration = .seconds(10)) {
        if core.isOnRequestThread {
            core.draining.store(true, ordering: .relaxed)  // the calling request's response already says close
            DetachedThread.start { [self] in shutdown(gracePeriod: gracePeriod) }
            return
        }
        let claimed: Running? = lifecycle.withLock { state in
            guard case .running(let running) = state else {
                return nil
            }
            state = .stopping(port: running.port)
            return running
        }
        guard let running = claimed else {
            while lifecycle.withLock({ if case .stopping = $0 { true } else { false } }) {
                usleep(1_000)  // another caller is stopping it; wait for that to finish
            }
            return
        }
        Self.stop(running.daemon, core: core, gracePeriod: gracePeriod)
        lifecycle.withLock { $0 = .idle }
    }

    /// Stops accepting, waits up to `gracePeriod` for requests in progress, then stops the daemon.
    private static func stop(_ daemon: OpaquePointer, core: ServerCore, gracePeriod: Duration) {
        core.draining.store(true, ordering: .relaxed)
        let listener = MHD_quiesce_daemon(daemon)
        let deadline = ContinuousClock.now.advanced(by: gracePeriod)
        while core.liveRequests.load(ordering: .relaxed) > 0 && ContinuousClock.now < deadline {
            usleep(1_000)
        }
        MHD_stop_daemon(daemon)
        core.deadlines.stopSweeping()
        if listener >= 0 {
            close(listener)  // after a quiesce the listening socket is ours to close, after the stop
        }
    }

    private static func startError(messages: [String], tls: Bool) -> HTTPServerError {
        let reasons = messages.map { message in
            var reason = Substring(message)
            if reason.hasPrefix("libmicrohttpd: ") {
                reason = reason.dropFirst("libmicrohttpd: ".count)
            }
            while reason.last == "." {
                reason = reason.dropLast()
            }
            return String(reason)
        }
        let log = reasons.isEmpty ? "it gave no reason" : reasons.joined(separator: "; ")
        let mentionsTLS = messages.contains { message in
            ["TLS", "tls", "certificate", "key", "priorit", "GnuTLS"].contains { message.contains($0) }
        }
        if tls && (mentionsTLS || messages.isEmpty) {
            return HTTPServerError(
                code: .tlsRejected,
                message: "libmicrohttpd could not set up TLS with the configured certificate and key: \(log).")
        }
        return HTTPServerError(code: .startFailed, message: "libmicrohttpd refused to start: \(log).")
    }
}
