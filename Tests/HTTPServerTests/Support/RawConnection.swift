import Glibc

/// A blocking TCP client on raw POSIX sockets, for tests that need byte-exact requests: malformed input, bodies
/// at the limit, keep-alive and pipelining, slow senders.
final class RawConnection {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let descriptor: Int32
    private var buffer: [UInt8] = []

    /// Connects to `127.0.0.1:port`.
    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else {
            throw Failure(description: "socket() failed: errno \(errno)")
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            let code = errno
            close(descriptor)
            throw Failure(description: "connect() failed: errno \(code)")
        }
    }

    deinit {
        close(descriptor)
    }

    /// Sends all bytes; throws if the peer has gone.
    func send(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else {
                throw Failure(description: "send() failed: errno \(errno)")
            }
            sent += count
        }
    }

    func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    /// Reads whatever arrives within `timeout`; returns `false` on end of stream or a reset.
    private func fill(timeout: Duration) throws -> Bool {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        let ready = poll(&poller, 1, milliseconds)
        guard ready > 0 else {
            throw Failure(description: "no data within \(timeout)")
        }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else {
            return false
        }
        buffer.append(contentsOf: chunk[..<count])
        return true
    }

    /// Reads one complete response: status, headers, and a body delimited by Content-Length or chunking.
    ///
    /// - Parameter bodyExpected: `false` for answers to HEAD, whose Content-Length describes no body.
    func readResponse(bodyExpected: Bool = true, timeout: Duration = .seconds(5)) throws -> RawResponse {
        let end: Int = try {
            while true {
                if let index = buffer.firstRange(of: Array("\r\n\r\n".utf8))?.upperBound {
                    return index
                }
                guard try fill(timeout: timeout) else {
                    throw Failure(description: "connection closed before a response head; got \(text(buffer))")
                }
            }
        }()
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
                guard try fill(timeout: timeout) else {
                    throw Failure(description: "connection closed inside a body")
                }
            }
            response.body = Array(buffer[..<length])
            buffer.removeFirst(length)
        } else if response.header("Transfer-Encoding")?.lowercased() == "chunked" {
            response.body = try readChunked(timeout: timeout)
        } else {
            response.body = readToEnd(timeout: timeout)
        }
        return response
    }

    private func readChunked(timeout: Duration) throws -> [UInt8] {
        var body: [UInt8] = []
        while true {
            while buffer.firstRange(of: [13, 10]) == nil {
                guard try fill(timeout: timeout) else { throw Failure(description: "closed inside chunked body") }
            }
            let lineEnd = buffer.firstRange(of: [13, 10])!
            let size = Int(String(decoding: buffer[..<lineEnd.lowerBound], as: UTF8.self), radix: 16) ?? 0
            buffer.removeFirst(lineEnd.upperBound)
            while buffer.count < size + 2 {
                guard try fill(timeout: timeout) else { throw Failure(description: "closed inside a chunk") }
            }
            body += buffer[..<size]
            buffer.removeFirst(size + 2)
            if size == 0 {
                return body
            }
        }
    }

    /// Reads until the peer closes, or `timeout` passes without data; returns everything not yet consumed.
    func readToEnd(timeout: Duration = .seconds(5)) -> [UInt8] {
        while (try? fill(timeout: timeout)) == true {}
        defer { buffer.removeAll() }
        return buffer
    }

    /// Whether the peer closes (or resets) the connection within `timeout`, discarding any data it sends first.
    func isClosedByPeer(within timeout: Duration) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            do {
                if try !fill(timeout: .milliseconds(100)) {
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
