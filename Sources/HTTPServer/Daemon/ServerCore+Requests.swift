internal import CMicroHTTPD
internal import CMicroHTTPDShim

/// The request path through libmicrohttpd's access-handler calls: head, body pieces, then the answer.
///
/// libmicrohttpd calls the access handler once when the head is complete, once per piece of body, and once
/// more when the request is complete. A response can be queued on the first call (the server then refuses the
/// body and closes the connection) or on the last, never while the body arrives.
extension ServerCore {
    func access(
        connection: OpaquePointer, method: UnsafePointer<CChar>?, upload: UnsafePointer<CChar>?,
        uploadSize: UnsafeMutablePointer<Int>, state: RequestState
    ) -> MHD_Result {
        if state.phase == .head {
            return begin(state, connection: connection, method: method)
        }
        let count = uploadSize.pointee
        if count > 0 {
            uploadSize.pointee = 0
            return receive(upload, count: count, into: state)
        }
        return finish(state, connection: connection)
    }

    /// The head is complete: build the request, check target and framing, and refuse early what must be refused.
    private func begin(_ state: RequestState, connection: OpaquePointer, method: UnsafePointer<CChar>?) -> MHD_Result {
        // Framing is judged on the values as libmicrohttpd keeps them (it reads the body by them); the handler
        // gets them without trailing white space.
        let received = Self.headers(of: connection)
        let headers = received.trimmingTrailingWhitespace
        let address = CMicroHTTPD_connection_info(connection, .CONNECTION_INFO_CLIENT_ADDRESS)?.pointee.client_addr
        let split = RequestTarget.split(state.target)
        let path = state.targetIsUTF8 ? PercentDecoding.decode(split.path, form: false) : nil
        let request = HTTPRequest(
            method: HTTPMethod(method.map { String(cString: $0) } ?? ""), target: state.target,
            path: path ?? String(split.path), headers: headers, peer: PeerAddress(UnsafePointer(address)))
        state.request = request
        guard path != nil else {
            return fail(.malformedTarget, request, connection)
        }
        switch Framing(received) {
        case .invalid(let failure):
            return fail(failure, request, connection)
        case .length(let length):
            guard length <= maxBodySize else {
                return fail(.bodyTooLarge(limit: maxBodySize), request, connection)
            }
            if length > 0 {
                // Sized once for ordinary bodies; a large declared length must not reserve memory before the
                // bytes actually arrive.
                state.body.reserveCapacity(min(length, 64 * 1024))
            }
        case .chunked, .none:
            break
        }
        state.phase = .body
        return .YES
    }

    /// A piece of body: keep it while under the limit, then throw bytes away up to the discard allowance.
    private func receive(_ upload: UnsafePointer<CChar>?, count: Int, into state: RequestState) -> MHD_Result {
        guard let upload else {
            return .YES
        }
        if state.phase == .body {
            if count <= maxBodySize - state.body.count {
                state.body.append(contentsOf: UnsafeRawBufferPointer(start: upload, count: count))
                return .YES
            }
            state.phase = .discarding
            state.body = []
        }
        state.discarded += count
        guard state.discarded <= discardAllowance else {
            log("HTTPServer: closed a connection whose chunked body ran \(state.discarded) bytes past the limit")
            return .NO
        }
        return .YES
    }

    /// The request is complete: answer it.
    private func finish(_ state: RequestState, connection: OpaquePointer) -> MHD_Result {
        guard var request = state.request.take() else {
            return .NO
        }
        if state.phase == .discarding {
            return fail(.bodyTooLarge(limit: maxBodySize), request, connection)
        }
        swap(&request.body, &state.body)
        RequestDeadlines.requestReceived(on: connection)
        let response = handler.respond(to: request)
        return send(response, to: request, on: connection, close: false, failure: nil)
    }

    /// Answers a failure through the handler's rendering, closing the connection.
    private func fail(_ failure: HTTPRequestFailure, _ request: HTTPRequest, _ connection: OpaquePointer) -> MHD_Result
    {
        let response = handler.respond(to: failure, for: request)
        return send(response, to: request, on: connection, close: true, failure: failure)
    }

    /// Queues `response`; if it cannot be sent as given, falls back to the handler's rendering of
    /// ``HTTPRequestFailure/invalidResponse`` and then to a plain rendering, which can always be sent.
    private func send(
        _ response: HTTPResponse, to request: HTTPRequest, on connection: OpaquePointer, close: Bool,
        failure: HTTPRequestFailure?
    ) -> MHD_Result {
        let close = close || draining.load(ordering: .relaxed)
        var attempt = response
        var failure = failure
        // Log lines name the path, never the target: some clients put keys in the query string.
        for _ in 0..<3 {
            switch ResponseWriter.queue(attempt, on: connection, close: close) {
            case .success(let queued):
                if !queued {
                    log(
                        "HTTPServer: libmicrohttpd refused to queue the response to \(request.method) \(request.path)"
                    )
                }
                return queued ? .YES : .NO
            case .failure(let invalid):
                log("HTTPServer: unsendable response to \(request.method) \(request.path): \(invalid.detail)")
                if let rendered = failure {
                    // The handler's rendering of a failure was unsendable: keep the failure, drop the rendering.
                    attempt = rendered.defaultResponse
                    failure = nil
                } else {
                    failure = .invalidResponse
                    attempt = handler.respond(to: .invalidResponse, for: request)
                }
            }
        }
        return .NO
    }

