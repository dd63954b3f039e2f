public import Foundation

extension RestPkiCoreClient {
    /// Waits until a session reaches a final status, looping over the `when-completed` long poll.
    ///
    /// Meant for background processing and the new-tab flow. The loop (see `SessionPollStateMachine`) handles
    /// what a single long poll leaves to the caller: it polls again while the server's ~15 s window closes with
    /// `completed: false`; it keeps waiting while the session is still `Pending` (answered with 422
    /// `BadSignatureSessionOperation`) or `Processing`; it retries transient failures a few times; and it reads
    /// the session at the end, so the result carries the documents and their download URLs.
    ///
    /// The result's `status` is final but not necessarily `Completed`: check for `UserCancelled`, `Expired` and
    /// `ProcessingError` (and undocumented statuses) as after a return.
    ///
    /// - Parameters:
    ///   - id: The session id.
    ///   - deadline: When to give up; an HTTP call in flight at the deadline is cut. Nil waits until the task is
    ///     cancelled.
    ///   - progress: Called after each long poll and each session read with what is known so far.
    /// - Returns: The session in its final status.
    /// - Throws: `RestPkiError`: `.deadlineExceeded` (its message says how far the wait got), `.cancelled` when
    ///   the task is cancelled (promptly, even mid-call), `.api` for errors other than the ones above (e.g.
    ///   `SignatureSessionNotFound`), and any non-transient failure, or a transient one repeated more than
    ///   `options.polling.maximumRetries` times in a row.
    public func waitForCompletion(
        id: UUID, deadline: ContinuousClock.Instant? = nil,
        progress: (@Sendable (SessionWaitProgress) -> Void)? = nil
    ) async throws(RestPkiError) -> SignatureSessionModel {
        let operation = "waiting for signature session \(id.uuidString.lowercased())"
        var machine = SessionPollStateMachine(deadline: deadline, policy: options.polling)
        var action = machine.start(now: .now)
        while true {
            switch action {
            case .finished(let session):
                logger.log(.debug, "\(operation): finished with status \(session.status)")
                return session
            case .deadlineExceeded:
                throw RestPkiError(.deadlineExceeded(progress: machine.summary), operation: operation)
            case .fail(let error):
                if error.kind == .cancelled { throw RestPkiError(.cancelled, operation: operation) }
                throw error
            case .poll(let delay):
                try await pause(delay, operation: operation)
                machine.pollStarted(at: .now)
                do throws(RestPkiError) {
                    let status = try await completionStatus(id: id, deadline: deadline)
                    action = machine.received(status, now: .now)
                    logger.log(.debug, "\(operation): completed \(status.completed), progress \(status.progress)")
                    progress?(machine.progress)
                } catch {
                    action = failed(error, in: &machine, operation: operation)
                }
            case .fetchSession(let delay):
                try await pause(delay, operation: operation)
                do throws(RestPkiError) {
                    let session = try await signatureSession(id: id, deadline: deadline)
                    action = machine.received(session, now: .now)
                    logger.log(.debug, "\(operation): session is \(session.status)")
                    progress?(machine.progress)
                } catch {
                    action = failed(error, in: &machine, operation: operation)
                }
            }
        }
    }

    /// Waits until a session reaches a final status, for at most `timeout`.
    ///
    /// The same as `waitForCompletion(id:deadline:progress:)` with a deadline of now plus `timeout`.
    ///
    /// - Parameters:
    ///   - id: The session id.
    ///   - timeout: How long to wait in total.
    ///   - progress: Called after each long poll and each session read.
    /// - Returns: The session in its final status.
    /// - Throws: `RestPkiError`, as `waitForCompletion(id:deadline:progress:)`.
    public func waitForCompletion(
        id: UUID, timeout: Duration, progress: (@Sendable (SessionWaitProgress) -> Void)? = nil
    ) async throws(RestPkiError) -> SignatureSessionModel {
        try await waitForCompletion(id: id, deadline: .now + timeout, progress: progress)
    }

    private func failed(
        _ error: RestPkiError, in machine: inout SessionPollStateMachine, operation: String
    ) -> SessionPollStateMachine.Action {
        let action = machine.failed(error, now: .now)
        switch action {
        case .poll(let delay), .fetchSession(let delay):
            let level: RestPkiLogger.Level = error.kind == .api ? .debug : .info
            logger.log(
                level, "\(operation): \(error.kind) answer, next step in \(delay)",
                metadata: [
                    "error": error.description
                ])
        default:
            break
        }
        return action
    }

    private func pause(_ delay: Duration, operation: String) async throws(RestPkiError) {
        do {
            if delay > .zero {
                try await Task.sleep(for: delay)
            } else {
                try Task.checkCancellation()
            }
        } catch {
            throw RestPkiError(.cancelled, operation: operation)
        }
    }
}
