internal import Glibc

extension HTTPServer {
    /// How libmicrohttpd runs handlers on threads.
    public enum Threading: Sendable, Hashable {
        /// A fixed pool of threads, each serving many connections with epoll: the fast mode.
        ///
        /// A handler call that blocks stalls every connection of its thread, so use this for handlers that
        /// return quickly. `threads` must be in 1...1024.
        case pool(threads: Int)

        /// One thread per connection, polling only its own socket: for handlers that block (long polls).
        ///
        /// Each open connection costs a thread, so keep ``Configuration/connectionLimit`` modest.
        case threadPerConnection
    }

    /// TLS through libmicrohttpd's GnuTLS support, from PEM files.
    ///
    /// A server with TLS ignores SIGPIPE for the whole process once started: GnuTLS writes to the socket
    /// without `MSG_NOSIGNAL`, so a record sent to a client that already left (a TLS alert to a plain-HTTP
    /// client, say) would otherwise kill the process.
    public struct TLS: Sendable, Hashable {
        /// The path of the PEM certificate chain, leaf first.
        public var certificatePath: String
        /// The path of the PEM private key (unencrypted).
        public var privateKeyPath: String
        /// The GnuTLS priority string; the default allows TLS 1.2 and 1.3 only.
        public var priorities: String

        /// Describes the TLS material; the files are read by ``HTTPServer/start()``.
        ///
        /// - Parameters:
        ///   - certificatePath: the PEM certificate chain.
        ///   - privateKeyPath: the PEM private key.
        ///   - priorities: the GnuTLS priority string.
        public init(
            certificatePath: String, privateKeyPath: String,
            priorities: String = "NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2"
        ) {
            self.certificatePath = certificatePath
            self.privateKeyPath = privateKeyPath
            self.priorities = priorities
        }
    }

    /// Everything that shapes a server: address, threads, limits and TLS.
    ///
    /// Every limit libmicrohttpd leaves open by default (no connection timeout, no per-IP limit, a connection
    /// limit and backlog taken from the platform) is set here explicitly; none can be switched off. The
    /// defaults suit an internal service called by a few clients over keep-alive connections; see
    /// `docs/http-server.md` for the reasoning behind each.
    public struct Configuration: Sendable {
        /// The address to listen on: an IPv4 or IPv6 literal, or a host name resolved at start. Default
        /// `127.0.0.1` (loopback only). `0.0.0.0` listens on all IPv4 interfaces, `::` on all interfaces.
        public var host: String
        /// The TCP port; 0 picks a free ephemeral port, readable from ``HTTPServer/port`` after start.
        /// Default 8080.
        public var port: Int
        /// How requests are spread over threads. Default: a pool with one thread per online CPU.
        public var threading: Threading
        /// How long a connection may stay idle (no bytes in either direction) before the server closes it;
        /// whole seconds, rounded up, at least 1. Default 10 s. A client that pauses longer between pieces of a
        /// request is cut off too; one that sends a byte more often is bounded by ``requestTimeout``. A handler's
        /// own running time does not count as idleness.
        public var connectionTimeout: Duration
        /// The most time a client may take to send one complete request (head and body, and the TLS handshake
        /// on a new connection), counted from when the connection opened or its previous response was sent. A
        /// connection over it is closed without an answer, checked a few times per timeout (at most every
        /// 250 ms). Unlike ``connectionTimeout``, which only notices silence, this also bounds clients that send
        /// a byte every few seconds (slowloris). It applies to idle keep-alive connections too, so a value
        /// below ``connectionTimeout`` shortens their idle time. Default 30 s.
        public var requestTimeout: Duration
        /// The most connections open at once. At the limit libmicrohttpd stops accepting, so further
        /// connections wait in the listen backlog until one closes. With a thread pool the limit is divided
        /// among the threads. Default 1024.
        public var connectionLimit: Int
        /// The most connections open at once from one IP address; further ones from it are accepted and closed
        /// at once, without a response. Default 128. Behind a proxy every connection
        /// comes from the proxy, so raise it to ``connectionLimit`` there.
        public var perIPConnectionLimit: Int
        /// The memory libmicrohttpd may use per connection for reading the request head and writing the
        /// response head; a request head that does not fit, with room for the answer's head, is refused with 431
        /// (about 15.7 KB of head fits in the default 16 KiB). libmicrohttpd clears the whole pool after every
        /// request, so a larger pool costs time on every request, not only memory.
        public var connectionMemoryLimit: Int
        /// The kernel's queue of connections not yet accepted. Default 1024.
        public var listenBacklog: Int
        /// The largest request body accepted, in bytes; larger ones get the
        /// ``HTTPRequestFailure/Code/bodyTooLarge`` failure (413), checked on `Content-Length` before reading
        /// and while reading chunked bodies. Default 16 KiB.
        public var maxBodySize: Int
        /// TLS settings, or `nil` for plain HTTP. Default `nil`.
        public var tls: TLS?
        /// Whether libmicrohttpd parses strictly (its `STRICT_FOR_CLIENT` 1: HTTP/1.1 requests must carry
        /// `Host`, no spaces in the target). Default `true`; set `false` only for clients you cannot fix.
        public var strictParsing: Bool
        /// Receives libmicrohttpd's error messages and the server's own (an invalid handler response, a body
        /// discarded past its allowance), one line each, from server threads; keep it quick, since
        /// libmicrohttpd may call it from its event loop. Default `nil`: dropped.
        public var log: (@Sendable (String) -> Void)?

