/// How `waitForCompletion` paces its calls and how often it retries transient failures.
public struct SessionPollPolicy: Sendable, Hashable {
    /// The least time between the starts of two long polls, so that a server answering `completed: false` at
    /// once (instead of holding the call for its ~15 s window) is not hammered. Default 1 s.
    public var minimumPollInterval: Duration
    /// The first pause after learning that the session is still `Pending` (the user has not finished); it
    /// doubles each time, up to `pendingMaximumDelay`. Default 2 s.
    public var pendingInitialDelay: Duration
    /// The longest pause while the session stays `Pending`. Default 15 s.
    public var pendingMaximumDelay: Duration
    /// The first pause before retrying after a transient failure (see `RestPkiError.isTransient`); it doubles
    /// with each consecutive failure, up to `retryMaximumDelay`. Default 1 s.
    public var retryInitialDelay: Duration
    /// The longest pause before a retry. Default 30 s.
    public var retryMaximumDelay: Duration
    /// How many transient failures in a row are retried; the next one is thrown. Default 4.
    public var maximumRetries: Int

    /// Creates a policy; every parameter has the default described on its property.
    public init(
        minimumPollInterval: Duration = .seconds(1), pendingInitialDelay: Duration = .seconds(2),
        pendingMaximumDelay: Duration = .seconds(15), retryInitialDelay: Duration = .seconds(1),
        retryMaximumDelay: Duration = .seconds(30), maximumRetries: Int = 4
    ) {
        self.minimumPollInterval = minimumPollInterval
        self.pendingInitialDelay = pendingInitialDelay
        self.pendingMaximumDelay = pendingMaximumDelay
        self.retryInitialDelay = retryInitialDelay
        self.retryMaximumDelay = retryMaximumDelay
        self.maximumRetries = maximumRetries
    }
}

/// What is known so far while waiting for a session, as passed to the `progress` callback of `waitForCompletion`.
public struct SessionWaitProgress: Sendable, Hashable {
    /// The last progress the long poll reported (0–100), if any.
    public var percent: Double?
    /// The last session status read, if the session was read.
    public var status: SignatureSessionStatus?
    /// How many long polls have been answered.
    public var polls: Int

    /// Creates a progress report.
    public init(percent: Double? = nil, status: SignatureSessionStatus? = nil, polls: Int = 0) {
        self.percent = percent
        self.status = status
        self.polls = polls
    }
}

/// The decisions of `waitForCompletion`, without any I/O: feed it what each call returned and it says what to
/// do next.
///
/// The loop over the `when-completed` long poll:
/// - `completed: true` → read the session and finish with it (whatever its status: `Completed`, or a failure
///   such as `ProcessingError`; a session read as still in progress is polled again);
/// - `completed: false` → poll again, no sooner than `minimumPollInterval` after the previous poll started;
/// - 422 `BadSignatureSessionOperation` → the server will not wait on this session: read it. `Pending` (the
///   user has not finished) is polled again after a growing pause; `Processing` is polled again; any other
///   status, undocumented ones included, is final and returned;
/// - 422 `BackgroundProcessing` → poll again after a pause;
/// - a transient failure (transport, timeout, 408/429/5xx) → the same step again after a growing pause, at most
///   `maximumRetries` times in a row;
/// - anything else → fail with that error; cancellation → fail with it.
///
/// No pause ever runs past the deadline: an action that would is replaced by `.deadlineExceeded`.
public struct SessionPollStateMachine: Sendable {
    /// What the driver should do next.
    public enum Action: Sendable {
        /// Call `when-completed` after the pause.
        case poll(after: Duration)
        /// Read the session (`GET api/signature-sessions/{id}`) after the pause.
        case fetchSession(after: Duration)
        /// Done: the session reached a final status.
        case finished(SignatureSessionModel)
        /// The deadline came first.
        case deadlineExceeded
        /// Give up with this error.
        case fail(RestPkiError)
    }

    private enum Step: Sendable {
        case idle, polling, fetching, done
    }

    /// When to give up; nil waits until cancelled.
    public let deadline: ContinuousClock.Instant?
    /// The pacing and retry policy.
    public let policy: SessionPollPolicy
    /// What is known so far.
    public private(set) var progress = SessionWaitProgress()
    /// Transient failures in a row.
    public private(set) var consecutiveFailures = 0