    /// Copies the request's header fields out of libmicrohttpd, in order.
    static func headers(of connection: OpaquePointer) -> HTTPHeaders {
        var headers = HTTPHeaders(reservingCapacity: 8)
        withUnsafeMutablePointer(to: &headers) { pointer in
            _ = MHD_get_connection_values_n(connection, .HEADER_KIND, DaemonCallbacks.collectHeader, pointer)
        }
        return headers
    }
}

/// How the request body is delimited (RFC 9112 §6), checked before any of it is read, together with the
/// header fields themselves (libmicrohttpd 0.9.75 lets some through that RFC 9110 forbids).
///
/// Shapes that let two parsers disagree about where a body ends (both `Content-Length` and
/// `Transfer-Encoding`, differing `Content-Length` values, codings other than a single `chunked`) are refused,
/// because libmicrohttpd 0.9.75 would otherwise pick one reading silently. So are fields a proxy could read
/// differently: a name that is not a token, a value with a control character (a bare CR is kept inside the value,
/// where another parser would end the line: RFC 9110 §5.5 says reject), and a framing field name with text glued
/// on, which is how libmicrohttpd 0.9.75 stores a field folded over two lines (`Transfer-Encoding:` then
/// ` chunked` arrives as a field named `Transfer-Encodingchunked`; RFC 9112 §5.2 says reject obs-fold).
enum Framing {
    case none
    case length(Int)
    case chunked
    case invalid(HTTPRequestFailure)

    init(_ headers: HTTPHeaders) {
        var length: Substring?
        var codings = 0
        var onlyChunked = true
        for field in headers {
            // One pass over the fields checks every name and finds the framing fields.
            guard HTTPHeaders.isToken(field.name) else {
                self = .invalid(.malformedHeader)
                return
            }
            guard !field.value.utf8.contains(where: Self.isControl) else {
                self = .invalid(.malformedHeaderValue)
                return
            }
            if Self.isMangledFramingName(field.name) {
                self = .invalid(
                    .ambiguousFraming("A Content-Length or Transfer-Encoding field is folded over lines or misnamed."))
                return
            }
            if HTTPHeaders.namesEqual(field.name, "Content-Length") {
                let value = Self.trimmed(field.value)
                if let earlier = length, earlier != value {
                    self = .invalid(.ambiguousFraming("The request has Content-Length fields that disagree."))
                    return
                }
                length = value
            } else if HTTPHeaders.namesEqual(field.name, "Transfer-Encoding") {
                // libmicrohttpd reads a body as chunked only when the value is exactly `chunked`: with white space
                // after it, it reads until the connection closes, while a proxy that trims the value reads chunks.
                if let last = field.value.utf8.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
                    self = .invalid(
                        .ambiguousFraming("The request's Transfer-Encoding has white space after its value."))
                    return
                }
                codings += 1
                onlyChunked = onlyChunked && HTTPHeaders.namesEqual(String(Self.trimmed(field.value)), "chunked")
            }
        }
        if codings > 0 {
            if length != nil {
                self = .invalid(.ambiguousFraming("The request has both Content-Length and Transfer-Encoding."))
            } else if !onlyChunked || codings > 1 {
                self = .invalid(.unsupportedTransferCoding)
            } else {
                self = .chunked
            }
            return
        }
        guard let length else {
            self = .none
            return
        }
        guard !length.isEmpty, length.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            self = .invalid(.ambiguousFraming("The request's Content-Length is not a number."))
            return
        }
        self = .length(Int(length) ?? Int.max)  // only an overflow fails here: far over any limit
    }

    /// Bytes a field value cannot hold (RFC 9110 §5.5): C0 controls other than horizontal tab, and DEL.
    private static func isControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09) || byte == 0x7F
    }

    /// A name that starts with `Content-Length` or `Transfer-Encoding` and goes on (see the type's comment).
    private static func isMangledFramingName(_ name: String) -> Bool {
        extendsName(name, "content-length") || extendsName(name, "transfer-encoding")
    }

    /// Whether `name` is longer than `framing` (lower case) and starts with it, in any ASCII case.
    private static func extendsName(_ name: String, _ framing: StaticString) -> Bool {
        framing.withUTF8Buffer { framing in
            name.utf8.count > framing.count && name.utf8.starts(with: framing) { $0 | 0x20 == $1 || $0 == $1 }
        }
    }

    /// The value without surrounding spaces and tabs (over UTF-8, so without grapheme breaking).
    private static func trimmed(_ text: String) -> Substring {
        let utf8 = text.utf8
        let isBlank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard let first = utf8.firstIndex(where: { !isBlank($0) }), let last = utf8.lastIndex(where: { !isBlank($0) })
        else {
            return text[text.endIndex...]
        }
        return text[first...last]
    }
}
