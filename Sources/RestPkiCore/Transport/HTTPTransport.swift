import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Performs HTTP exchanges over a URLSession, with a cap on the response size and no redirects.
///
/// When the client is given no session it makes its own, whose delegate (`ResponseCollector`) streams each body,
/// cancels an exchange as soon as the body passes the cap (or its `Content-Length` announces that it will), and
/// refuses redirects so that the `X-Api-Key` header never follows a redirect to another host. A session supplied
/// by the caller is used through `data(for:)`: its body is checked against the cap only once it has arrived, and
/// its own redirect policy applies (swift-corelibs-foundation ignores per-task delegates).
final class HTTPTransport: Sendable {
    /// The body grew past the cap.
    struct ResponseTooLarge: Error {
        /// The cap, in bytes.
        let limit: Int
        /// The response's status, when it arrived before the body.
        let status: Int?
    }

    private let session: URLSession
    private let collector: ResponseCollector?

    /// Uses `session` when given; otherwise creates and owns an ephemeral session with a `ResponseCollector`.
    init(session: URLSession?) {
        if let session {
            self.session = session
            self.collector = nil
        } else {
            let collector = ResponseCollector()
            let configuration = URLSessionConfiguration.ephemeral
            configuration.httpCookieStorage = nil
            configuration.urlCache = nil
            configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
            self.session = URLSession(configuration: configuration, delegate: collector, delegateQueue: nil)
            self.collector = collector
        }
    }

    deinit {
        if collector != nil { session.finishTasksAndInvalidate() }
    }

    /// Sends `request` and returns the response, whatever its status.
    ///
    /// - Throws: `URLError` from the session, `ResponseTooLarge`, or `CancellationError`.
    func send(_ request: URLRequest, limit: Int) async throws -> HTTPReply {
        if let collector {
            return try await collector.run(request, on: session, limit: limit)
        }
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        guard data.count <= limit else { throw ResponseTooLarge(limit: limit, status: http.statusCode) }
        return HTTPReply(status: http.statusCode, headers: Self.headers(of: http), body: data)
    }

    static func headers(of response: HTTPURLResponse) -> [String: String] {
        var headers: [String: String] = [:]
        for (name, value) in response.allHeaderFields {
            headers[String(describing: name).lowercased()] = String(describing: value)
        }
        return headers
    }
}

/// The delegate of a session owned by `HTTPTransport`: collects each task's body under a cap and resumes the
/// waiting caller when the task completes.
///
/// Delegate calls arrive on the session's serial delegate queue while callers register from any task, so all
/// state lives in one `Mutex`.
final class ResponseCollector: NSObject, URLSessionDataDelegate, Sendable {
    private struct Exchange {
        var continuation: CheckedContinuation<HTTPReply, any Error>
        var limit: Int
        var response: HTTPURLResponse?
        var body = Data()
        var tooLarge = false
    }

    private let exchanges = Mutex<[Int: Exchange]>([:])

    func run(_ request: URLRequest, on session: URLSession, limit: Int) async throws -> HTTPReply {
        let task = session.dataTask(with: request)
        let id = task.taskIdentifier
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                exchanges.withLock { $0[id] = Exchange(continuation: continuation, limit: limit) }
                if Task.isCancelled {
                    finish(id, with: .failure(CancellationError()))
                    task.cancel()
                } else {
                    task.resume()
                }
            }
        } onCancel: {
            task.cancel()
        }
    }

    private func finish(_ id: Int, with result: Result<HTTPReply, any Error>) {
        let exchange = exchanges.withLock { $0.removeValue(forKey: id) }
        exchange?.continuation.resume(with: result)
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        let id = dataTask.taskIdentifier
        let allowed = exchanges.withLock { exchanges -> Bool in
            guard var exchange = exchanges[id] else { return false }
            exchange.response = response as? HTTPURLResponse
            if response.expectedContentLength > Int64(exchange.limit) { exchange.tooLarge = true }
            exchanges[id] = exchange
            return !exchange.tooLarge
        }
        completionHandler(allowed ? .allow : .cancel)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let id = dataTask.taskIdentifier
        let overflow = exchanges.withLock { exchanges -> Bool in
            guard var exchange = exchanges[id], !exchange.tooLarge else { return false }
            if exchange.body.count + data.count > exchange.limit {
                exchange.tooLarge = true
                exchange.body = Data()
            } else {
                exchange.body.append(data)
            }
            exchanges[id] = exchange
            return exchange.tooLarge
        }
        if overflow { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let id = task.taskIdentifier
        let exchange = exchanges.withLock { $0.removeValue(forKey: id) }
        guard let exchange else { return }
        if exchange.tooLarge {
            exchange.continuation.resume(
                throwing: HTTPTransport.ResponseTooLarge(limit: exchange.limit, status: exchange.response?.statusCode))
        } else if let error {
            exchange.continuation.resume(throwing: error)
        } else if let response = exchange.response ?? task.response as? HTTPURLResponse {
            exchange.continuation.resume(
                returning: HTTPReply(
                    status: response.statusCode, headers: HTTPTransport.headers(of: response), body: exchange.body))
        } else {
            exchange.continuation.resume(throwing: URLError(.badServerResponse))
        }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        // Never follow: the redirect response itself becomes the answer, reported as an unexpected status.
        completionHandler(nil)
    }
}