    private var step = Step.idle
    private var pollStartedAt: ContinuousClock.Instant?
    private var pendingDelay: Duration

    /// Creates a machine.
    ///
    /// - Parameters:
    ///   - deadline: When to give up; nil waits until the task is cancelled.
    ///   - policy: Pacing and retries.
    public init(deadline: ContinuousClock.Instant?, policy: SessionPollPolicy = SessionPollPolicy()) {
        self.deadline = deadline
        self.policy = policy
        self.pendingDelay = policy.pendingInitialDelay
    }

    /// The first action: poll at once (or `.deadlineExceeded` if the deadline already passed).
    public mutating func start(now: ContinuousClock.Instant) -> Action {
        schedule(.polling, after: .zero, now: now)
    }

    /// Notes when the long poll was actually sent (after the pause, which may oversleep), so that the minimum
    /// interval counts from the real start. Optional: without it the planned start is used.
    public mutating func pollStarted(at instant: ContinuousClock.Instant) {
        if step == .polling { pollStartedAt = instant }
    }

    /// Feeds the answer of a long poll.
    public mutating func received(_ status: SessionCompletionStatus, now: ContinuousClock.Instant) -> Action {
        progress.polls += 1
        progress.percent = status.progress
        consecutiveFailures = 0
        if status.completed { return schedule(.fetching, after: .zero, now: now) }
        pendingDelay = policy.pendingInitialDelay
        let elapsed = pollStartedAt.map { now - $0 } ?? .zero
        return schedule(.polling, after: max(.zero, policy.minimumPollInterval - elapsed), now: now)
    }

    /// Feeds a session read.
    public mutating func received(_ session: SignatureSessionModel, now: ContinuousClock.Instant) -> Action {
        progress.status = session.status
        consecutiveFailures = 0
        if !session.status.isInProgress {
            step = .done
            return .finished(session)
        }
        if session.status == .processing { return schedule(.polling, after: policy.minimumPollInterval, now: now) }
        let delay = pendingDelay
        pendingDelay = min(pendingDelay * 2, policy.pendingMaximumDelay)
        return schedule(.polling, after: delay, now: now)
    }

    /// Feeds the failure of the step in flight.
    public mutating func failed(_ error: RestPkiError, now: ContinuousClock.Instant) -> Action {
        switch error.kind {
        case .cancelled:
            step = .done
            return .fail(error)
        case .deadlineExceeded:
            step = .done
            return .deadlineExceeded
        case .api where error.code == .badSignatureSessionOperation && step == .polling:
            consecutiveFailures = 0
            return schedule(.fetching, after: .zero, now: now)
        case .api where error.code == .backgroundProcessing:
            consecutiveFailures = 0
            return schedule(step, after: max(policy.minimumPollInterval, policy.pendingInitialDelay), now: now)
        default:
            guard error.isTransient, consecutiveFailures < policy.maximumRetries, step != .done else {
                step = .done
                return .fail(error)
            }
            consecutiveFailures += 1
            let growth = 1 << min(consecutiveFailures - 1, 20)
            return schedule(step, after: min(policy.retryInitialDelay * growth, policy.retryMaximumDelay), now: now)
        }
    }

    /// A phrase describing how far the wait got, e.g. "after 3 long polls (last progress 40 %, status
    /// Processing)".
    public var summary: String {
        var facts: [String] = []
        if let percent = progress.percent { facts.append("last progress \(RestPkiError.format(percent)) %") }
        if let status = progress.status { facts.append("status \(status)") }
        let polls = "after \(progress.polls) long poll\(progress.polls == 1 ? "" : "s")"
        return facts.isEmpty ? polls : "\(polls) (\(facts.joined(separator: ", ")))"
    }

    private mutating func schedule(_ next: Step, after delay: Duration, now: ContinuousClock.Instant) -> Action {
        if let deadline, now + delay >= deadline {
            step = .done
            return .deadlineExceeded
        }
        step = next
        switch next {
        case .polling:
            pollStartedAt = now + delay
            return .poll(after: delay)
        case .fetching:
            return .fetchSession(after: delay)
        case .idle, .done:
            return .fail(RestPkiError(.invalidArgument("the wait is already over"), operation: "waiting"))
        }
    }
}
