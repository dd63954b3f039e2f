import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A validation endpoint that misbehaves below HTTP: for each connection it reads the request, writes `reply`
/// verbatim (possibly a cut-off answer, or nothing) and ends its side, then waits for the client to close before
/// closing. Used where a well-behaved server library cannot misbehave enough.
///
/// The wait matters: closing a socket with unread request bytes (a body that came after the first read) sends a
/// reset, which the client reports as a lost connection instead of the misbehaviour under test.
final class RawSocketEndpoint: Sendable {
    let port: UInt16
    private let listener: Int32
    private let stopped = Atomic(false)

    init(reply: String) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        let bytes = Array(reply.utf8)
        Thread { [listener] in
            while true {
                let connection = accept(listener, nil, nil)
                if connection < 0 {
                    if errno == EINTR || errno == ECONNABORTED { continue }
                    close(listener)  // shut down by stop(): only this thread closes it, once it is done with it
                    return
                }
                var buffer = [UInt8](repeating: 0, count: 65536)
                _ = read(connection, &buffer, buffer.count)
                _ = bytes.withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
                shutdown(connection, Int32(SHUT_WR))
                // Drain until the client closes, for at most 2 s.
                var limit = timeval(tv_sec: 2, tv_usec: 0)
                setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
                while read(connection, &buffer, buffer.count) > 0 {}
                close(connection)
            }
        }.start()
    }

    var url: URL { URL(string: "http://127.0.0.1:\(port)/validate")! }

    /// Stops accepting; the accepting thread then closes the listener.
    func stop() {
        guard !stopped.exchange(true, ordering: .relaxed) else { return }
        shutdown(listener, Int32(SHUT_RDWR))
    }

    deinit { stop() }
}
