import Foundation
import HTTPServer
import Testing
import UploadGateLogging
import UploadPolicy

@testable import UploadGateServer

#if canImport(Glibc)
    import Glibc
#endif

/// The package root, three levels above this file.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// A temporary folder of policy files, removed by ``remove()``.
final class PolicyFolder: Sendable {
    let url: URL
    var path: String { url.path }

    /// An empty folder.
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("uploadgate-policies-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The shipped `default`, `pdf-only` and `images` policies plus `slow`, whose pattern backtracks
    /// catastrophically, so its evaluations hit the PCRE2 match limit.
    static func standard() throws -> PolicyFolder {
        let folder = try PolicyFolder()
        for name in ["default", "pdf-only", "images"] {
            try folder.copyShipped(name)
        }
        try folder.write("slow", Fixtures.slowPolicy)
        return folder
    }

    func copyShipped(_ name: String) throws {
        let source = packageRoot.appendingPathComponent("Policies/\(name).json")
        try Data(contentsOf: source).write(to: url.appendingPathComponent("\(name).json"))
    }

    /// Writes `<file>.json`, atomically.
    func write(_ file: String, _ json: String) throws {
        try Data(json.utf8).write(to: url.appendingPathComponent("\(file).json"), options: .atomic)
    }

    func delete(_ file: String) throws {
        try FileManager.default.removeItem(at: url.appendingPathComponent("\(file).json"))
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Policies written for the tests.
enum Fixtures {
    /// Accepts names made of `a`s; `(a+)+$` backtracks exponentially on `aaaa…!`.
    static let slowPolicy = """
        {"id": "slow", "accept": [{"label": "a run", "name": "^(a+)+$", "types": ["text/plain"]}],
         "options": {"emptyType": "accept"}}
        """
    /// A name that makes the slow pattern hit the match limit.
    static let catastrophicName = String(repeating: "a", count: 40) + "!"

    /// A tiny policy accepting only `.txt`, with an id and title to tell versions apart.
    static func textPolicy(id: String, title: String = "v1") -> String {
        """
        {"id": "\(id)", "title": "\(title)", "accept": [{"label": "text", "name": "\\\\.txt$", "types": ["text/plain"]}]}
        """
    }

    /// A policy that does not compile: an unterminated class and an unknown key.
    static let brokenPolicy = """
        {"id": "broken", "accept": [{"label": "x", "name": "[a-", "types": []}], "limits": {"maxSzie": 1}}
        """
}

/// A ``ValidationService`` on 127.0.0.1 at an ephemeral port, with its logger recorded and its decision log
/// written to a temporary file.
final class TestService: @unchecked Sendable {  // fields are set once in init and only read afterwards
    let service: ValidationService
    let port: Int
    let sink = RecordingLogSink()
    let policies: PolicyFolder?
    private let decisionLogURL: URL
    private let decisionLogDescriptor: Int32

    /// Starts a service.
    /// - Parameters:
    ///   - policies: A folder to serve, or nil for the embedded default policy.
    ///   - defaultPolicy: The default policy id for a folder.
    ///   - authenticator: Who may call.
    ///   - nameLogging: Decision-log name mode (full by default, so tests can read names).
    ///   - configure: Further changes (limits, timeouts).
    init(
        policies: PolicyFolder? = nil, defaultPolicy: String? = nil, authenticator: Authenticator = .none,
        nameLogging: NameLogging = .full, configure: (inout ServiceConfiguration) -> Void = { _ in }
    ) throws {
        self.policies = policies
        decisionLogURL = FileManager.default.temporaryDirectory.appendingPathComponent(
            "uploadgate-decisions-\(UUID().uuidString).jsonl")
        decisionLogDescriptor = open(decisionLogURL.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        var http = HTTPServer.Configuration(host: "127.0.0.1", port: 0)
        http.threading = .pool(threads: 2)
        http.connectionTimeout = .seconds(2)
        var configuration = ServiceConfiguration(
            policySource: policies.map { .directory($0.path, defaultPolicyID: defaultPolicy) } ?? .embedded,
            authenticator: authenticator, nameLogging: nameLogging, http: http,
            decisionLogDescriptor: decisionLogDescriptor)
        configure(&configuration)
        service = try ValidationService(
            configuration: configuration, logger: Logger(label: "test", level: .trace, sink: sink))
        try service.start()
        port = try #require(service.port)
    }

    /// Shuts the service down and removes its files, on a thread of its own: a shutdown waits for requests
    /// still in flight (a test's half-sent request, say), and that wait must not hold a cooperative thread.
    func stop() {
        _ = JoinableThread.start { [self] in
            service.shutdown(gracePeriod: .seconds(2))
            close(decisionLogDescriptor)
            try? FileManager.default.removeItem(at: decisionLogURL)
            policies?.remove()
        }
    }

    /// Every decision line written so far (flushed first).
    var decisionLines: [String] {
        service.decisionLog.flush()
        let text = (try? String(contentsOf: decisionLogURL, encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// The decision lines parsed as JSON objects.
    var decisions: [[String: Any]] {
        decisionLines.compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
    }

    /// Every logged line as the stderr sink would print it (message and metadata), for secret checks.
    var loggedText: String {
        sink.records.map { record in
            ([record.message] + record.metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
                .joined(separator: " ")
        }.joined(separator: "\n")
    }

    /// One request on a new connection, made on a thread of its own (the socket calls block).
    func exchange(
        method: String = "POST", _ target: String = "/validate", headers: [(String, String)] = [],
        json: String? = nil, body: [UInt8]? = nil, contentType: String? = "application/json"
    ) async throws -> RawResponse {
        try await offPool { [self] in
            try exchangeBlocking(
                method: method, target, headers: headers, json: json, body: body, contentType: contentType)
        }
    }

    private func exchangeBlocking(
        method: String = "POST", _ target: String = "/validate", headers: [(String, String)] = [],
        json: String? = nil, body: [UInt8]? = nil, contentType: String? = "application/json"
    ) throws -> RawResponse {
        var all = headers
        if let contentType, json != nil || body != nil { all.append(("Content-Type", contentType)) }
        let connection = try RawConnection(port: port)
        return try connection.exchange(
            method: method, target: target, headers: all, body: body ?? json.map { Array($0.utf8) } ?? [])
    }

    /// POSTs a file's description to `/validate` or `/validate/{policy}`.
    func validate(
        _ name: String, type: String? = nil, length: Int64? = nil, policy: String? = nil,
        headers: [(String, String)] = []
    ) async throws -> RawResponse {
        try await exchange(
            policy.map { "/validate/\($0)" } ?? "/validate", headers: headers, json: Self.body(name, type, length))
    }

    static func body(_ name: String, _ type: String?, _ length: Int64?) -> String {
        var object: [String: Any] = ["name": name]
        if let type { object["contentType"] = type }
        if let length { object["length"] = length }
        let data = try! JSONSerialization.data(withJSONObject: object)
        return String(decoding: data, as: UTF8.self)
    }

    /// `/metrics`, parsed.
    func metrics() async throws -> PrometheusSamples {
        let response = try await exchange(method: "GET", "/metrics")
        try #require(response.status == 200)
        return try PrometheusSamples(parsing: response.text)
    }
}

/// Servers shared by tests that only read (no metric deltas, no decision-log checks); they live as long as
/// the test process. Their idle timeout is long because URLSession pools connections across tests: a pooled
/// connection the server closes for idleness just as the client reuses it is reset (the usual keep-alive race).
enum Shared {
    /// The embedded default policy, no authentication.
    static let embedded = try! TestService { $0.http.connectionTimeout = .seconds(60) }
    /// The standard folder (`default`, `pdf-only`, `images`, `slow`), no authentication.
    static let standard = try! TestService(policies: PolicyFolder.standard()) {
        $0.http.connectionTimeout = .seconds(60)
    }
}

extension RawResponse {
    /// `accept` of a validation answer.
    var accept: Bool? { json?["accept"] as? Bool }
    /// `rejectReason` of a validation answer (nil for JSON null or absent).
    var rejectReason: String? { json?["rejectReason"] as? String }
    /// The deciding code header.
    var decisionCode: String? { header("X-UploadGate-Decision") }
}
