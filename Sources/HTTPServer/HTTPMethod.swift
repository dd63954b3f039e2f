/// An HTTP request method, such as `GET` or `POST`.
///
/// Methods are case-sensitive tokens (RFC 9110 §9.1). The server passes on whatever token the client sent, so
/// `get` and `GET` are different methods; compare with the static members.
public struct HTTPMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The method token exactly as sent, for example `"POST"`.
    public let rawValue: String

    /// Creates a method from its token.
    ///
    /// - Parameter rawValue: the method token, for example `"PATCH"`.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// Creates a method from its token.
    ///
    /// - Parameter rawValue: the method token, for example `"PATCH"`.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// Creates a method from a string literal, so `"PATCH"` can stand where an `HTTPMethod` is expected.
    ///
    /// - Parameter value: the method token.
    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    /// The method token.
    public var description: String { rawValue }

    /// `GET`
    public static let get = HTTPMethod("GET")
    /// `HEAD`: the server sends the headers of the handler's response and never its body.
    public static let head = HTTPMethod("HEAD")
    /// `POST`
    public static let post = HTTPMethod("POST")
    /// `PUT`
    public static let put = HTTPMethod("PUT")
    /// `PATCH`
    public static let patch = HTTPMethod("PATCH")
    /// `DELETE`
    public static let delete = HTTPMethod("DELETE")
    /// `OPTIONS`
    public static let options = HTTPMethod("OPTIONS")
}
