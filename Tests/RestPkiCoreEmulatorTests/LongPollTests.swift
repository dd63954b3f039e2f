import Foundation
import RestPkiCore
import RestPkiCoreEmulator
import Synchronization
import Testing

/// `when-completed`: held for the window while `Processing`, answered early on completion.
@Suite struct LongPollTests {
    /// A `Processing` session: one accepted upload, completed with background processing.
    func processingSession(_ fixture: EmulatorFixture) async throws -> UUID {
        let id = try await fixture.client.createSignatureSession(.init(enableBackgroundProcessing: true)).sessionId
        _ = try await fixture.control.upload(sessionId: id, name: "a.pdf", contentType: "application/pdf", length: 9)
        #expect(try await fixture.control.complete(sessionId: id).status == .processing)
        return id
    }

    @Test func holdsForTheWindowAndReportsProgress() async throws {
        try await withEmulator(.init(longPollWindow: .milliseconds(400))) { fixture in
            let id = try await processingSession(fixture)
            _ = try await fixture.control.reportProgress(sessionId: id, percent: 40)
            let start = ContinuousClock.now
            let status = try await fixture.client.completionStatus(id: id)
            let elapsed = ContinuousClock.now - start
            #expect(!status.completed && status.progress == 40)
            #expect(elapsed >= .milliseconds(380), "answered after \(elapsed)")
            #expect(elapsed < .seconds(3), "answered after \(elapsed)")
        }
    }

    @Test func answersAsSoonAsProcessingCompletes() async throws {
        try await withEmulator(.init(longPollWindow: .seconds(20))) { fixture in
            let id = try await processingSession(fixture)
            let start = ContinuousClock.now
            async let status = fixture.client.completionStatus(id: id)
            try await Task.sleep(for: .milliseconds(200))
            _ = try await fixture.control.reportProgress(sessionId: id, percent: 60)
            _ = try await fixture.control.reportProgress(sessionId: id, percent: 100)
            let answer = try await status
            #expect(answer.completed && answer.progress == 100)
            #expect(ContinuousClock.now - start < .seconds(5))
        }
    }

    @Test func waitForCompletionFollowsBackgroundProcessing() async throws {
        try await withEmulator(.init(longPollWindow: .milliseconds(150))) { fixture in
            let id = try await processingSession(fixture)
            let seen = ProgressLog()
            async let final = fixture.client.waitForCompletion(id: id, timeout: .seconds(20)) { seen.add($0.percent) }
            try await Task.sleep(for: .milliseconds(250))
            _ = try await fixture.control.reportProgress(sessionId: id, percent: 50)
            try await Task.sleep(for: .milliseconds(350))
            _ = try await fixture.control.reportProgress(sessionId: id, percent: 100)
            let session = try await final
            #expect(session.status == .completed)
            #expect(session.documents.allSatisfy { $0.status == .completed && $0.signedFile != nil })
            #expect(seen.values.contains(50))
        }
    }

    @Test func shutdownReleasesLongPolls() async throws {
        let emulator = try RestPkiEmulator(configuration: .init(longPollWindow: .seconds(30)))
        try emulator.start()
        let client = RestPkiCoreClient(
            endpoint: emulator.baseURL!, apiKey: RestPkiEmulator.Configuration.defaultAPIKey,
            options: EmulatorFixture.fastOptions)
        let control = EmulatorControlClient(baseURL: emulator.baseURL!)
        let id = try await client.createSignatureSession(.init(enableBackgroundProcessing: true)).sessionId
        _ = try await control.upload(sessionId: id, name: "a.pdf", length: 1)
        _ = try await control.complete(sessionId: id)
        let start = ContinuousClock.now
        async let status = client.completionStatus(id: id)
        try await Task.sleep(for: .milliseconds(200))
        try await blocking { emulator.shutdown() }
        let answer = try await status
        #expect(!answer.completed)
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect(throws: RestPkiEmulatorError.self) { try emulator.start() }
    }
}

/// Progress values seen by a callback.
final class ProgressLog: Sendable {
    private let list = Mutex<[Double]>([])
    func add(_ value: Double?) { if let value { list.withLock { $0.append(value) } } }
    var values: [Double] { list.withLock { $0 } }
}
