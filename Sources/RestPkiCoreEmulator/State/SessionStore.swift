import Dispatch
import Foundation
import RestPkiCore
import Synchronization

/// Every session of one emulator, in memory behind one `Mutex`, plus the long polls waiting on them.
///
/// A long poll registers a semaphore under the same lock that reads the session's status, and every change
/// signals the semaphores of its session, so no change between the read and the wait is lost.
final class SessionStore: Sendable {
    private struct State {
        var sessions: [UUID: EmulatedSession] = [:]
        var waiters: [UUID: [DispatchSemaphore]] = [:]
        var closed = false
    }

    private let state = Mutex(State())

    /// Adds a new session.
    func insert(_ session: EmulatedSession) {
        state.withLock { $0.sessions[session.id] = session }
    }

    /// A copy of the session, or nil.
    func session(_ id: UUID) -> EmulatedSession? {
        state.withLock { $0.sessions[id] }
    }

    /// Whether a session with this id exists.
    func contains(_ id: UUID) -> Bool {
        state.withLock { $0.sessions[id] != nil }
    }

    /// The session holding a document, and the document.
    func document(_ id: UUID) -> (session: EmulatedSession, document: EmulatedDocument)? {
        state.withLock { state in
            for session in state.sessions.values {
                if let document = session.documents.first(where: { $0.id == id }) { return (session, document) }
            }
            return nil
        }
    }

    /// Applies `change` to a session and wakes its long polls.
    ///
    /// - Returns: The session after the change.
    /// - Throws: `SignatureSessionNotFound`, or what `change` throws (the session is then left unchanged).
    @discardableResult
    func update(
        _ id: UUID, _ change: (inout EmulatedSession) throws(EmulatorFailure) -> Void
    ) throws(EmulatorFailure) -> EmulatedSession {
        let (session, waiters) = try state.withLock { state throws(EmulatorFailure) in
            guard var session = state.sessions[id] else { throw EmulatorFailure.sessionNotFound(id) }
            try change(&session)
            state.sessions[id] = session
            return (session, state.waiters.removeValue(forKey: id) ?? [])
        }
        for waiter in waiters { waiter.signal() }
        return session
    }

    /// Stops every long poll at once (they answer with the current state); called when the emulator stops.
    func close() {
        let waiters = state.withLock { state in
            state.closed = true
            defer { state.waiters = [:] }
            return state.waiters.values.flatMap { $0 }
        }
        for waiter in waiters { waiter.signal() }
    }

    /// Answers `when-completed`: at once for `Completed` and for sessions that will not complete; for a
    /// `Processing` session, as soon as it completes or fails, or with its progress when `window` has passed.
    ///
    /// - Throws: `SignatureSessionNotFound`; `BadSignatureSessionOperation` while `Pending`, and for final
    ///   states other than `Completed` unless `finalStates` is `.completed`.
    func whenCompleted(
        _ id: UUID, window: Duration, finalStates: RestPkiEmulator.FinalStateAnswer
    ) throws(EmulatorFailure) -> CompletionBody {
        let deadline = ContinuousClock.now + window
        while true {
            let semaphore = DispatchSemaphore(value: 0)
            let answer: CompletionBody? = try state.withLock { state throws(EmulatorFailure) in
                guard let session = state.sessions[id] else { throw EmulatorFailure.sessionNotFound(id) }
                switch session.status {
                case .pending:
                    throw EmulatorFailure.badOperation(
                        "The signature session \(EmulatorJSON.id(id)) is still Pending: the user has not finished.")
                case .completed:
                    return CompletionBody(completed: true, progress: 100)
                case .processing:
                    if state.closed || ContinuousClock.now >= deadline {
                        return CompletionBody(completed: false, progress: session.progress)
                    }
                    state.waiters[id, default: []].append(semaphore)
                    return nil
                default:
                    guard finalStates == .completed else {
                        throw EmulatorFailure.badOperation(
                            "The signature session \(EmulatorJSON.id(id)) is \(session.status.rawValue); "
                                + "there is nothing to wait for.")
                    }
                    return CompletionBody(completed: true, progress: session.progress)
                }
            }
            if let answer { return answer }
            _ = semaphore.wait(timeout: .now() + Self.dispatchInterval(deadline - ContinuousClock.now))
            state.withLock { state in state.waiters[id]?.removeAll { $0 === semaphore } }
        }
    }

    private static func dispatchInterval(_ duration: Duration) -> DispatchTimeInterval {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0 else { return .nanoseconds(0) }
        return .nanoseconds(Int(min(seconds, 1 << 32) * 1_000_000_000 + attoseconds / 1_000_000_000))
    }
}
