internal import CMicroHTTPD
internal import CMicroHTTPDShim
internal import Glibc
import Synchronization

/// Closes connections whose client takes longer than the request timeout to send one complete request.
///
/// libmicrohttpd 0.9.75 only has an idle timeout: a client that sends one byte every few seconds (slowloris)
/// is never idle, so it could hold a connection for as long as its request head fits in the connection's memory
/// (hours at one byte per 5 s). Each connection therefore gets a ``Clock``, started when it opens and again
/// whenever a response has been sent, and stopped while a complete request is being answered. A sweeper thread
/// shuts down (`shutdown(2)`, both directions) every socket whose clock has run past the timeout; libmicrohttpd
/// then sees end-of-file and closes the connection itself, so nothing is freed behind its back.
///
/// Socket descriptors are only shut down while the registry lock is held, and a clock leaves the registry
/// under that lock when libmicrohttpd reports the connection closed, so a descriptor number reused by a later
/// connection is never touched.
final class RequestDeadlines: Sendable {
    /// One connection's request clock, kept in libmicrohttpd's per-connection `socket_context`.
    final class Clock: Sendable {
        /// The connection's socket.
        let descriptor: Int32
        /// Monotonic nanoseconds when the current request began to be awaited, or ``stopped``.
        let since = Atomic<Int64>(0)
        /// Set once the sweeper has shut the socket down, so it is counted and logged once.
        let expired = Atomic<Bool>(false)
        /// The value of ``since`` while a complete request is being answered.
        static let stopped: Int64 = -1

        init(descriptor: Int32) {
            self.descriptor = descriptor
            since.store(RequestDeadlines.now(), ordering: .relaxed)
        }
    }

    /// The timeout, nanoseconds.
    let timeout: Int64
    private let registry = Mutex<[ObjectIdentifier: Clock]>([:])
    /// Incremented by every start and stop; a sweeper thread runs while the value it started with is current.
    private let generation = Atomic<Int>(0)
    private let expiredTotal = Atomic<Int>(0)

    init(timeout: Duration) {
        let (seconds, attoseconds) = timeout.components
        self.timeout = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }

    /// Connections being timed (open connections); for tests.
    var openCount: Int { registry.withLock { $0.count } }

    /// Connections closed for taking too long, since the server was created; for tests.
    var expiredCount: Int { expiredTotal.load(ordering: .relaxed) }

    // MARK: Connection and request events (libmicrohttpd's threads)

    /// A connection opened: its clock starts, and the returned pointer becomes its `socket_context`.
    func opened(descriptor: Int32) -> UnsafeMutableRawPointer {
        let clock = Clock(descriptor: descriptor)
        registry.withLock { $0[ObjectIdentifier(clock)] = clock }
        return Unmanaged.passRetained(clock).toOpaque()
    }

    /// A connection closed: its clock leaves the registry and is released.
    func closed(context: UnsafeMutableRawPointer) {
        let clock = Unmanaged<Clock>.fromOpaque(context).takeRetainedValue()
        _ = registry.withLock { $0.removeValue(forKey: ObjectIdentifier(clock)) }
    }

    /// A complete request arrived on `connection`: its clock stops while it is answered.
    static func requestReceived(on connection: OpaquePointer) {
        clock(of: connection)?.since.store(Clock.stopped, ordering: .relaxed)
    }

    /// The request on `connection` ended (answered or not): the clock starts for the next one.
    static func requestEnded(on connection: OpaquePointer) {
        clock(of: connection)?.since.store(now(), ordering: .relaxed)
    }

    private static func clock(of connection: OpaquePointer) -> Clock? {
        guard
            let context = CMicroHTTPD_connection_info(connection, .CONNECTION_INFO_SOCKET_CONTEXT)?.pointee
                .socket_context
        else {
            return nil
        }
        return Unmanaged<Clock>.fromOpaque(context).takeUnretainedValue()
    }

    // MARK: Sweeping

    /// Starts a sweeper thread that checks every clock a few times per timeout (at most every 250 ms).
    /// - Parameter log: Receives one line per sweep that closed connections.
    func startSweeping(log: @escaping @Sendable (String) -> Void) {
        let mine = generation.add(1, ordering: .relaxed).newValue
        let interval = UInt32(min(250_000, max(10_000, timeout / 4_000)))
        DetachedThread.start { [self] in
            while generation.load(ordering: .relaxed) == mine {
                usleep(interval)
                let count = sweep()
                if count > 0 {
                    log("HTTPServer: closed \(count) connection(s) that took longer than the request timeout")
                }
            }
        }
    }

    /// Stops the sweeper thread (it exits within one interval).
    func stopSweeping() {
        generation.add(1, ordering: .relaxed)
    }

    /// Shuts down every socket whose clock ran past the timeout.
    /// - Returns: How many were shut down by this sweep.
    func sweep() -> Int {
        let now = Self.now()
        return registry.withLock { clocks in
            var count = 0
            for clock in clocks.values {
                let since = clock.since.load(ordering: .relaxed)
                guard since != Clock.stopped, now - since > timeout, !clock.expired.load(ordering: .relaxed) else {
                    continue
                }
                clock.expired.store(true, ordering: .relaxed)
                // Counted before the shutdown, so whoever sees the connection close also sees it counted.
                expiredTotal.add(1, ordering: .relaxed)
                shutdown(clock.descriptor, Int32(SHUT_RDWR))
                count += 1
            }
            return count
        }
    }

    /// CLOCK_MONOTONIC, nanoseconds.
    static func now() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
    }
}
