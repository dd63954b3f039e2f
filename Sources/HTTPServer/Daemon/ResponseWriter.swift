internal import CMicroHTTPD

/// Turns an ``HTTPResponse`` into a libmicrohttpd response and queues it on a connection.
enum ResponseWriter {
    /// Why a handler's response cannot be sent as given; logged, never shown to the client.
    struct Invalid: Error {
        let detail: String
    }

    /// Validates and queues `response`.
    ///
    /// - Parameters:
    ///   - response: the response to send.
    ///   - connection: the libmicrohttpd connection being answered.
    ///   - close: whether to add `Connection: close`.
    /// - Returns: whether libmicrohttpd accepted the response, or ``Invalid`` when it cannot be sent as given.
    static func queue(_ response: HTTPResponse, on connection: OpaquePointer, close: Bool) -> Result<Bool, Invalid> {
        guard response.status.isSendable else {
            return .failure(Invalid(detail: "status \(response.status.code) is not a final status (200...599)"))
        }
        for field in response.headers {
            if let problem = problem(with: field) {
                return .failure(Invalid(detail: problem))
            }
        }
        let created = response.body.withUnsafeBytes { bytes in
            // MUST_COPY: libmicrohttpd keeps its own copy, so the Swift array may go away at once.
            MHD_create_response_from_buffer(
                bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress), .RESPMEM_MUST_COPY)
        }
        guard let mhdResponse = created else {
            return .failure(
                Invalid(detail: "libmicrohttpd could not allocate a response of \(response.body.count) bytes"))
        }
        defer { MHD_destroy_response(mhdResponse) }  // the queued response holds its own reference
        for field in response.headers where !HTTPHeaders.namesEqual(field.name, "Content-Length") {
            let added = field.name.withCString { name in
                field.value.withCString { value in MHD_add_response_header(mhdResponse, name, value) }
            }
            guard added == .YES else {
                return .failure(
                    Invalid(detail: "libmicrohttpd refused the header field '\(field.name): \(field.value)'"))
            }
        }
        if close {
            _ = MHD_add_response_header(mhdResponse, "Connection", "close")
        }
        return .success(MHD_queue_response(connection, UInt32(response.status.code), mhdResponse) == .YES)
    }

    /// Says what is wrong with a header field, or `nil` when it can be sent: the name must be an RFC 9110 token
    /// and the value must not contain CR, LF or NUL (which would split or truncate the header).
    private static func problem(with field: HTTPHeaders.Field) -> String? {
        if !HTTPHeaders.isToken(field.name) {
            return "header name '\(field.name)' is not a token"
        }
        if field.value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0x00 }) {
            return "the value of header '\(field.name)' contains CR, LF or NUL"
        }
        return nil
    }
}
