import Synchronization
import UploadGateLogging

/// Passes libmicrohttpd's messages to the log at most once a second, counting the ones it drops.
///
/// Most of them are caused by clients (a malformed request line, a header block too large, a peer that went
/// away), so a hostile or broken client could otherwise write a line to standard error per request. The
/// first message of each second still gets through, so an operator sees that something happens, and how
/// often (`suppressed=N`).
final class ThrottledLog: Sendable {
    private struct State {
        var windowStart: ContinuousClock.Instant?
        var suppressed = 0
    }

    private let logger: Logger
    private let state = Mutex(State())

    init(logger: Logger) { self.logger = logger }

    func log(_ message: String) {
        let now = ContinuousClock.now
        let suppressed: Int? = state.withLock { state in
            if let start = state.windowStart, now - start < .seconds(1) {
                state.suppressed += 1
                return nil
            }
            defer { (state.windowStart, state.suppressed) = (now, 0) }
            return state.suppressed
        }
        guard let suppressed else { return }
        logger.warning(message, metadata: suppressed > 0 ? ["suppressed": String(suppressed)] : [:])
    }
}
