import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A response read off a socket byte for byte.
struct RawResponse: Sendable {
    var status: Int
    var reason: String
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    /// The first value of a header, by case-insensitive name.
    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body parsed as a JSON object.
    var json: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
    }

    /// `error.code` of a JSON error body.
    var errorCode: String? { (json?["error"] as? [String: Any])?["code"] as? String }
    /// `error.message` of a JSON error body.
    var errorMessage: String? { (json?["error"] as? [String: Any])?["message"] as? String }
}

enum RawHTTPError: Error, CustomStringConvertible {
    case system(String)
    case closed(partial: [UInt8])
    case malformed(String)

    var description: String {
        switch self {
        case .system(let message): message
        case .closed(let partial):
            "connection closed after \(partial.count) bytes: \(String(decoding: partial, as: UTF8.self))"
        case .malformed(let message): message
        }
    }
}

/// A plain TCP connection to a loopback port for sending exact bytes: duplicate headers, invalid UTF-8,
/// chunked bodies, half requests. Blocking, with a receive timeout so no test can hang.
///
/// `@unchecked Sendable`: a connection is used by one thread at a time; tests hand it to another thread only
/// to wait on it there.
final class RawConnection: @unchecked Sendable {
    private let descriptor: Int32
    private var buffer: [UInt8] = []

    init(port: Int, timeout: Double = 5) throws {
        // The descriptor is stored only once connected: a class initializer that throws after every stored
        // property is set runs deinit, which would close the number a second time, perhaps by then another
        // test's socket.
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard socketDescriptor >= 0 else { throw RawHTTPError.system("socket: \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            let code = errno
            Glibc.close(socketDescriptor)
            throw RawHTTPError.system("connect to port \(port): errno \(code)")
        }
        descriptor = socketDescriptor
        var noDelay: Int32 = 1
        setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        setTimeout(timeout)
    }

    deinit { Glibc.close(descriptor) }

    /// Sets how long a read may wait.
    func setTimeout(_ seconds: Double) {
        var value = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - seconds.rounded(.down)) * 1_000_000))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
    }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if sent < 0 {
                if errno == EINTR { continue }
                throw RawHTTPError.system("send: errno \(errno)")
            }
            offset += sent
        }
    }

    /// Sends a request with a body and the usual head.
    func send(
        method: String = "POST", target: String, headers: [(String, String)] = [], body: [UInt8] = [],
        contentLength: Bool = true
    ) throws {
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if contentLength, !body.isEmpty || method == "POST" { head += "Content-Length: \(body.count)\r\n" }
        head += "\r\n"
        try send(Array(head.utf8) + body)
    }

    /// Sends a request and reads its response.
    func exchange(
        method: String = "POST", target: String, headers: [(String, String)] = [], body: [UInt8] = []
    ) throws -> RawResponse {
        try send(method: method, target: target, headers: headers, body: body)
        return try readResponse(forHEAD: method == "HEAD")
    }

    /// Reads one response: head, then a body framed by Content-Length (none for HEAD, 204 and 304).
    func readResponse(forHEAD: Bool = false) throws -> RawResponse {
        let headEnd = try fill(until: { bytes in Self.find([13, 10, 13, 10], in: bytes).map { $0 + 4 } })
        let head = String(decoding: buffer[..<headEnd], as: UTF8.self)
        buffer.removeFirst(headEnd)
        var lines = head.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        guard !lines.isEmpty else { throw RawHTTPError.malformed("empty head") }
        let statusLine = lines.removeFirst().split(separator: " ", maxSplits: 2).map(String.init)
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw RawHTTPError.malformed("bad status line in \(head)")
        }
        let headers = lines.compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var response = RawResponse(
            status: status, reason: statusLine.count > 2 ? statusLine[2] : "", headers: headers, body: [])
        if forHEAD || status == 204 || status == 304 || (100..<200).contains(status) { return response }
        if let lengthText = response.header("Content-Length"), let length = Int(lengthText) {
            _ = try fill(until: { $0.count >= length ? length : nil })
            response.body = Array(buffer[..<length])
            buffer.removeFirst(length)
        } else {
            _ = try? fill(until: { _ in nil })  // until the peer closes
            response.body = buffer
            buffer = []
        }
        return response
    }

    /// Whether the server closes the connection (EOF or reset) within `seconds`, without sending anything.
    func closedByPeer(within seconds: Double) -> Bool {
        setTimeout(seconds)
        var byte: UInt8 = 0
        let received = recv(descriptor, &byte, 1, 0)
        return received == 0 || (received < 0 && errno == ECONNRESET)
    }

    /// Half-closes the sending side.
    func shutdownWrite() { Glibc.shutdown(descriptor, Int32(SHUT_WR)) }

    private func fill(until done: ([UInt8]) -> Int?) throws -> Int {
        while true {
            if let index = done(buffer) { return index }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                buffer.append(contentsOf: chunk[..<count])
            } else if count < 0, errno == EINTR {
                continue
            } else if count < 0, errno == EAGAIN || errno == EWOULDBLOCK {
                throw RawHTTPError.system("timed out waiting for the response; got \(buffer.count) bytes")
            } else {
                throw RawHTTPError.closed(partial: buffer)
            }
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count)
        where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return nil
    }
}

extension Array where Element == UInt8 {
    /// UTF-8 bytes of a string, for request bodies.
    init(json: String) { self = Array(json.utf8) }
}
