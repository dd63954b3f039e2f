import Foundation
import Testing

/// Many clients at once, over keep-alive connections, on mixed policies: every decision must be the right one.
@Suite("Concurrency")
struct ConcurrencyTests {
    /// (policy path, name, type, expected decision code).
    static let cases: [(String, String, String?, String)] = [
        ("/validate", "Contrato.pdf", "application/pdf", "accepted"),
        ("/validate", "setup.exe", "application/x-msdownload", "name.not_accepted"),
        ("/validate", "foto.jpg", "image/jpg", "accepted"),
        ("/validate", "contrato\u{202E}fdp.exe", "application/pdf", "name.bidi_control"),
        ("/validate/pdf-only", "Contrato.pdf", "application/pdf", "accepted"),
        ("/validate/pdf-only", "Contrato.docx", nil, "name.not_accepted"),
        ("/validate/pdf-only", "Contrato.pdf", "text/html", "type.mismatch"),
        ("/validate/images", "photo.png", "image/png", "accepted"),
        ("/validate/images", "photo.pdf", "application/pdf", "name.not_accepted"),
        ("/validate/slow", "aaaa", nil, "accepted"),
        ("/validate/slow", Fixtures.catastrophicName, nil, "pattern.limit"),
    ]

    @Test("32 clients × 100 requests, mixed policies: all answered, every decision correct, all logged")
    func manyClients() async throws {
        try await HeavyTestGate.run {
            let server = try TestService(policies: try PolicyFolder.standard(), nameLogging: .none)
            defer { server.stop() }
            let clients = 32
            let perClient = 100
            let threads = 4  // each drives 8 keep-alive connections: a request on each, then the 8 answers
            let wrong = Collector()
            let answered = Counter()
            let start = ContinuousClock.now
            let workers = (0..<threads).map { worker in
                Thread.detached {
                    do {
                        let mine = Array(stride(from: worker, to: clients, by: threads))
                        let connections = try mine.map { _ in try RawConnection(port: server.port, timeout: 20) }
                        for index in 0..<perClient {
                            let cases = mine.map { Self.cases[($0 * 7 + index) % Self.cases.count] }
                            for (connection, (path, name, type, _)) in zip(connections, cases) {
                                try connection.send(
                                    method: "POST", target: path, headers: [("Content-Type", "application/json")],
                                    body: Array(TestService.body(name, type, nil).utf8))
                            }
                            for (connection, (path, name, _, code)) in zip(connections, cases) {
                                let response = try connection.readResponse()
                                let policy = path == "/validate" ? "default" : String(path.dropFirst(10))
                                if response.status != 200 || response.decisionCode != code
                                    || response.accept != (code == "accepted")
                                    || response.header("X-UploadGate-Policy") != policy
                                {
                                    wrong.add("\(path) \(name): \(response.status) \(response.decisionCode ?? "-")")
                                }
                                answered.add()
                            }
                        }
                    } catch {
                        wrong.add("worker \(worker): \(error)")
                    }
                }
            }
            for worker in workers { await worker.wait() }
            let elapsed = ContinuousClock.now - start
            #expect(wrong.all.isEmpty, "\(wrong.all.count) wrong answers, e.g. \(wrong.all.prefix(3))")
            #expect(answered.value == clients * perClient)
            #expect(elapsed < .seconds(30))
            let lines = server.decisionLines
            #expect(lines.count == clients * perClient)
            let ids = lines.compactMap { line in line.firstMatch(of: /"decision_id":"([^"]+)"/).map { String($0.1) } }
            #expect(Set(ids).count == lines.count)
            let metrics = try await server.metrics()
            #expect(metrics.sum("uploadgate_decisions_total", where: [:]) == Double(clients * perClient))
            #expect(metrics.value("uploadgate_pattern_limit_hits_total", ["policy": "slow"]) > 0)
        }
    }

    @Test("Concurrent URLSession calls are answered correctly")
    func urlSession() async throws {
        let server = Shared.standard
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<48 {
                group.addTask {
                    let (path, name, type, code) = Self.cases[index % Self.cases.count]
                    let response = try await URLSessionClient.validate(
                        port: server.port, path: path, json: TestService.body(name, type, nil))
                    return response.status == 200 && response.header("X-UploadGate-Decision") == code
                }
            }
            var correct = 0
            for try await ok in group where ok { correct += 1 }
            #expect(correct == 48)
        }
    }
}
