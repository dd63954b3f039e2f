import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One request as the loopback server received it.
struct RecordedRequest: Sendable {
    var method: String
    /// The request target, query included, e.g. `/api/signature-sessions/…/when-completed`.
    var target: String
    /// Header fields, names lowercased.
    var headers: [String: String]
    var body: Data

    var path: String { String(target.prefix { $0 != "?" }) }
    var json: [String: Any]? { try? JSONSerialization.jsonObject(with: body) as? [String: Any] }
}

/// What the loopback server answers to one request.
struct CannedResponse: Sendable {
    var status = 200
    var headers: [String: String] = ["Content-Type": "application/json; charset=utf-8"]
    var body = Data()
    /// Wait this long before answering.
    var delay: Duration = .zero
    /// Never answer; the connection stays open until the server stops.
    var hang = false
    /// Announce this `Content-Length` instead of the real one (to cut a body short).
    var declaredLength: Int?
    /// Send no `Content-Length`; the body ends when the connection closes.
    var omitContentLength = false
    /// Send the body one byte at a time, pausing this long between bytes.
    var trickle: Duration?
    /// Close the connection without answering.
    var closeWithoutAnswer = false

    static func json(_ text: String, status: Int = 200) -> CannedResponse {
        CannedResponse(status: status, body: Data(text.utf8))
    }

    static func text(_ text: String, status: Int, contentType: String = "text/plain") -> CannedResponse {
        CannedResponse(status: status, headers: ["Content-Type": contentType], body: Data(text.utf8))
    }

    static let hangs = CannedResponse(hang: true)
}

/// A tiny real HTTP/1.1 server on 127.0.0.1 for tests: accepts connections, reads one request each, answers
/// with what the handler returns, and closes. POSIX sockets, one thread per connection.
final class LoopbackHTTPServer: Sendable {
    private struct State {
        var requests: [RecordedRequest] = []
        var connections: Set<Int32> = []
        var stopped = false
    }

    let port: UInt16
    private let listener: Int32
    private let handler: @Sendable (RecordedRequest) -> CannedResponse
    private let state = Mutex(State())

    init(_ handler: @escaping @Sendable (RecordedRequest) -> CannedResponse) throws {
        self.handler = handler
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    /// The server's root, with a trailing slash.
    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)/")! }

    /// Every request received so far, in order.
    var requests: [RecordedRequest] { state.withLock { $0.requests } }

    /// Stops accepting, and closes every open connection (ending hung answers).
    ///
    /// Only the first call touches descriptors, and it does so under the lock: a descriptor closed earlier (the
    /// listener after a previous stop, a finished connection) may already be reused by another test's socket.
    func stop() {
        state.withLock { state in
            guard !state.stopped else { return }
            state.stopped = true
            shutdown(listener, Int32(SHUT_RDWR))
            for fd in state.connections { shutdown(fd, Int32(SHUT_RDWR)) }
        }
    }

    private var isStopped: Bool { state.withLock { $0.stopped } }

    private func acceptLoop() {
        while true {
            let fd = accept(listener, nil, nil)
            if fd < 0 {
                if isStopped { break }
                continue
            }
            let accepted = state.withLock { state -> Bool in
                guard !state.stopped else { return false }
                state.connections.insert(fd)
                return true
            }
            guard accepted else {
                close(fd)
                break
            }
            Thread { [self] in serve(fd) }.start()
        }
        close(listener)
    }

    private func serve(_ fd: Int32) {
        defer {
            state.withLock { _ = $0.connections.remove(fd) }
            close(fd)
        }
        guard let request = readRequest(fd) else { return }
        state.withLock { $0.requests.append(request) }
        let response = handler(request)
        if response.hang {
            while !isStopped { usleep(10_000) }
            return
        }
        let end = ContinuousClock.now + response.delay
        while ContinuousClock.now < end, !isStopped { usleep(5_000) }
        if isStopped || response.closeWithoutAnswer { return }
        var head = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\nConnection: close\r\n"
        for (name, value) in response.headers { head += "\(name): \(value)\r\n" }
        if !response.omitContentLength {
            head += "Content-Length: \(response.declaredLength ?? response.body.count)\r\n"
        }
        head += "\r\n"
        guard sendAll(fd, Data(head.utf8)) else { return }
        guard let pause = response.trickle else {
            _ = sendAll(fd, response.body)
            return
        }
        let (seconds, attoseconds) = pause.components
        let micros = UInt32(seconds * 1_000_000 + attoseconds / 1_000_000_000_000)
        for byte in response.body {
            guard !isStopped, sendAll(fd, Data([byte])) else { return }
            usleep(micros)
        }
    }

    private func readRequest(_ fd: Int32) -> RecordedRequest? {
        var buffer = Data()
        let separator = Data("\r\n\r\n".utf8)
        var headerEnd: Range<Data.Index>?
        while headerEnd == nil {
            guard let chunk = receive(fd), buffer.count < 1 << 20 else { return nil }
            buffer.append(chunk)
            headerEnd = buffer.range(of: separator)
        }
        let head = String(decoding: buffer[..<headerEnd!.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(buffer[headerEnd!.upperBound...])
        let expected = Int(headers["content-length"] ?? "0") ?? 0
        while body.count < expected {
            guard let chunk = receive(fd) else { return nil }
            body.append(chunk)
        }
        return RecordedRequest(
            method: String(requestLine[0]), target: String(requestLine[1]), headers: headers, body: body)
    }

    private func receive(_ fd: Int32) -> Data? {
        var bytes = [UInt8](repeating: 0, count: 65_536)
        let count = recv(fd, &bytes, bytes.count, 0)
        guard count > 0 else { return nil }
        return Data(bytes[0..<count])
    }

    private func sendAll(_ fd: Int32, _ data: Data) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let sent = send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent <= 0 { return false }
                offset += sent
            }
            return true
        }
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 302: return "Found"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 415: return "Unsupported Media Type"
        case 422: return "Unprocessable Entity"
        case 500: return "Internal Server Error"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }
}
