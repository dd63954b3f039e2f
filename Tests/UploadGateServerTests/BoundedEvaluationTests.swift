import Foundation
import HTTPServer
import Testing
import UploadPolicy

@testable import UploadGateServer

/// The endpoint over a policy of catastrophic patterns: every adversarial name gets a well-formed refusal with
/// `pattern.limit`, quickly, and each is counted in `uploadgate_pattern_limit_hits_total`.
@Suite("Bounded evaluation at the endpoint")
struct BoundedEvaluationEndpointTests {
    static let policy = #"""
        {"id": "catastrophic", "accept": [
          {"label": "bounded overlapping", "name": "(a|a){0,14}bc"}, {"label": "overlapping", "name": "^(a|aa)+$"},
          {"label": "nested", "name": "^(\\w+\\s?)*$"}, {"label": "repeats", "name": "(.*a){12}"}]}
        """#

    /// Names that make one of the patterns give up (none is accepted by an entry before it).
    static let names = [
        String(repeating: "a", count: 240) + "bc", String(repeating: "a", count: 30) + "!",
        String(repeating: "ab", count: 15) + "!",
        String(repeating: "b", count: 200) + String(repeating: "a", count: 11) + "!",
    ]

    @Test func everyAdversarialNameFailsClosedAndIsCounted() throws {
        let folder = try PolicyFolder()
        defer { folder.remove() }
        try folder.write("catastrophic", Self.policy)
        let mime = try MIMEDatabase.load(from: MIMEDatabase.defaultDirectory)
        let store = try PolicyStore(source: .directory(folder.path, defaultPolicyID: nil), mimeDatabase: mime)
        let metrics = Metrics()
        let devNull = open("/dev/null", O_WRONLY)
        let decisionLog = DecisionLog(mode: .none, descriptor: devNull)
        defer {
            decisionLog.stop()  // before the close: the number may be another test's log file a moment later
            close(devNull)
        }
        let handler = EndpointHandler(
            store: store, authenticator: .none, metrics: metrics, decisionLog: decisionLog, maxBodySize: 16384)

        for name in Self.names {
            let body = try JSONSerialization.data(withJSONObject: ["name": name, "contentType": "text/plain"])
            let request = HTTPRequest(
                method: .post, target: "/validate/catastrophic", headers: ["Content-Type": "application/json"],
                body: Array(body))
            let start = ContinuousClock.now
            let response = handler.respond(to: request)
            #expect(ContinuousClock.now - start < .milliseconds(50), "\(name.utf8.count) bytes")
            #expect(response.status.code == 200)
            #expect(response.headers[ValidationResponse.Header.decision] == "pattern.limit", "\(name)")
            let answer = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
            #expect(answer?["accept"] as? Bool == false)
            #expect((answer?["rejectReason"] as? String)?.isEmpty == false)
        }
        let samples = try PrometheusSamples(parsing: metrics.render())
        #expect(samples.value("uploadgate_pattern_limit_hits_total", ["policy": "catastrophic"]) == 4)
        #expect(samples.value("uploadgate_decisions_total", ["policy": "catastrophic", "code": "pattern.limit"]) == 4)
    }
}
