/// Answers HTTP requests: the one thing an application gives an ``HTTPServer``.
///
/// Threading: libmicrohttpd's own threads call both requirements, concurrently and synchronously, so a handler
/// must be `Sendable` and its state safe to share. A call may block (an emulator's long poll, a slow backend);
/// in ``HTTPServer/Threading/pool(threads:)`` mode a blocked call stalls every connection of that pool thread,
/// so servers whose handlers block for long should use ``HTTPServer/Threading/threadPerConnection``.
/// A handler must not call ``HTTPServer/shutdown(gracePeriod:)`` of its own server synchronously: shutdown
/// waits for the very request that called it. Swift traps (a failed precondition, an out-of-range index) in a
/// handler end the process like anywhere else; the server cannot catch them.
public protocol HTTPHandler: Sendable {
    /// Produces the response to a complete request.
    ///
    /// - Parameter request: the request, its body complete and within the server's limit.
    /// - Returns: the response to send.
    func respond(to request: HTTPRequest) -> HTTPResponse

    /// Renders a failure the server layer detected itself, such as a body over the limit.
    ///
    /// The default implementation returns ``HTTPRequestFailure/defaultResponse`` (plain text). Implement it to
    /// give these responses your own error body; keep the failure's status unless you have a strong reason.
    ///
    /// - Parameters:
    ///   - failure: what went wrong, with the suggested status and message.
    ///   - request: the request so far: method, target, path and headers are set; the body is empty.
    /// - Returns: the response to send; the server adds `Connection: close` where the failure requires it.
    func respond(to failure: HTTPRequestFailure, for request: HTTPRequest) -> HTTPResponse
}

extension HTTPHandler {
    /// Returns ``HTTPRequestFailure/defaultResponse``: the failure's status with its message as plain text.
    ///
    /// - Parameters:
    ///   - failure: what went wrong.
    ///   - request: the request so far (unused).
    /// - Returns: the failure's default response.
    public func respond(to failure: HTTPRequestFailure, for request: HTTPRequest) -> HTTPResponse {
        failure.defaultResponse
    }
}

/// An ``HTTPHandler`` made from a closure, for small servers and tests.
///
/// Failures get the default plain-text rendering.
public struct HTTPClosureHandler: HTTPHandler {
    private let body: @Sendable (HTTPRequest) -> HTTPResponse

    /// Creates a handler that calls `body` for every request.
    ///
    /// - Parameter body: the function producing responses; called concurrently from server threads.
    public init(_ body: @escaping @Sendable (HTTPRequest) -> HTTPResponse) {
        self.body = body
    }

    /// Calls the closure.
    ///
    /// - Parameter request: the request.
    /// - Returns: the closure's response.
    public func respond(to request: HTTPRequest) -> HTTPResponse {
        body(request)
    }
}
