import Foundation
import Testing

@testable import RestPkiCore

/// Drives `SessionPollStateMachine` without any network, with a synthetic clock.
@Suite("SessionPollStateMachine")
struct SessionPollStateMachineTests {
    let t0 = ContinuousClock.now
    let id = UUID(uuidString: Samples.sessionId)!

    func at(_ seconds: Double) -> ContinuousClock.Instant { t0 + .milliseconds(Int((seconds * 1000).rounded())) }

    func session(_ status: SignatureSessionStatus) -> SignatureSessionModel {
        SignatureSessionModel(id: id, status: status)
    }

    func apiError(_ code: RestPkiErrorCode) -> RestPkiError {
        RestPkiError(.api(status: 422, body: ErrorModelV2(code: code, message: "m")), operation: "GET x")
    }

    static let unavailable = RestPkiError(.unexpectedStatus(503, summary: nil, excerpt: nil), operation: "GET x")
    static let refused = RestPkiError(.transport(reason: "refused"), operation: "GET x")

    /// A compact, comparable rendering of an action.
    func show(_ action: SessionPollStateMachine.Action) -> String {
        func ms(_ d: Duration) -> Int { Int((d.seconds * 1000).rounded()) }
        switch action {
        case .poll(let delay): return "poll \(ms(delay))ms"
        case .fetchSession(let delay): return "fetch \(ms(delay))ms"
        case .finished(let session): return "finished \(session.status)"
        case .deadlineExceeded: return "deadline"
        case .fail(let error): return "fail \(error.kind)"
        }
    }

