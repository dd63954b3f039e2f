import Foundation
import Testing

@testable import RestPkiCore

/// Servers that misbehave in the ways that break clients: the client must answer each with a clear error,
/// never a crash or a hang.
@Suite("Hostile servers")
struct HostileServerTests {
    let id = UUID(uuidString: Samples.sessionId)!

    @Test("A body trickled byte by byte is cut by the total timeout, not an idle timeout")
    func trickle() async throws {
        let server = try LoopbackHTTPServer { _ in
            var response = CannedResponse.json(Samples.completedSession)
            response.trickle = .milliseconds(20)
            return response
        }
        var options = Fixture.fastOptions
        options.requestTimeout = .milliseconds(500)
        let start = ContinuousClock.now
        let error = try #require(
            await failure {
                try await Fixture.client(server, options: options).signatureSession(id: id)
            })
        #expect(error.kind == .timeout, "\(error)")
        #expect(elapsed(since: start) < 2)
    }

    @Test("A connection closed without an answer is a transport failure")
    func closedWithoutAnswer() async throws {
        let server = try LoopbackHTTPServer { _ in CannedResponse(closeWithoutAnswer: true) }
        let error = try #require(await failure { try await Fixture.client(server).signatureSession(id: id) })
        #expect(error.kind == .transport, "\(error)")
        #expect(error.description.contains("Could not complete GET api/signature-sessions/"))
    }

    @Test("JSON nested a hundred thousand levels deep is refused without a crash")
    func deepNesting() async throws {
        let body = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let server = try LoopbackHTTPServer { _ in .json(body) }
        let error = try #require(await failure { try await Fixture.client(server).signatureSession(id: id) })
        #expect(error.kind == .invalidResponse, "\(error)")
        #expect(error.bodyExcerpt?.count == ResponseInterpreter.excerptLength + 1)
    }

    @Test(
        "Odd bodies",
        arguments: [
            ("invalid UTF-8", Data([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D])),
            (
                "a number too large",
                Data(Samples.sessionWithDocument(#""originalFile":{"length":1e400}"#).utf8)
            ),
            ("a NUL byte", Data("{\"id\":\"\(Samples.sessionId)\",\"status\":\"Pen\u{0}ding\"".utf8)),
            ("only whitespace", Data("  \r\n\t ".utf8)),
            ("two objects", Data((Samples.pendingSessionSparse + Samples.pendingSessionSparse).utf8)),
        ])
    func oddBodies(note: String, body: Data) async throws {
        let server = try LoopbackHTTPServer { _ in CannedResponse(body: body) }
        let error = try #require(await failure { try await Fixture.client(server).signatureSession(id: id) })
        #expect(error.kind == .invalidResponse, "\(note): \(error)")
        #expect(!(error.bodyExcerpt ?? "").unicodeScalars.contains { $0.properties.generalCategory == .control })
    }

    @Test("A UTF-8 byte-order mark before the JSON is tolerated")
    func byteOrderMark() async throws {
        let server = try LoopbackHTTPServer { _ in
            CannedResponse(body: Data([0xEF, 0xBB, 0xBF]) + Data(Samples.pendingSessionSparse.utf8))
        }
        #expect(try await Fixture.client(server).signatureSession(id: id).status == .pending)
    }

    @Test("Many concurrent calls on one client each get their own answer")
    func concurrency() async throws {
        let server = try LoopbackHTTPServer { request in
            let id = request.path.split(separator: "/").last.map(String.init) ?? ""
            return .json("{\"id\":\"\(id)\",\"status\":\"Completed\"}")
        }
        let client = Fixture.client(server)
        let ids = (0..<40).map { _ in UUID() }
        let results = try await withThrowingTaskGroup(of: (UUID, UUID).self) { group in
            for id in ids { group.addTask { (id, try await client.signatureSession(id: id).id) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == ids.count)
        #expect(results.allSatisfy { $0.0 == $0.1 })
    }

    @Test("A status line the client does not know (e.g. 299, 599) is handled by class")
    func oddStatuses() async throws {
        let server = try LoopbackHTTPServer { request in
            request.path.hasSuffix("when-completed")
                ? .json(Samples.completion(true, 100), status: 299)
                : .json("{}", status: 599)
        }
        let client = Fixture.client(server)
        #expect(try await client.completionStatus(id: id).completed)
        #expect(await failure { try await client.signatureSession(id: id) }?.statusCode == 599)
    }

    @Test("Calls cancelled at random moments each end cleanly, as a result or as cancelled")
    func cancellationStorm() async throws {
        let counter = Counter()
        let server = try LoopbackHTTPServer { _ in
            var response = CannedResponse.json(Samples.pendingSessionSparse)
            response.delay = .milliseconds(counter.next() % 40)
            return response
        }
        let client = Fixture.client(server)
        let outcomes = await withTaskGroup(of: String.self) { group in
            for index in 0..<150 {
                group.addTask {
                    let task = Task { await failure { try await client.signatureSession(id: UUID()) } }
                    if index % 2 == 0 {
                        try? await Task.sleep(for: .milliseconds(index % 30))
                        task.cancel()
                    }
                    return await task.value?.kind.description ?? "ok"
                }
            }
            return await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(outcomes.count == 150)
        #expect(Set(outcomes).isSubset(of: ["ok", "cancelled"]), "\(Set(outcomes))")
    }
}
