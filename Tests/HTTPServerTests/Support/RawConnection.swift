import Glibc

/// A TCP client on raw POSIX sockets, for tests that need byte-exact requests: malformed input, bodies at the
/// limit, keep-alive and pipelining, slow senders.
///
/// The socket is non-blocking and every wait is a short `Task.sleep`, so that tests never block one of the few
/// threads of Swift's cooperative pool; blocked threads there would starve the timing of other tests running in
/// parallel.
final class RawConnection {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let descriptor: Int32
    private var buffer: [UInt8] = []

    /// Connects to `host:port`; `host` is an IPv4 or IPv6 literal.
    init(port: Int, host: String = "127.0.0.1") throws {
        let six = host.contains(":")
        // Kept in a local until connected: an initializer that throws once every stored property is set runs
        // deinit, which would close the number a second time (by then perhaps another test's socket, which
        // libmicrohttpd answers with an abort: "Close socket failed").
        let descriptor = socket(six ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else {
            throw Failure(description: "socket() failed: errno \(errno)")
        }
        var storage = sockaddr_storage()
        let length: Int
        if six {
            length = MemoryLayout<sockaddr_in6>.size
            withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { address in
                    address.pointee.sin6_family = sa_family_t(AF_INET6)
                    address.pointee.sin6_port = UInt16(port).bigEndian
                    _ = inet_pton(AF_INET6, host, &address.pointee.sin6_addr)
                }
            }
        } else {
            length = MemoryLayout<sockaddr_in>.size
            withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { address in
                    address.pointee.sin_family = sa_family_t(AF_INET)
                    address.pointee.sin_port = UInt16(port).bigEndian
                    _ = inet_pton(AF_INET, host, &address.pointee.sin_addr)
                }
            }
        }
        let connected = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(length)) }
        }
        guard connected == 0 else {
            let code = errno
            close(descriptor)
            throw Failure(description: "connect() failed: errno \(code)")
        }
        self.descriptor = descriptor
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        close(descriptor)
    }

    /// Sends all bytes; throws if the peer has gone or takes more than `timeout` to make room.
    func send(_ bytes: [UInt8], timeout: Duration = .seconds(5)) async throws {
        var sent = 0
        let deadline = ContinuousClock.now + timeout
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if count > 0 {
                sent += count
            } else if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) && ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(2))
            } else {
                throw Failure(description: "send() failed: errno \(errno)")
            }
        }
    }

    func send(_ text: String) async throws {
        try await send(Array(text.utf8))
    }

    /// Reads whatever arrives within `timeout`; returns `false` on end of stream or a reset.
    private func fill(timeout: Duration) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                buffer.append(contentsOf: chunk[..<count])
                return true
            }
            if count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK) {
                return false
            }
            guard ContinuousClock.now < deadline else {
                throw Failure(description: "no data within \(timeout)")
            }
            try await Task.sleep(for: .milliseconds(2))
        }
    }

    /// Reads one complete response: status, headers, and a body delimited by Content-Length or chunking.
    ///
    /// - Parameter bodyExpected: `false` for answers to HEAD, whose Content-Length describes no body.
    func readResponse(bodyExpected: Bool = true, timeout: Duration = .seconds(5)) async throws -> RawResponse {
        var headEnd = buffer.firstRange(of: Array("\r\n\r\n".utf8))?.upperBound
        while headEnd == nil {
            guard try await fill(timeout: timeout) else {
                throw Failure(description: "connection closed before a response head; got \(text(buffer))")
            }
            headEnd = buffer.firstRange(of: Array("\r\n\r\n".utf8))?.upperBound
        }
        let end = headEnd!
        let head = String(decoding: buffer[..<end], as: UTF8.self)
        var lines = head.split(separator: "\r\n").map(String.init)
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, let status = Int(parts[1]) else {
            throw Failure(description: "bad status line '\(statusLine)'")
        }
        let headers = lines.compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingSpaces)
        }
        var response = RawResponse(status: status, headers: headers, body: [])
        buffer.removeFirst(end)
        guard bodyExpected, status != 204, status != 304 else {
            return response
        }
        if let length = response.header("Content-Length").flatMap({ Int($0) }) {
            while buffer.count < length {
                guard try await fill(timeout: timeout) else {
                    throw Failure(description: "connection closed inside a body")
                }
            }
            response.body = Array(buffer[..<length])
            buffer.removeFirst(length)
        } else if response.header("Transfer-Encoding")?.lowercased() == "chunked" {
            response.body = try await readChunked(timeout: timeout)
        } else {
            response.body = await readToEnd(timeout: timeout)
        }
        return response
    }

    private func readChunked(timeout: Duration) async throws -> [UInt8] {
        var body: [UInt8] = []
        while true {
            while buffer.firstRange(of: [13, 10]) == nil {
                guard try await fill(timeout: timeout) else { throw Failure(description: "closed inside chunked body") }
            }
            let lineEnd = buffer.firstRange(of: [13, 10])!
            let size = Int(String(decoding: buffer[..<lineEnd.lowerBound], as: UTF8.self), radix: 16) ?? 0
            buffer.removeFirst(lineEnd.upperBound)
            while buffer.count < size + 2 {
                guard try await fill(timeout: timeout) else { throw Failure(description: "closed inside a chunk") }
            }
            body += buffer[..<size]
            buffer.removeFirst(size + 2)
            if size == 0 {
                return body
            }
        }
    }

    /// Reads until the peer closes, or `timeout` passes without data; returns everything not yet consumed.
    func readToEnd(timeout: Duration = .seconds(5)) async -> [UInt8] {
        while (try? await fill(timeout: timeout)) == true {}
        defer { buffer.removeAll() }
        return buffer
    }

    /// Whether the peer closes (or resets) the connection within `timeout`, discarding any data it sends first.
    func isClosedByPeer(within timeout: Duration) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            do {
                if try await !fill(timeout: .milliseconds(50)) {
                    return true
                }
            } catch {
                continue  // nothing yet
            }
        }
        return false
    }
}

/// One parsed response.
struct RawResponse {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]

    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    var text: String { String(decoding: body, as: UTF8.self) }
}

func text(_ bytes: [UInt8]) -> String {
    String(decoding: bytes, as: UTF8.self)
}

extension Substring {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