        /// Creates a configuration with the defaults above.
        ///
        /// - Parameters:
        ///   - host: the address to listen on; `127.0.0.1` by default.
        ///   - port: the port; 8080 by default, 0 for an ephemeral one.
        public init(host: String = "127.0.0.1", port: Int = 8080) {
            self.host = host
            self.port = port
            self.threading = .pool(threads: Self.onlineProcessorCount)
            self.connectionTimeout = .seconds(10)
            self.requestTimeout = .seconds(30)
            self.connectionLimit = 1024
            self.perIPConnectionLimit = 128
            self.connectionMemoryLimit = 16 * 1024
            self.listenBacklog = 1024
            self.maxBodySize = 16 * 1024
            self.tls = nil
            self.strictParsing = true
            self.log = nil
        }

        /// The number of online CPUs (at least 1): the default pool size.
        public static var onlineProcessorCount: Int {
            max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        }

        /// ``connectionTimeout`` in whole seconds, rounded up.
        var connectionTimeoutSeconds: Int {
            let (seconds, attoseconds) = connectionTimeout.components
            return Int(seconds) + (attoseconds > 0 ? 1 : 0)
        }

        /// Checks every value against its range.
        ///
        /// - Throws: ``HTTPServerError/Code/invalidConfiguration`` naming the first value out of range.
        func validate() throws(HTTPServerError) {
            func check(_ ok: Bool, _ message: @autoclosure () -> String) throws(HTTPServerError) {
                if !ok {
                    throw HTTPServerError(code: .invalidConfiguration, message: message())
                }
            }
            try check((0...65535).contains(port), "port must be in 0...65535; got \(port)")
            if case .pool(let threads) = threading {
                try check((1...1024).contains(threads), "the thread pool size must be in 1...1024; got \(threads)")
            }
            try check(
                connectionTimeout > .zero && connectionTimeout <= .seconds(86_400),
                "connectionTimeout must be more than 0 and at most one day; got \(connectionTimeout)")
            try check(
                requestTimeout > .zero && requestTimeout <= .seconds(86_400),
                "requestTimeout must be more than 0 and at most one day; got \(requestTimeout)")
            try check(
                (1...1_000_000).contains(connectionLimit),
                "connectionLimit must be in 1...1000000; got \(connectionLimit)")
            try check(
                (1...connectionLimit).contains(perIPConnectionLimit),
                "perIPConnectionLimit must be in 1...connectionLimit (\(connectionLimit)); got \(perIPConnectionLimit)")
            try check(
                (4096...(16 << 20)).contains(connectionMemoryLimit),
                "connectionMemoryLimit must be in 4096...16777216 bytes; got \(connectionMemoryLimit)")
            try check((1...65535).contains(listenBacklog), "listenBacklog must be in 1...65535; got \(listenBacklog)")
            try check(
                (0...(1 << 40)).contains(maxBodySize), "maxBodySize must be in 0...2^40 bytes; got \(maxBodySize)")
        }
    }
}
