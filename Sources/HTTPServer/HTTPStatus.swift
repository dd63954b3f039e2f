internal import CMicroHTTPD

/// An HTTP response status code, such as 200 or 413.
///
/// Any integer can be stored, but the server only sends final status codes in 200...599; a handler that returns
/// anything else gets the ``HTTPRequestFailure/Code/invalidResponse`` failure instead (see ``HTTPHandler``).
public struct HTTPStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    /// The numeric status code.
    public let code: Int

    /// The numeric status code; the same as ``code``.
    public var rawValue: Int { code }

    /// Creates a status from its numeric code.
    ///
    /// - Parameter code: the status code, for example `404`.
    public init(_ code: Int) {
        self.code = code
    }

    /// Creates a status from its numeric code.
    ///
    /// - Parameter rawValue: the status code, for example `404`.
    public init(rawValue: Int) {
        self.code = rawValue
    }

    /// Creates a status from an integer literal, so `404` can stand where an `HTTPStatus` is expected.
    ///
    /// - Parameter value: the status code.
    public init(integerLiteral value: Int) {
        self.code = value
    }

    /// The standard reason phrase, for example `"Not Found"`, or `"Unknown"` for an unregistered code.
    ///
    /// The server writes this phrase on the status line itself; it is offered here for error bodies and logs.
    public var reasonPhrase: String {
        guard (100...999).contains(code), let phrase = MHD_get_reason_phrase_for(UInt32(code)) else {
            return "Unknown"
        }
        return String(cString: phrase)
    }

    /// The code followed by the reason phrase, for example `"413 Content Too Large"`.
    public var description: String { "\(code) \(reasonPhrase)" }

    /// Whether the code is one the server sends as a final response (200...599).
    var isSendable: Bool { (200...599).contains(code) }

    /// 200
    public static let ok = HTTPStatus(200)
    /// 201
    public static let created = HTTPStatus(201)
    /// 202
    public static let accepted = HTTPStatus(202)
    /// 204: the server sends no body, whatever the response holds.
    public static let noContent = HTTPStatus(204)
    /// 301
    public static let movedPermanently = HTTPStatus(301)
    /// 302
    public static let found = HTTPStatus(302)
    /// 303
    public static let seeOther = HTTPStatus(303)
    /// 304: the server sends no body, whatever the response holds.
    public static let notModified = HTTPStatus(304)
    /// 307
    public static let temporaryRedirect = HTTPStatus(307)
    /// 308
    public static let permanentRedirect = HTTPStatus(308)
    /// 400
    public static let badRequest = HTTPStatus(400)
    /// 401
    public static let unauthorized = HTTPStatus(401)
    /// 403
    public static let forbidden = HTTPStatus(403)
    /// 404
    public static let notFound = HTTPStatus(404)
    /// 405
    public static let methodNotAllowed = HTTPStatus(405)
    /// 406
    public static let notAcceptable = HTTPStatus(406)
    /// 408
    public static let requestTimeout = HTTPStatus(408)
    /// 409
    public static let conflict = HTTPStatus(409)
    /// 410
    public static let gone = HTTPStatus(410)
    /// 411
    public static let lengthRequired = HTTPStatus(411)
    /// 413 (RFC 9110 "Content Too Large", formerly "Payload Too Large")
    public static let contentTooLarge = HTTPStatus(413)
    /// 414
    public static let uriTooLong = HTTPStatus(414)
    /// 415
    public static let unsupportedMediaType = HTTPStatus(415)
    /// 422
    public static let unprocessableContent = HTTPStatus(422)
    /// 429
    public static let tooManyRequests = HTTPStatus(429)
    /// 431
    public static let requestHeaderFieldsTooLarge = HTTPStatus(431)
    /// 500
    public static let internalServerError = HTTPStatus(500)
    /// 501
    public static let notImplemented = HTTPStatus(501)
    /// 502
    public static let badGateway = HTTPStatus(502)
    /// 503
    public static let serviceUnavailable = HTTPStatus(503)
    /// 504
    public static let gatewayTimeout = HTTPStatus(504)
}
