import Foundation
import Testing

@testable import UploadGateServer

/// `/healthz`, `/readyz`, `/metrics` and `/policies`, and the counters moving as requests are answered.
@Suite("Operations routes")
struct OperationsTests {
    @Test("healthz and readyz answer JSON")
    func probes() async throws {
        let server = Shared.standard
        let health = try await URLSessionClient.send(port: server.port, method: "GET", path: "/healthz")
        #expect(health.status == 200)
        #expect(health.text == #"{"status":"ok"}"#)
        let ready = try await URLSessionClient.send(port: server.port, method: "GET", path: "/readyz")
        #expect(ready.status == 200)
        #expect(ready.json?["status"] as? String == "ready")
        #expect(ready.json?["policies"] as? Int == 4)
    }

    @Test("policies lists ids, the default and a content hash that changes with the file")
    func policies() async throws {
        let folder = try PolicyFolder()
        try folder.write("a", Fixtures.textPolicy(id: "default"))
        try folder.write("b", Fixtures.textPolicy(id: "texts"))
        let server = try TestService(policies: folder)
        defer { server.stop() }
        let first = try await server.exchange(method: "GET", "/policies")
        #expect(first.status == 200)
        let list = try #require(first.json?["policies"] as? [[String: Any]])
        #expect(list.map { $0["id"] as? String } == ["default", "texts"])
        #expect(list.map { $0["isDefault"] as? Bool } == [true, false])
        let hash = try #require(list[1]["contentHash"] as? String)
        #expect(hash.wholeMatch(of: /[0-9a-f]{16}/) != nil)
        #expect(list[1]["source"] as? String == folder.url.appendingPathComponent("b.json").path)

        try folder.write("b", Fixtures.textPolicy(id: "texts", title: "v2"))
        #expect(server.service.reloadPolicies())
        let second = try #require(
            try await server.exchange(method: "GET", "/policies").json?["policies"] as? [[String: Any]])
        #expect(second[1]["contentHash"] as? String != hash)
        #expect(second[1]["title"] as? String == "v2")
    }

    @Test("The listening line writes an IPv6 address in brackets, as --listen takes it")
    func listeningLineBracketsIPv6() async throws {
        let server = try TestService { $0.http.host = "::1" }
        defer { server.stop() }
        #expect(server.loggedText.contains("listening address=[::1]:\(server.port) "), "\(server.loggedText)")
    }

    @Test("metrics: well-formed Prometheus text whose counters move with requests and decisions")
    func metricsMove() async throws {
        let server = try TestService(policies: try PolicyFolder.standard())
        defer { server.stop() }
        let before = try await server.metrics()
        #expect(before.types["uploadgate_http_requests_total"] == "counter")
        #expect(before.types["uploadgate_http_request_duration_seconds"] == "histogram")
        #expect(before.types["uploadgate_decisions_total"] == "counter")
        #expect(before.types["uploadgate_pattern_limit_hits_total"] == "counter")
        #expect(before.types["uploadgate_policy_reloads_total"] == "counter")
        #expect(before.types["uploadgate_policies_loaded"] == "gauge")
        #expect(before.value("uploadgate_policies_loaded") == 4)
        #expect(before.types["uploadgate_decision_log_dropped_lines_total"] == "counter")
        #expect(before.value("uploadgate_decision_log_dropped_lines_total") == 0)
        #expect(before.value("process_resident_memory_bytes") > 1_000_000)

        for _ in 0..<3 { _ = try await server.validate("a.pdf") }
        _ = try await server.validate("a.exe", policy: "pdf-only")
        _ = try await server.validate("a.pdf", type: "image/png", policy: "pdf-only")
        _ = try await server.exchange(json: "{")
        _ = try await server.exchange("/validate/nope", json: #"{"name":"a.pdf"}"#)
        _ = try await server.exchange(method: "GET", "/validate")
        _ = try await server.exchange(json: #"{"name":"a.pdf"}"#, contentType: "text/plain")
        _ = try await server.exchange(method: "GET", "/does/not/exist/\(UUID())")
        _ = try await server.exchange(method: "HEAD", "/healthz")

        let after = try await server.metrics()
        let requests = "uploadgate_http_requests_total"
        #expect(after.value(requests, ["route": "/validate", "method": "POST", "status": "200"]) == 3)
        #expect(after.value(requests, ["route": "/validate/{policy}", "method": "POST", "status": "200"]) == 2)
        #expect(after.value(requests, ["route": "/validate", "method": "POST", "status": "400"]) == 1)
        #expect(after.value(requests, ["route": "/validate/{policy}", "method": "POST", "status": "404"]) == 1)
        #expect(after.value(requests, ["route": "/validate", "method": "GET", "status": "405"]) == 1)
        #expect(after.value(requests, ["route": "/validate", "method": "POST", "status": "415"]) == 1)
        #expect(after.value(requests, ["route": "other", "method": "GET", "status": "404"]) == 1)
        #expect(after.value(requests, ["route": "/healthz", "method": "HEAD", "status": "200"]) == 1)
        #expect(after.value(requests, ["route": "/metrics", "method": "GET", "status": "200"]) == 1)

        let decisions = "uploadgate_decisions_total"
        #expect(after.value(decisions, ["policy": "default", "code": "accepted"]) == 3)
        #expect(after.value(decisions, ["policy": "pdf-only", "code": "name.not_accepted"]) == 1)
        #expect(after.value(decisions, ["policy": "pdf-only", "code": "type.mismatch"]) == 1)

        let histogram = "uploadgate_http_request_duration_seconds"
        let count = after.value(histogram + "_count", ["route": "/validate"])
        #expect(count == 6)  // every request routed to /validate, whatever its status
        #expect(after.value(histogram + "_bucket", ["route": "/validate", "le": "+Inf"]) == count)
        #expect(after.value(histogram + "_sum", ["route": "/validate"]) > 0)
        var previous = 0.0
        for bound in MetricNames.latencyBuckets {
            let value = after.value(histogram + "_bucket", ["route": "/validate", "le": PrometheusText.number(bound)])
            #expect(value >= previous)
            previous = value
        }
        // No label value comes from the client: the random path is counted under "other".
        #expect(!after.values.keys.contains { $0.contains("does/not/exist") })
    }

    @Test("A catastrophic pattern hits the PCRE2 limit: refused with pattern.limit, counted, and fast")
    func patternLimit() async throws {
        let server = try TestService(policies: try PolicyFolder.standard())
        defer { server.stop() }
        let response = try await server.validate(Fixtures.catastrophicName, policy: "slow")
        #expect(response.status == 200)
        #expect(response.accept == false)
        #expect(response.decisionCode == "pattern.limit")
        #expect(response.header("X-UploadGate-Rule") == "accept[0]")
        #expect(try await server.validate("aaaa", policy: "slow").accept == true)
        let metrics = try await server.metrics()
        #expect(metrics.value("uploadgate_pattern_limit_hits_total", ["policy": "slow"]) == 1)
        #expect(metrics.value("uploadgate_decisions_total", ["policy": "slow", "code": "pattern.limit"]) == 1)
        #expect(server.decisions.last?["code"] as? String == "accepted")
        #expect(server.decisions.first?["code"] as? String == "pattern.limit")
        // Stopped early: the evaluation itself (as the decision log times it) took well under a second.
        #expect((server.decisions.first?["duration_us"] as? Int ?? .max) < 500_000)
    }
}
