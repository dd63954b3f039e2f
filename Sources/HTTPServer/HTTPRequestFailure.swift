/// A request the server layer answers itself, without calling ``HTTPHandler/respond(to:)``: its body is over
/// the limit, its framing is ambiguous, its target is malformed, or the handler's own response was unsendable.
///
/// The server asks the handler to render it through ``HTTPHandler/respond(to:for:)``, so an endpoint can give
/// these answers the same JSON error body as its own. Every failure except ``Code/invalidResponse`` also closes
/// the connection after the response, since the rest of what the client sent cannot be trusted.
///
/// Requests too broken to reach this point (a malformed request line or header, a header block over the
/// per-connection memory limit, an unsupported HTTP version) are answered by libmicrohttpd itself with a short
/// HTML body, or dropped; libmicrohttpd 0.9.75 offers no hook for those.
public struct HTTPRequestFailure: Sendable, Hashable, CustomStringConvertible {
    /// A stable identifier for a kind of failure, for example `request.body_too_large`.
    ///
    /// A struct rather than an enum so that new kinds can be added without breaking exhaustive switches.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The identifier, for example `"request.body_too_large"`.
        public let rawValue: String

        /// Creates a code from its identifier.
        ///
        /// - Parameter rawValue: the identifier.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// The identifier.
        public var description: String { rawValue }

        /// The body is larger than ``HTTPServer/Configuration/maxBodySize``, declared by `Content-Length` or
        /// found while reading a chunked body. Status 413.
        public static let bodyTooLarge = Code(rawValue: "request.body_too_large")
        /// The request carries both `Content-Length` and `Transfer-Encoding`, or `Content-Length` values that
        /// disagree: a request-smuggling shape. Status 400.
        public static let ambiguousFraming = Code(rawValue: "request.ambiguous_framing")
        /// `Transfer-Encoding` is something other than `chunked`. Status 501.
        public static let unsupportedTransferCoding = Code(rawValue: "request.unsupported_transfer_coding")
        /// A header field name is empty or not an RFC 9110 token (libmicrohttpd 0.9.75 lets some through).
        /// Status 400.
        public static let malformedHeader = Code(rawValue: "request.malformed_header")
        /// The target's path has a malformed percent-escape or is not UTF-8 once decoded. Status 400.
        public static let malformedTarget = Code(rawValue: "request.malformed_target")
        /// The handler's response could not be sent as given (status outside 200...599, a header field name that
        /// is not a token, a value with CR, LF or NUL). Status 500. Reaching this is a bug in the handler.
        public static let invalidResponse = Code(rawValue: "response.invalid")
    }

    /// What went wrong.
    public let code: Code
    /// The status the response should carry, for example 413.
    public let status: HTTPStatus
    /// A precise English explanation for the client, for example
    /// `"The request body exceeds the limit of 16384 bytes."`.
    public let message: String

    init(code: Code, status: HTTPStatus, message: String) {
        self.code = code
        self.status = status
        self.message = message
    }

    /// `status: message [code]`.
    public var description: String { "\(status.code): \(message) [\(code)]" }

    /// The response the server sends when the handler does not render failures itself: the status and the
    /// message as plain text.
    public var defaultResponse: HTTPResponse {
        .text(message + "\n", status: status)
    }

    static func bodyTooLarge(limit: Int) -> HTTPRequestFailure {
        HTTPRequestFailure(
            code: .bodyTooLarge, status: .contentTooLarge,
            message: "The request body exceeds the limit of \(limit) bytes.")
    }

    static func ambiguousFraming(_ detail: String) -> HTTPRequestFailure {
        HTTPRequestFailure(code: .ambiguousFraming, status: .badRequest, message: detail)
    }

    static let unsupportedTransferCoding = HTTPRequestFailure(
        code: .unsupportedTransferCoding, status: .notImplemented,
        message: "Only the chunked transfer coding is supported.")

    static let malformedHeader = HTTPRequestFailure(
        code: .malformedHeader, status: .badRequest,
        message: "A request header field name is empty or contains characters a name cannot have.")

    static let malformedHeaderValue = HTTPRequestFailure(
        code: .malformedHeader, status: .badRequest,
        message: "A request header field value contains a control character (such as CR or DEL).")

    static let malformedTarget = HTTPRequestFailure(
        code: .malformedTarget, status: .badRequest,
        message: "The request target has a malformed percent-escape or is not UTF-8.")

    /// The detail of what was wrong with the handler's response goes to the log, never to the client.
    static let invalidResponse = HTTPRequestFailure(
        code: .invalidResponse, status: .internalServerError, message: "The server could not form a response.")
}
