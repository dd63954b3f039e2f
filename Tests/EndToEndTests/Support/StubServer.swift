import Foundation
import HTTPServer

/// A validation endpoint on loopback that answers every request with `answer()`, one thread per connection (so
/// a slow answer blocks nothing else).
final class StubServer: Sendable {
    private let server: HTTPServer

    init(answer: @escaping @Sendable () -> HTTPResponse) throws {
        var configuration = HTTPServer.Configuration(host: "127.0.0.1", port: 0)
        configuration.threading = .threadPerConnection
        server = HTTPServer(configuration: configuration, handler: HTTPClosureHandler { _ in answer() })
        try server.start()
    }

    var url: URL { URL(string: "http://127.0.0.1:\(server.port ?? 0)/validate")! }

    /// Stops the server on a thread of its own: shutdown waits for handlers still running (a slow answer), and
    /// that wait must not hold a Swift concurrency thread.
    func stopInBackground() {
        Thread { [server] in server.shutdown(gracePeriod: .zero) }.start()
    }
}
