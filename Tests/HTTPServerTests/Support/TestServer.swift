import Foundation
import Testing

@testable import HTTPServer

/// A handler that reports what it received: `X-Method`, `X-Path`, `X-Target`, `X-Body-Length`, `X-Remote`
/// and the first value of `X-Echo` as response headers; the request body as the response body.
struct EchoHandler: HTTPHandler {
    func respond(to request: HTTPRequest) -> HTTPResponse {
        var headers: HTTPHeaders = [
            "Content-Type": "application/octet-stream",
            "X-Method": request.method.rawValue,
            "X-Path": request.path.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 ? String($0) : "?" }.joined(),
            "X-Target": request.target,
            "X-Body-Length": String(request.body.count),
            "X-Remote": request.remoteAddress,
        ]
        if let echo = request.headers["x-echo"] {
            headers.add(name: "X-Echo", value: echo)
        }
        return HTTPResponse(status: .ok, headers: headers, body: request.body)
    }
}

extension HTTPServer.Configuration {
    /// 127.0.0.1, an ephemeral port and a two-thread pool, then `change` applied.
    static func forTests(_ change: (inout Self) -> Void = { _ in }) -> Self {
        var configuration = Self(host: "127.0.0.1", port: 0)
        configuration.threading = .pool(threads: 2)
        change(&configuration)
        return configuration
    }
}

/// Starts a server, runs `body` with it and its port, then shuts it down and checks that no request's state
/// outlived it.
func withServer<Handler: HTTPHandler, Result>(
    handler: Handler = EchoHandler(),
    configuration: HTTPServer.Configuration = .forTests(),
    _ body: (HTTPServer, Int) async throws -> Result
) async throws -> Result {
    let server = HTTPServer(configuration: configuration, handler: handler)
    try server.start()
    let port = try #require(server.port)
    do {
        let result = try await body(server, port)
        await onDedicatedThread { server.shutdown(gracePeriod: .seconds(2)) }
        #expect(server.liveRequestCount == 0, "request state leaked")
        return result
    } catch {
        await onDedicatedThread { server.shutdown(gracePeriod: .seconds(2)) }
        throw error
    }
}

/// Runs blocking work (a server shutdown, a child process) on its own thread, so that it never occupies one of
/// the few threads of Swift's cooperative pool that the other tests running in parallel need.
///
/// Record no expectations inside: Swift Testing attributes issues through task-locals, which a plain thread
/// does not have.
func onDedicatedThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: body()) }.start()
    }
}
