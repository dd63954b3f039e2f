import Foundation
import Testing

@testable import UploadGateServer

/// Reloading the policy folder: a good set is swapped in whole, a broken one is refused, logged and counted
/// while the old one keeps answering, and requests racing reloads always see one whole set.
@Suite("Reload")
struct ReloadTests {
    @Test("A good new set is served after reload; reloads are counted")
    func goodReload() async throws {
        let folder = try PolicyFolder()
        try folder.write("default", Fixtures.textPolicy(id: "default"))
        let server = try TestService(policies: folder)
        defer { server.stop() }
        #expect(try await server.validate("a.txt", type: "text/plain").accept == true)
        #expect(try await server.validate("a.txt", policy: "pdf-only").status == 404)

        try folder.copyShipped("pdf-only")
        try folder.write("default", #"{"id": "default", "accept": [{"label": "CSV", "name": "\\.csv$"}]}"#)
        #expect(server.service.reloadPolicies())

        #expect(try await server.validate("a.txt", type: "text/plain").decisionCode == "name.not_accepted")
        #expect(try await server.validate("a.csv").accept == true)
        #expect(try await server.validate("a.pdf", type: "application/pdf", policy: "pdf-only").accept == true)
        let metrics = try await server.metrics()
        #expect(metrics.value("uploadgate_policy_reloads_total", ["result": "success"]) == 1)
        #expect(metrics.value("uploadgate_policy_reloads_total", ["result": "failure"]) == 0)
        #expect(metrics.value("uploadgate_policies_loaded") == 2)
        #expect(
            server.sink.records.contains {
                $0.message == "policies reloaded" && $0.metadata["policies"] == "default,pdf-only"
            })
    }

    @Test("A broken set is refused with every error logged and counted; the old set keeps serving")
    func brokenReload() async throws {
        let folder = try PolicyFolder()
        try folder.write("default", Fixtures.textPolicy(id: "default"))
        let server = try TestService(policies: folder)
        defer { server.stop() }

        try folder.write("broken", Fixtures.brokenPolicy)
        try folder.write(
            "default", Fixtures.textPolicy(id: "default", title: "v2").replacingOccurrences(of: "txt", with: "csv"))
        #expect(!server.service.reloadPolicies())

        #expect(try await server.validate("a.txt", type: "text/plain").accept == true)  // still the old set
        #expect(try await server.validate("a.csv").accept == false)
        #expect(try await server.exchange(method: "GET", "/readyz").json?["policies"] as? Int == 1)
        let metrics = try await server.metrics()
        #expect(metrics.value("uploadgate_policy_reloads_total", ["result": "failure"]) == 1)
        #expect(metrics.value("uploadgate_policy_reloads_total", ["result": "success"]) == 0)
        #expect(metrics.value("uploadgate_policies_loaded") == 1)
        let record = try #require(server.sink.records.first { $0.level == .error })
        #expect(record.message == "policy reload refused; the previous policies keep serving")
        #expect(record.metadata["errors"] == "3")
        let detail = record.metadata["detail"] ?? ""
        #expect(detail.contains("broken.json: accept[0].name: offset 3:"))
        #expect(detail.contains("[policy.pattern_invalid]"))
        #expect(detail.contains("limits.maxSzie"))

        // Fixing the folder makes the next reload succeed.
        try folder.delete("broken")
        #expect(server.service.reloadPolicies())
        #expect(try await server.validate("a.csv").accept == true)
    }

    @Test("An emptied or vanished folder is refused too")
    func vanishedFolder() async throws {
        let folder = try PolicyFolder()
        try folder.write("default", Fixtures.textPolicy(id: "default"))
        let server = try TestService(policies: folder)
        defer { server.stop() }
        try folder.delete("default")
        #expect(!server.service.reloadPolicies())
        try FileManager.default.removeItem(at: folder.url)
        #expect(!server.service.reloadPolicies())
        #expect(try await server.validate("a.txt", type: "text/plain").accept == true)
        #expect(try await server.metrics().value("uploadgate_policy_reloads_total", ["result": "failure"]) == 2)
    }

    @Test("Requests from 4 clients racing 40 reloads between two versions are all answered, each by one whole version")
    func concurrentReloads() async throws {
        try await HeavyTestGate.run { try await raceReloads() }
    }

    private func raceReloads() async throws {
        let folder = try PolicyFolder()
        // Version A accepts .txt in both policies; version B accepts .csv in both. A mix would show as a
        // request whose two policies disagree within one version's window, or as a 5xx.
        let versionA = ("txt", "text/plain")
        let versionB = ("csv", "text/csv")
        func write(_ version: (String, String)) throws {
            for id in ["default", "second"] {
                try folder.write(
                    id,
                    #"{"id": "\#(id)", "title": "\#(version.0)", "accept": [{"label": "x", "name": "\\.\#(version.0)$"}]}"#
                )
            }
        }
        try write(versionA)
        let server = try TestService(policies: folder)
        defer { server.stop() }

        let stop = Flag()
        let failures = Counter()
        let answered = Counter()
        let clients = (0..<4).map { index in
            Thread.detached {
                guard let connection = try? RawConnection(port: server.port) else { return failures.add() }
                while !stop.isSet {
                    let policy = index % 2 == 0 ? "/validate" : "/validate/second"
                    guard
                        let txt = try? connection.exchange(
                            target: policy, headers: [("Content-Type", "application/json")],
                            body: Array(#"{"name":"a.txt"}"#.utf8)),
                        let csv = try? connection.exchange(
                            target: policy, headers: [("Content-Type", "application/json")],
                            body: Array(#"{"name":"a.csv"}"#.utf8))
                    else { return failures.add() }
                    if txt.status != 200 || csv.status != 200 { failures.add() }
                    if txt.accept == nil || csv.accept == nil { failures.add() }
                    answered.add(2)
                }
            }
        }
        let mixed = Collector()
        let lister = Thread.detached {
            guard let connection = try? RawConnection(port: server.port) else { return failures.add() }
            while !stop.isSet {
                guard let listing = try? connection.exchange(method: "GET", target: "/policies"),
                    let policies = listing.json?["policies"] as? [[String: Any]]
                else { return failures.add() }
                let titles = Set(policies.compactMap { $0["title"] as? String })
                if titles.count != 1 || policies.count != 2 { mixed.add("\(titles)") }
            }
        }
        for round in 0..<40 {
            try write(round % 2 == 0 ? versionB : versionA)
            #expect(server.service.reloadPolicies())
            try await Task.sleep(for: .milliseconds(5))
        }
        stop.set()
        for client in clients { await client.wait() }
        await lister.wait()
        #expect(failures.value == 0)
        #expect(mixed.all.isEmpty, "a listing mixed two versions: \(mixed.all.prefix(3))")
        #expect(answered.value > 100)
        #expect(try await server.metrics().value("uploadgate_policy_reloads_total", ["result": "success"]) == 40)
        // Every decision line names a policy of the set; no request was decided by a half-built set.
        #expect(server.decisions.allSatisfy { ["default", "second"].contains($0["policy"] as? String ?? "") })
    }
}
