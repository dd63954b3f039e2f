import Dispatch
import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Calls the subscription's validation endpoint the way Rest PKI Core does: one `POST` per file with the JSON
/// body `{"name": …, "contentType": …, "length": …}` (camelCase, as documented), `Content-Type:
/// application/json; charset=utf-8` (what .NET's JSON content writes), the configured credentials, and
/// `Accept-Language` set to the signature page's language.
///
/// Called from a request thread of the emulator, so it blocks: the exchange runs on its own URLSession and the
/// caller waits at most the configured timeout (total time, not idle time), after which the exchange is cut.
/// Answers are capped at 64 KiB; redirects are not followed (the 3xx is the answer, a failure).
final class FileValidationClient: Sendable {
    /// What one call produced.
    enum Result: Sendable {
        /// An HTTP answer, whatever its status.
        case answered(status: Int, body: [UInt8])
        /// No complete answer: why.
        case failed(String)
    }

    /// The largest answer read, in bytes.
    static let maxAnswerBytes = 64 * 1024

    private let settings: RestPkiEmulator.FileValidation
    private let session: URLSession
    private let collector: AnswerCollector

    init(settings: RestPkiEmulator.FileValidation) {
        self.settings = settings
        let collector = AnswerCollector(limit: Self.maxAnswerBytes)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        self.session = URLSession(configuration: configuration, delegate: collector, delegateQueue: nil)
        self.collector = collector
    }

    /// Cancels calls in flight; the client is unusable afterwards.
    func invalidate() {
        session.invalidateAndCancel()
    }

    /// Asks the endpoint about one file.
    func call(name: String, contentType: String, length: Int64, language: RestPkiEmulator.PageLanguage) -> Result {
        struct Body: Encodable {
            let name: String
            let contentType: String
            let length: Int64
        }
        var request = URLRequest(url: settings.url)
        request.httpMethod = "POST"
        request.httpBody = EmulatorJSON.encode(Body(name: name, contentType: contentType, length: length)).data
        request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        request.setValue(language.rawValue, forHTTPHeaderField: "Accept-Language")
        if let header = settings.authentication.header {
            request.setValue(header.value, forHTTPHeaderField: header.name)
        }
        let (seconds, attoseconds) = settings.timeout.components
        // Only a backstop: swift-corelibs-foundation treats this as an idle timeout in whole seconds.
        request.timeoutInterval = TimeInterval(seconds + 1) + (attoseconds > 0 ? 1 : 0)

        let outcome = Mutex<Result?>(nil)
        let done = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: request)
        collector.register(task.taskIdentifier) { result in
            outcome.withLock { $0 = result }
            done.signal()
        }
        task.resume()
        let limit =
            DispatchTime.now()
            + .nanoseconds(
                Int(min(seconds, 3600)) * 1_000_000_000
                    + Int(attoseconds / 1_000_000_000))
        if done.wait(timeout: limit) == .timedOut {
            collector.forget(task.taskIdentifier)
            task.cancel()
            return .failed("no complete answer within \(Self.format(settings.timeout))")
        }
        return outcome.withLock { $0 } ?? .failed("the call ended without a result")
    }

    static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let value = Double(seconds) + Double(attoseconds) / 1e18
        return value == value.rounded() ? "\(Int(value)) s" : "\((value * 1000).rounded() / 1000) s"
    }
}

extension Array where Element == UInt8 {
    fileprivate var data: Data { Data(self) }
}

/// The delegate of the validation client's session: collects each answer under the size cap, refuses
/// redirects, and hands the result to the waiting call. All state lives in one `Mutex`, since delegate calls
/// arrive on the session's queue while calls register from request threads.
private final class AnswerCollector: NSObject, URLSessionDataDelegate, Sendable {
    private struct Exchange {
        var completion: @Sendable (FileValidationClient.Result) -> Void
        var status: Int?
        var body: [UInt8] = []
        var tooLarge = false
    }

    private let limit: Int
    private let exchanges = Mutex<[Int: Exchange]>([:])

    init(limit: Int) {
        self.limit = limit
    }

    func register(_ id: Int, completion: @escaping @Sendable (FileValidationClient.Result) -> Void) {
        exchanges.withLock { $0[id] = Exchange(completion: completion) }
    }

    func forget(_ id: Int) {
        _ = exchanges.withLock { $0.removeValue(forKey: id) }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        let proceed = exchanges.withLock { exchanges -> Bool in
            guard var exchange = exchanges[dataTask.taskIdentifier] else { return false }
            exchange.status = (response as? HTTPURLResponse)?.statusCode
            exchange.tooLarge = response.expectedContentLength > Int64(limit)
            exchanges[dataTask.taskIdentifier] = exchange
            return !exchange.tooLarge
        }
        completionHandler(proceed ? .allow : .cancel)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let overflow = exchanges.withLock { exchanges -> Bool in
            guard var exchange = exchanges[dataTask.taskIdentifier], !exchange.tooLarge else { return false }
            if exchange.body.count + data.count > limit {
                exchange.tooLarge = true
                exchange.body = []
            } else {
                exchange.body.append(contentsOf: data)
            }
            exchanges[dataTask.taskIdentifier] = exchange
            return exchange.tooLarge
        }
        if overflow { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let exchange = exchanges.withLock({ $0.removeValue(forKey: task.taskIdentifier) }) else { return }
        let result: FileValidationClient.Result
        let expected = task.response?.expectedContentLength ?? -1
        if exchange.tooLarge {
            result = .failed("the answer is larger than \(limit) bytes")
        } else if error != nil, exchange.status != nil, expected > Int64(exchange.body.count) {
            result = .failed("the answer was cut short (\(exchange.body.count) of \(expected) bytes)")
        } else if let error {
            result = .failed(Self.explain(error))
        } else if let status = exchange.status ?? (task.response as? HTTPURLResponse)?.statusCode {
            result = .answered(status: status, body: exchange.body)
        } else {
            result = .failed("the answer was not valid HTTP")
        }
        exchange.completion(result)
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }

    private static func explain(_ error: any Error) -> String {
        guard let urlError = error as? URLError else { return "the call failed: \(error)" }
        switch urlError.code {
        case .cannotConnectToHost: return "could not connect (connection refused or unreachable)"
        case .cannotFindHost, .dnsLookupFailed: return "the host was not found"
        case .networkConnectionLost: return "the connection closed before the answer was complete"
        case .timedOut: return "the connection stalled"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            return "the TLS connection failed"
        case .badServerResponse, .unsupportedURL: return "the endpoint sent no valid HTTP answer"
        default: return "the call failed (URLError \(urlError.code.rawValue))"
        }
    }
}