    @Test("Happy path: poll, completed, read the session, finish")
    func happyPath() {
        var machine = SessionPollStateMachine(deadline: nil)
        #expect(show(machine.start(now: at(0))) == "poll 0ms")
        #expect(
            show(machine.received(SessionCompletionStatus(completed: true, progress: 100), now: at(3))) == "fetch 0ms")
        #expect(show(machine.received(session(.completed), now: at(3.1))) == "finished Completed")
        #expect(machine.progress == SessionWaitProgress(percent: 100, status: .completed, polls: 1))
    }

    @Test("completed:false polls again, no sooner than the minimum interval after the previous start")
    func minimumInterval() {
        var machine = SessionPollStateMachine(deadline: nil)
        _ = machine.start(now: at(0))
        #expect(
            show(machine.received(SessionCompletionStatus(completed: false, progress: 10), now: at(0.2)))
                == "poll 800ms")
        // The next poll started at 1.0 and the server held it for its 15-second window.
        #expect(
            show(machine.received(SessionCompletionStatus(completed: false, progress: 30), now: at(16))) == "poll 0ms")
        #expect(machine.progress.percent == 30)
        #expect(machine.progress.polls == 2)
    }

    @Test("Pending (422 BadSignatureSessionOperation) is read, then polled after a doubling pause, capped")
    func pendingBackoff() {
        var machine = SessionPollStateMachine(deadline: nil)
        _ = machine.start(now: at(0))
        var now = 0.0
        var pauses: [String] = []
        for _ in 0..<6 {
            now += 0.1
            #expect(show(machine.failed(apiError(.badSignatureSessionOperation), now: at(now))) == "fetch 0ms")
            pauses.append(show(machine.received(session(.pending), now: at(now))))
            now += 20
        }
        #expect(
            pauses == ["poll 2000ms", "poll 4000ms", "poll 8000ms", "poll 15000ms", "poll 15000ms", "poll 15000ms"])
        #expect(machine.progress.status == .pending)
    }

    @Test("Once processing, the pending pause starts over")
    func pendingResets() {
        var machine = SessionPollStateMachine(deadline: nil)
        _ = machine.start(now: at(0))
        _ = machine.failed(apiError(.badSignatureSessionOperation), now: at(0))
        _ = machine.received(session(.pending), now: at(0))  // pause 2 s, next 4 s
        _ = machine.failed(apiError(.badSignatureSessionOperation), now: at(2))
        #expect(show(machine.received(session(.processing), now: at(2))) == "poll 1000ms")
        _ = machine.received(SessionCompletionStatus(completed: false, progress: 50), now: at(18))
        _ = machine.failed(apiError(.badSignatureSessionOperation), now: at(19))
        #expect(show(machine.received(session(.pending), now: at(19))) == "poll 2000ms")
    }

    @Test(
        "A final status behind 422 BadSignatureSessionOperation is returned",
        arguments: ["Completed", "UserCancelled", "Expired", "ProcessingError", "SomethingNew"])
    func finalBehind422(status: String) {
        var machine = SessionPollStateMachine(deadline: nil)
        _ = machine.start(now: at(0))
        #expect(show(machine.failed(apiError(.badSignatureSessionOperation), now: at(0.1))) == "fetch 0ms")
        #expect(
            show(machine.received(session(SignatureSessionStatus(rawValue: status)), now: at(0.2)))
                == "finished \(status)")
    }

    @Test("completed:true but the session still reads Processing: poll again")
    func inconsistentServer() {
        var machine = SessionPollStateMachine(deadline: nil)
        _ = machine.start(now: at(0))
        _ = machine.received(SessionCompletionStatus(completed: true, progress: 100), now: at(1))
        #expect(show(machine.received(session(.processing), now: at(1))) == "poll 1000ms")
    }

    @Test("422 BackgroundProcessing: poll again after a pause")
    func backgroundProcessing() {
        var machine = SessionPollStateMachine(deadline: nil)
        _ = machine.start(now: at(0))
        #expect(show(machine.failed(apiError(.backgroundProcessing), now: at(0.1))) == "poll 2000ms")
    }

    @Test("Transient failures are retried with a doubling pause, then thrown")
    func transientRetries() {
        var machine = SessionPollStateMachine(deadline: nil)
        _ = machine.start(now: at(0))
        let shown = (0..<5).map { _ in show(machine.failed(Self.unavailable, now: at(1))) }
        #expect(shown == ["poll 1000ms", "poll 2000ms", "poll 4000ms", "poll 8000ms", "fail unexpectedStatus"])
    }

    @Test("A success resets the failure count")
    func retriesReset() {
        var machine = SessionPollStateMachine(deadline: nil)
        _ = machine.start(now: at(0))
        for _ in 0..<4 { _ = machine.failed(Self.refused, now: at(1)) }
        #expect(machine.consecutiveFailures == 4)
        _ = machine.received(SessionCompletionStatus(completed: false, progress: 1), now: at(20))
        #expect(machine.consecutiveFailures == 0)
        #expect(show(machine.failed(Self.refused, now: at(21))) == "poll 1000ms")
    }

    @Test("A failed session read is retried as a read")
    func fetchRetried() {
        var machine = SessionPollStateMachine(deadline: nil)
        _ = machine.start(now: at(0))
        _ = machine.received(SessionCompletionStatus(completed: true, progress: 100), now: at(1))
        #expect(show(machine.failed(Self.refused, now: at(1))) == "fetch 1000ms")
        #expect(show(machine.received(session(.completed), now: at(2))) == "finished Completed")
    }

    @Test("Retry pauses are capped")
    func retryCap() {
        var policy = SessionPollPolicy()
        policy.maximumRetries = 100
        var machine = SessionPollStateMachine(deadline: nil, policy: policy)
        _ = machine.start(now: at(0))
        var last = ""
        for _ in 0..<70 { last = show(machine.failed(Self.refused, now: at(1))) }
        #expect(last == "poll 30000ms")
    }

    @Test(
        "Errors that are not retried",
        arguments: [
            RestPkiError(.unauthorized(excerpt: nil), operation: "GET x"),
            RestPkiError(.forbidden(excerpt: nil), operation: "GET x"),
            RestPkiError(.api(status: 422, body: ErrorModelV2(code: .signatureSessionNotFound)), operation: "GET x"),
            RestPkiError(.unexpectedStatus(400, summary: nil, excerpt: nil), operation: "GET x"),
            RestPkiError(.unexpectedStatus(404, summary: nil, excerpt: nil), operation: "GET x"),
            RestPkiError(.invalidResponse(status: 200, expected: "x", problem: "y", excerpt: nil), operation: "GET x"),
            RestPkiError(.invalidArgument("bad"), operation: "GET x"),
            RestPkiError(.cancelled, operation: "GET x"),
        ])
    func notRetried(error: RestPkiError) {
        var machine = SessionPollStateMachine(deadline: nil)
        _ = machine.start(now: at(0))
        #expect(show(machine.failed(error, now: at(1))) == "fail \(error.kind)")
    }

    @Test("BadSignatureSessionOperation on a session read is not retried")
    func badOperationOnRead() {
        var machine = SessionPollStateMachine(deadline: nil)
        _ = machine.start(now: at(0))
        _ = machine.received(SessionCompletionStatus(completed: true, progress: 100), now: at(1))
        #expect(show(machine.failed(apiError(.badSignatureSessionOperation), now: at(1))) == "fail api")
    }

    @Test("A deadline already passed ends the wait before any call")
    func deadlineAtStart() {
        var machine = SessionPollStateMachine(deadline: at(0))
        #expect(show(machine.start(now: at(0))) == "deadline")
    }

    @Test("A pause that would run past the deadline ends the wait instead")
    func deadlineDuringPause() {
        var machine = SessionPollStateMachine(deadline: at(10))
        _ = machine.start(now: at(0))
        _ = machine.failed(apiError(.badSignatureSessionOperation), now: at(0))
        #expect(show(machine.received(session(.pending), now: at(7))) == "poll 2000ms")
        _ = machine.failed(apiError(.badSignatureSessionOperation), now: at(9.5))
        #expect(show(machine.received(session(.pending), now: at(9.5))) == "deadline")
        #expect(machine.summary == "after 0 long polls (status Pending)")
    }

    @Test("A call cut by the deadline ends the wait")
    func deadlineDuringCall() {
        var machine = SessionPollStateMachine(deadline: at(5))
        _ = machine.start(now: at(0))
        _ = machine.received(SessionCompletionStatus(completed: false, progress: 40), now: at(1))
        let cut = RestPkiError(.deadlineExceeded(progress: "during the call"), operation: "GET x")
        #expect(show(machine.failed(cut, now: at(5))) == "deadline")
        #expect(machine.summary == "after 1 long poll (last progress 40 %)")
    }
}

extension SessionPollStateMachineTests {
    @Test("The minimum interval counts from the real start of the poll when it is reported")
    func realStart() {
        var machine = SessionPollStateMachine(deadline: nil)
        _ = machine.start(now: at(0))
        machine.pollStarted(at: at(0.5))  // the pause overslept
        #expect(
            show(machine.received(SessionCompletionStatus(completed: false, progress: 1), now: at(0.6))) == "poll 900ms"
        )
    }
}
