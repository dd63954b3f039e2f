import Synchronization

/// Whether the service takes new work: `GET /readyz` answers 200 until shutdown begins and 503 from then on, so
/// a load balancer that probes over a kept-alive connection stops sending requests to a replica that is
/// draining.
public final class Readiness: Sendable {
    private let stopping = Atomic<Bool>(false)

    /// A service that is ready.
    public init() {}

    /// Whether shutdown has begun.
    public var isStopping: Bool { stopping.load(ordering: .acquiring) }

    /// Marks the service as stopping; it stays so.
    func beginStopping() { stopping.store(true, ordering: .releasing) }
}
