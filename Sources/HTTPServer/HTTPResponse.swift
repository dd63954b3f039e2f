/// An HTTP response: status, header fields and the whole body.
///
/// The server adds `Date` and `Content-Length` itself (a `Content-Length` field set here is ignored), sends no
/// body for `HEAD` requests and for 204 and 304, and may add `Connection: close`. Setting `Connection: close`
/// here closes the connection after this response.
///
/// A response the server cannot send as given (a status outside 200...599, a field name that is not a token,
/// a value with CR, LF or NUL) is replaced by the ``HTTPRequestFailure/Code/invalidResponse`` failure (500).
public struct HTTPResponse: Sendable {
    /// The status code.
    public var status: HTTPStatus
    /// The header fields, in the order they are sent.
    public var headers: HTTPHeaders
    /// The body bytes; any size is fine (the server copies them once into its own buffer).
    public var body: [UInt8]

    /// Creates a response.
    ///
    /// - Parameters:
    ///   - status: the status code; 200 by default.
    ///   - headers: the header fields.
    ///   - body: the body bytes.
    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A response with a JSON body and `Content-Type: application/json`.
    ///
    /// - Parameters:
    ///   - json: the JSON text, already encoded (this module has no JSON encoder).
    ///   - status: the status code; 200 by default.
    ///   - headers: further header fields, sent after `Content-Type`.
    /// - Returns: the response.
    public static func json(_ json: String, status: HTTPStatus = .ok, headers: HTTPHeaders = [:]) -> HTTPResponse {
        .json(Array(json.utf8), status: status, headers: headers)
    }

    /// A response with a JSON body and `Content-Type: application/json`.
    ///
    /// - Parameters:
    ///   - json: the UTF-8 bytes of the JSON text, for example from `JSONEncoder`.
    ///   - status: the status code; 200 by default.
    ///   - headers: further header fields, sent after `Content-Type`.
    /// - Returns: the response.
    public static func json(_ json: [UInt8], status: HTTPStatus = .ok, headers: HTTPHeaders = [:]) -> HTTPResponse {
        var all = HTTPHeaders(reservingCapacity: headers.count + 1)
        all.add(name: "Content-Type", value: "application/json")
        for field in headers {
            all.add(name: field.name, value: field.value)
        }
        return HTTPResponse(status: status, headers: all, body: json)
    }

    /// A response with a plain-text body and `Content-Type: text/plain; charset=utf-8`.
    ///
    /// - Parameters:
    ///   - text: the body text.
    ///   - status: the status code; 200 by default.
    ///   - headers: further header fields, sent after `Content-Type`.
    /// - Returns: the response.
    public static func text(_ text: String, status: HTTPStatus = .ok, headers: HTTPHeaders = [:]) -> HTTPResponse {
        var all = HTTPHeaders(reservingCapacity: headers.count + 1)
        all.add(name: "Content-Type", value: "text/plain; charset=utf-8")
        for field in headers {
            all.add(name: field.name, value: field.value)
        }
        return HTTPResponse(status: status, headers: all, body: Array(text.utf8))
    }
}
