import Foundation
import HTTPServer
import RestPkiCore
import RestPkiCoreEmulator
import Synchronization
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// An emulator started for one test, with a client and a control client pointed at it.
struct EmulatorFixture {
    let emulator: RestPkiEmulator
    let client: RestPkiCoreClient
    let control: EmulatorControlClient

    var baseURL: URL { emulator.baseURL! }

    /// Polling fast enough for tests.
    static let fastOptions = RestPkiCoreClient.Options(
        requestTimeout: .seconds(10), longPollTimeout: .seconds(10),
        polling: SessionPollPolicy(
            minimumPollInterval: .milliseconds(20), pendingInitialDelay: .milliseconds(20),
            pendingMaximumDelay: .milliseconds(80), retryInitialDelay: .milliseconds(20),
            retryMaximumDelay: .milliseconds(80), maximumRetries: 2))

    /// A request that lets the user upload and come back to an app URL.
    static let uploadRequest = CreateSignatureSessionRequest(
        returnUrl: URL(string: "https://app.example/back?order=7")!)
}

/// Runs `body` with a started emulator, and always shuts it down (off the Swift concurrency threads).
func withEmulator<T>(
    _ configuration: RestPkiEmulator.Configuration = .init(longPollWindow: .milliseconds(300)),
    _ body: (EmulatorFixture) async throws -> T
) async throws -> T {
    let emulator = try RestPkiEmulator(configuration: configuration)
    try emulator.start()
    let fixture = EmulatorFixture(
        emulator: emulator,
        client: RestPkiCoreClient(
            endpoint: emulator.baseURL!, apiKey: RestPkiEmulator.Configuration.defaultAPIKey,
            options: EmulatorFixture.fastOptions),
        control: EmulatorControlClient(baseURL: emulator.baseURL!))
    let outcome: Result<T, any Error>
    do {
        outcome = .success(try await body(fixture))
    } catch {
        outcome = .failure(error)
    }
    try? await blocking { emulator.shutdown() }
    return try outcome.get()
}

/// Runs blocking work (a server's shutdown) on a thread of its own, without holding a Swift concurrency thread.
func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

/// One raw HTTP exchange, for checking the wire itself.
struct RawReply {
    let status: Int
    let headers: [String: String]
    let body: Data

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as a JSON object.
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
    }
}

/// Sends one request with exactly the given headers (plus what URLSession always adds).
func raw(
    _ method: String, _ url: URL, headers: [String: String] = [:], body: String? = nil
) async throws -> RawReply {
    var request = URLRequest(url: url)
    request.httpMethod = method
    for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
    request.httpBody = body.map { Data($0.utf8) }
    let (data, response) = try await URLSession.shared.data(for: request)
    let http = response as! HTTPURLResponse
    var fields: [String: String] = [:]
    for (name, value) in http.allHeaderFields { fields[String(describing: name).lowercased()] = "\(value)" }
    return RawReply(status: http.statusCode, headers: fields, body: data)
}

/// The headers of an API call with the emulator's default key.
let keyed = ["X-Api-Key": RestPkiEmulator.Configuration.defaultAPIKey, "Content-Type": "application/json"]

/// Runs `body` and returns the `RestPkiError` it throws, or nil if it succeeds.
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

/// A thread-safe list of the requests a stub received.
final class RequestRecorder: Sendable {
    private let list = Mutex<[HTTPRequest]>([])
    func append(_ request: HTTPRequest) { list.withLock { $0.append(request) } }
    var all: [HTTPRequest] { list.withLock { $0 } }
}

/// A validation endpoint stub on loopback that records each request and answers with `answer`.
final class StubEndpoint: Sendable {
    let server: HTTPServer
    let recorder: RequestRecorder

    init(answer: @escaping @Sendable (HTTPRequest) -> HTTPResponse) throws {
        let recorder = RequestRecorder()
        var configuration = HTTPServer.Configuration(host: "127.0.0.1", port: 0)
        configuration.threading = .threadPerConnection
        self.recorder = recorder
        self.server = HTTPServer(
            configuration: configuration,
            handler: HTTPClosureHandler { request in
                recorder.append(request)
                return answer(request)
            })
        try server.start()
    }

    deinit { server.shutdown(gracePeriod: .zero) }

    var url: URL { URL(string: "http://127.0.0.1:\(server.port!)/validate")! }

    var requests: [HTTPRequest] { recorder.all }
}
