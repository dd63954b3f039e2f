import Foundation
import Synchronization
import Testing

@testable import RestPkiCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

enum Fixture {
    /// A key of the documented shape, `<appName>|<64 hex chars>`.
    static let apiKey = "testapp|" + String(repeating: "0123456789abcdef", count: 4)

    /// Polling fast enough for tests.
    static let fastPolling = SessionPollPolicy(
        minimumPollInterval: .milliseconds(20), pendingInitialDelay: .milliseconds(20),
        pendingMaximumDelay: .milliseconds(80), retryInitialDelay: .milliseconds(20),
        retryMaximumDelay: .milliseconds(80), maximumRetries: 3)

    static let fastOptions = RestPkiCoreClient.Options(
        requestTimeout: .seconds(5), longPollTimeout: .seconds(5), polling: fastPolling)

    static func client(
        _ server: LoopbackHTTPServer, path: String = "/", options: RestPkiCoreClient.Options = fastOptions,
        apiKey: String = apiKey, session: URLSession? = nil, logger: RestPkiLogger = .disabled
    ) -> RestPkiCoreClient {
        RestPkiCoreClient(
            endpoint: URL(string: "http://127.0.0.1:\(server.port)\(path)")!, apiKey: apiKey, session: session,
            options: options, logger: logger)
    }
}

/// Runs `body` and returns the `RestPkiError` it throws, or nil if it succeeds. Any other error is an issue.
func failure<T>(_ body: () async throws -> T) async -> RestPkiError? {
    do {
        _ = try await body()
        return nil
    } catch let error as RestPkiError {
        return error
    } catch {
        Issue.record("threw \(type(of: error)), not RestPkiError: \(error)")
        return nil
    }
}

/// A thread-safe list, for collecting callbacks and log records.
final class Collector<Element: Sendable>: Sendable {
    private let storage = Mutex<[Element]>([])
    func append(_ element: Element) { storage.withLock { $0.append(element) } }
    var all: [Element] { storage.withLock { $0 } }
}

/// A thread-safe counter, for handlers that answer differently over time.
final class Counter: Sendable {
    private let value = Mutex(0)
    /// Increments and returns the new value.
    func next() -> Int {
        value.withLock {
            $0 += 1
            return $0
        }
    }
}

/// Seconds elapsed since `start`.
func elapsed(since start: ContinuousClock.Instant) -> Double { (ContinuousClock.now - start).seconds }

/// Polls `condition` every 10 ms until it holds or `timeout` passes; returns whether it held.
func eventually(within timeout: Duration = .seconds(5), _ condition: () -> Bool) async -> Bool {
    let end = ContinuousClock.now + timeout
    while ContinuousClock.now < end {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}
