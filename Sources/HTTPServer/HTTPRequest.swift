/// An HTTP request as the server hands it to an ``HTTPHandler``: head, whole body and the peer's address.
///
/// Target handling, precisely:
/// - ``target`` is the request-target exactly as it appeared on the request line, query included.
/// - ``path`` is the target's path percent-decoded once, as UTF-8. For an absolute-form target
///   (`http://host/p`) it is the path part (`/p`). Nothing else is done to it: `.` and `..` segments, repeated
///   slashes and a trailing slash are kept, and `%2F` becomes `/`. Routers that must tell `%2F` from `/` can
///   read ``target``.
/// - A request whose path contains a malformed escape (`%4`, `%zz`) or decodes to invalid UTF-8 never reaches
///   ``HTTPHandler/respond(to:)``: the server answers it with the ``HTTPRequestFailure/Code/malformedTarget``
///   failure (400).
/// - ``queryItems`` decodes the query leniently, as HTML forms encode it.
///
/// A request is a plain value: it owns copies of everything libmicrohttpd handed over and may be kept after
/// the handler returns.
public struct HTTPRequest: Sendable {
    /// The request method.
    public var method: HTTPMethod

    /// The request-target exactly as sent, for example `/validate/docs?lang=pt-BR`.
    public var target: String

    /// The target's path, percent-decoded once and otherwise untouched, for example `/validate/docs`.
    ///
    /// Set from ``target`` when the request is created; changing one later does not change the other.
    public var path: String

    /// The request header fields, in order, with case-insensitive lookup.
    public var headers: HTTPHeaders

    /// The request body; empty when the request had none. Never longer than the server's body limit.
    public var body: [UInt8]

    /// Where the request came from; formatted only when read.
    var peer: PeerAddress

    /// Creates a request, for example to test a handler without a server.
    ///
    /// - Parameters:
    ///   - method: the request method.
    ///   - target: the raw request-target; ``path`` is derived from it (kept raw if its escapes are malformed).
    ///   - headers: the header fields.
    ///   - body: the body bytes.
    ///   - remoteAddress: the peer address to report in ``remoteAddress``.
    public init(
        method: HTTPMethod = .get, target: String, headers: HTTPHeaders = [:], body: [UInt8] = [],
        remoteAddress: String = "127.0.0.1"
    ) {
        let split = RequestTarget.split(target)
        self.method = method
        self.target = target
        self.path = PercentDecoding.decode(split.path, form: false) ?? String(split.path)
        self.headers = headers
        self.body = body
        self.peer = .text(remoteAddress)
    }

    /// The server's initializer: the path is already decoded and the peer comes from the socket.
    init(method: HTTPMethod, target: String, path: String, headers: HTTPHeaders, peer: PeerAddress) {
        self.method = method
        self.target = target
        self.path = path
        self.headers = headers
        self.body = []
        self.peer = peer
    }

    /// The peer's IP address in its usual text form, for example `127.0.0.1` or `::1`, without the port.
    ///
    /// This is the address of the TCP peer: behind a proxy it is the proxy's address.
    public var remoteAddress: String { peer.description }

    /// The raw query: everything after the first `?` of the target, or `nil` if there is no `?`.
    public var query: String? {
        RequestTarget.split(target).query.map(String.init)
    }

    /// The query's `name=value` items in order, decoded as HTML forms encode them.
    ///
    /// `+` becomes a space and `%XX` escapes are decoded; a malformed escape or invalid UTF-8 is kept as
    /// written rather than rejected. An item without `=` has a `nil` value; empty items (`a=1&&b=2`) are
    /// skipped. Parsed on every access, so read it once.
    public var queryItems: [HTTPQueryItem] {
        guard let query = RequestTarget.split(target).query else {
            return []
        }
        return query.split(separator: "&", omittingEmptySubsequences: true).map { item in
            guard let equals = item.firstIndex(of: "=") else {
                return HTTPQueryItem(name: PercentDecoding.decodeLeniently(item), value: nil)
            }
            return HTTPQueryItem(
                name: PercentDecoding.decodeLeniently(item[..<equals]),
                value: PercentDecoding.decodeLeniently(item[item.index(after: equals)...]))
        }
    }

    /// The value of the first query item with this name (compared exactly), or `nil`.
    ///
    /// - Parameter name: the decoded item name.
    /// - Returns: the decoded value; an empty string for `name=` or `name` alone.
    public func queryValue(for name: String) -> String? {
        queryItems.first { $0.name == name }.map { $0.value ?? "" }
    }
}

/// One `name=value` item of a request's query.
public struct HTTPQueryItem: Sendable, Hashable {
    /// The decoded name.
    public var name: String
    /// The decoded value, or `nil` when the item had no `=`.
    public var value: String?

    /// Creates a query item.
    ///
    /// - Parameters:
    ///   - name: the decoded name.
    ///   - value: the decoded value, or `nil` for an item without `=`.
    public init(name: String, value: String?) {
        self.name = name
        self.value = value
    }
}
