import Foundation
import Testing

@testable import RestPkiCore

/// `waitForCompletion` against a real HTTP server that plays a session's life.
@Suite("Waiting for completion over HTTP")
struct WaitForCompletionTests {
    let id = UUID(uuidString: Samples.sessionId)!

    static func isPoll(_ request: RecordedRequest) -> Bool { request.path.hasSuffix("/when-completed") }

    @Test("Pending (422), then processing, then completed: the completed session is returned")
    func fullLife() async throws {
        let polls = Counter()
        let reads = Counter()
        let server = try LoopbackHTTPServer { request in
            if Self.isPoll(request) {
                switch polls.next() {
                case 1: return .json(Samples.badOperation, status: 422)
                case 2: return .json(Samples.completion(false, 40))
                default: return .json(Samples.completion(true, 100))
                }
            }
            return reads.next() == 1 ? .json(Samples.session(status: "Pending")) : .json(Samples.completedSession)
        }
        let reports = Collector<SessionWaitProgress>()
        let session = try await Fixture.client(server).waitForCompletion(
            id: id, timeout: .seconds(10), progress: { reports.append($0) })
        #expect(session.status == .completed)
        #expect(session.documents.count == 1)
        let kinds = server.requests.map { Self.isPoll($0) ? "poll" : "get" }
        #expect(kinds == ["poll", "get", "poll", "poll", "get"])
        #expect(reports.all.map(\.percent) == [nil, 40, 100, 100])
        #expect(reports.all.map(\.status) == [.pending, .pending, .pending, .completed])
        #expect(reports.all.last == SessionWaitProgress(percent: 100, status: .completed, polls: 2))
    }

    @Test(
        "A final status behind 422 BadSignatureSessionOperation is returned, not thrown",
        arguments: ["UserCancelled", "Expired", "ProcessingError", "SomethingNew"])
    func finalStatus(status: String) async throws {
        let server = try LoopbackHTTPServer { request in
            Self.isPoll(request) ? .json(Samples.badOperation, status: 422) : .json(Samples.session(status: status))
        }
        let session = try await Fixture.client(server).waitForCompletion(id: id, timeout: .seconds(10))
        #expect(session.status.rawValue == status)
        #expect(server.requests.count == 2)
    }

    @Test("Transient failures are retried, then the wait goes on")
    func transientThenSuccess() async throws {
        let calls = Counter()
        let server = try LoopbackHTTPServer { request in
            let n = calls.next()
            if n <= 2 { return .text("<html>busy</html>", status: 503, contentType: "text/html") }
            return Self.isPoll(request) ? .json(Samples.completion(true, 100)) : .json(Samples.completedSession)
        }
        let session = try await Fixture.client(server).waitForCompletion(id: id, timeout: .seconds(10))
        #expect(session.status == .completed)
        #expect(server.requests.count == 4)
    }

    @Test("Transient failures that persist are thrown after the retries")
    func transientForever() async throws {
        let server = try LoopbackHTTPServer { _ in .json(#"{"exceptionCode":"X"}"#, status: 500) }
        let error = try #require(
            await failure {
                try await Fixture.client(server).waitForCompletion(id: id, timeout: .seconds(10))
            })
        #expect(error.kind == .unexpectedStatus)
        #expect(error.statusCode == 500)
        #expect(server.requests.count == Fixture.fastPolling.maximumRetries + 1)
    }

    @Test("An unknown session is thrown at once")
    func notFound() async throws {
        let server = try LoopbackHTTPServer { _ in .json(Samples.sessionNotFound, status: 422) }
        let error = try #require(
            await failure {
                try await Fixture.client(server).waitForCompletion(id: id, timeout: .seconds(10))
            })
        #expect(error.code == .signatureSessionNotFound)
        #expect(server.requests.count == 1)
    }

