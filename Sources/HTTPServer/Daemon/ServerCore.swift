internal import Glibc
import Synchronization

/// What libmicrohttpd's callbacks share for one server: the handler, the body limit, counters and the log.
///
/// The daemon gets an unretained pointer to it; ``HTTPServer`` owns it and stops the daemon before letting go,
/// so every callback runs while it is alive. All stored properties are immutable or atomic, so it is `Sendable`
/// without `@unchecked`.
final class ServerCore: Sendable {
    let handler: any HTTPHandler
    let maxBodySize: Int
    /// How many body bytes past ``maxBodySize`` are read and thrown away so that a chunked request can still
    /// get its 413; beyond that the connection is cut. libmicrohttpd cannot answer while a body is arriving.
    let discardAllowance: Int
    private let userLog: (@Sendable (String) -> Void)?

    /// Requests alive: each ``RequestState`` counts itself from creation to deinit. Shutdown waits for zero,
    /// and tests use it to prove that no request's memory outlives its connection.
    let liveRequests = Atomic<Int>(0)
    /// Set while shutting down: every response then carries `Connection: close`.
    let draining = Atomic<Bool>(false)
    /// Per-connection request clocks, and the sweeper that closes connections past the request timeout.
    let deadlines: RequestDeadlines
    /// Set while ``HTTPServer/start()`` collects libmicrohttpd's messages for its error.
    private let capturing = Atomic<Bool>(false)
    private let captured = Mutex<[String]>([])
    /// Marks libmicrohttpd's threads of this server, so ``HTTPServer/shutdown(gracePeriod:)`` can tell when a
    /// handler calls it (waiting there would deadlock); `nil` if the process ran out of thread-specific keys.
    private let threadMarker: pthread_key_t?

    init(handler: any HTTPHandler, configuration: HTTPServer.Configuration) {
        self.handler = handler
        self.maxBodySize = configuration.maxBodySize
        self.discardAllowance = max(64 * 1024, configuration.maxBodySize)
        self.userLog = configuration.log
        self.deadlines = RequestDeadlines(timeout: configuration.requestTimeout)
        var key = pthread_key_t()
        self.threadMarker = pthread_key_create(&key, nil) == 0 ? key : nil
    }

    deinit {
        if let threadMarker {
            pthread_key_delete(threadMarker)
        }
    }

    /// Whether anyone listens to log messages; lets callers skip formatting.
    var wantsLog: Bool {
        userLog != nil || capturing.load(ordering: .relaxed)
    }

    /// Passes one message to the configured log, and to the start-up capture while it runs.
    func log(_ message: @autoclosure () -> String) {
        guard wantsLog else {
            return
        }
        let text = message()
        if capturing.load(ordering: .relaxed) {
            captured.withLock { $0.append(text) }
        }
        userLog?(text)
    }

    /// Collects every message logged while `body` runs.
    func capturingLog<T>(_ body: () -> T) -> (result: T, messages: [String]) {
        captured.withLock { $0.removeAll() }
        capturing.store(true, ordering: .relaxed)
        let result = body()
        capturing.store(false, ordering: .relaxed)
        return (
            result,
            captured.withLock { messages in
                defer { messages.removeAll() }
                return messages
            }
        )
    }

    /// Marks the calling thread as one of this server's request threads (once per thread).
    func markCurrentThread(_ opaqueSelf: UnsafeMutableRawPointer) {
        if let threadMarker, pthread_getspecific(threadMarker) == nil {
            pthread_setspecific(threadMarker, opaqueSelf)
        }
    }

    /// Whether the calling thread is one of this server's request threads.
    var isOnRequestThread: Bool {
        threadMarker.map { pthread_getspecific($0) != nil } ?? false
    }
}

/// One request's progress through libmicrohttpd's callbacks: created when the request line arrives, released
/// when libmicrohttpd reports the request completed (answered, failed, timed out or cut off).
///
/// Only the thread serving the connection touches it, so it is deliberately not `Sendable`.
final class RequestState {
    enum Phase {
        /// Waiting for the first access-handler call (headers complete).
        case head
        /// Collecting the body.
        case body
        /// The body went over the limit; reading on only to answer 413.
        case discarding
    }

    /// The core outlives every request (the daemon is stopped before the core is released), so no reference
    /// count is paid per request.
    unowned(unsafe) let core: ServerCore
    var phase = Phase.head
    /// The request-target as sent; invalid UTF-8 is repaired here and flagged by ``targetIsUTF8``.
    let target: String
    let targetIsUTF8: Bool
    /// The request head, set on the first access-handler call.
    var request: HTTPRequest?
    /// The body so far; allocated only when bytes arrive (or sized once from `Content-Length`).
    var body: [UInt8] = []
    /// Bytes thrown away after the body went over the limit.
    var discarded = 0

    init(core: ServerCore, target: UnsafePointer<CChar>?) {
        self.core = core
        if let target, let valid = String(validatingCString: target) {
            self.target = valid
            self.targetIsUTF8 = true
        } else {
            self.target = target.map { String(cString: $0) } ?? ""
            self.targetIsUTF8 = false
        }
        core.liveRequests.add(1, ordering: .relaxed)
    }

    deinit {
        core.liveRequests.subtract(1, ordering: .relaxed)
    }
}

@available(*, unavailable)
extension RequestState: Sendable {}