    @Test("A long poll that never answers is cut at the deadline")
    func deadlineDuringCall() async throws {
        let server = try LoopbackHTTPServer { _ in .hangs }
        let start = ContinuousClock.now
        let error = try #require(
            await failure {
                try await Fixture.client(server).waitForCompletion(id: id, deadline: .now + .milliseconds(400))
            })
        #expect(error.kind == .deadlineExceeded, "\(error)")
        #expect(elapsed(since: start) > 0.35)
        #expect(elapsed(since: start) < 2)
        #expect(
            error.description
                == "Gave up waiting for signature session \(Samples.sessionId): the deadline passed after 0 long polls."
        )
    }

    @Test("A session that stays pending ends at the deadline, saying so")
    func deadlineWhilePending() async throws {
        let server = try LoopbackHTTPServer { request in
            Self.isPoll(request) ? .json(Samples.badOperation, status: 422) : .json(Samples.session(status: "Pending"))
        }
        let client = Fixture.client(server)
        try await Self.warmUp(client)
        let start = ContinuousClock.now
        let error = try #require(
            await failure { try await client.waitForCompletion(id: id, timeout: .milliseconds(800)) })
        #expect(error.kind == .deadlineExceeded)
        #expect(error.description.contains("status Pending"), "\(error)")
        #expect(elapsed(since: start) < 3)
        #expect(server.requests.count >= 3)
    }

    /// Makes one call first, so that timing-sensitive tests do not measure a cold URLSession on a busy machine.
    static func warmUp(_ client: RestPkiCoreClient) async throws {
        _ = try? await client.signatureSession(id: UUID())
    }

    @Test("A server that answers completed:false at once is not hammered")
    func pacing() async throws {
        let arrivals = Collector<ContinuousClock.Instant>()
        let server = try LoopbackHTTPServer { _ in
            arrivals.append(.now)
            return .json(Samples.completion(false, 5))
        }
        var options = Fixture.fastOptions
        options.polling.minimumPollInterval = .milliseconds(100)
        let client = Fixture.client(server, options: options)
        try await Self.warmUp(client)
        let warmUpRequests = arrivals.all.count
        let error = try #require(
            await failure { try await client.waitForCompletion(id: id, timeout: .milliseconds(800)) })
        #expect(error.kind == .deadlineExceeded)
        #expect(error.description.contains("last progress 5 %"))
        // At most one poll per 100 ms (an unpaced loop would make hundreds).
        let times = Array(arrivals.all.dropFirst(warmUpRequests))
        #expect((2...9).contains(times.count), "\(times.count) polls")
        // Pacing is between the client's starts; arrivals at the server jitter with the machine's load.
        if let first = times.first, let last = times.last, times.count > 2 {
            let gap = (last - first).seconds / Double(times.count - 1)
            #expect(gap > 0.07, "polls \(gap) s apart on average")
        }
    }

    @Test("Cancelling the task ends the wait promptly, mid-call")
    func cancelMidCall() async throws {
        let server = try LoopbackHTTPServer { _ in .hangs }
        let client = Fixture.client(server)
        let start = ContinuousClock.now
        let task = Task { await failure { try await client.waitForCompletion(id: id) } }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        let error = try #require(await task.value)
        #expect(error.kind == .cancelled, "\(error)")
        #expect(error.description == "waiting for signature session \(Samples.sessionId) was cancelled.")
        #expect(elapsed(since: start) < 2)
    }

    @Test("Cancelling the task ends the wait promptly, mid-pause")
    func cancelMidPause() async throws {
        let server = try LoopbackHTTPServer { request in
            Self.isPoll(request) ? .json(Samples.badOperation, status: 422) : .json(Samples.session(status: "Pending"))
        }
        var options = Fixture.fastOptions
        options.polling.pendingInitialDelay = .seconds(30)
        let client = Fixture.client(server, options: options)
        let start = ContinuousClock.now
        let task = Task { await failure { try await client.waitForCompletion(id: id) } }
        #expect(await eventually { server.requests.count == 2 })
        try await Task.sleep(for: .milliseconds(50))
        let cancelledAt = ContinuousClock.now
        task.cancel()
        let error = try #require(await task.value)
        #expect(error.kind == .cancelled)
        #expect(server.requests.count == 2)
        #expect(elapsed(since: cancelledAt) < 1)
        #expect(elapsed(since: start) < 5)
    }
}
