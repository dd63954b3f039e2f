import Foundation
import Synchronization

/// What the request handler shares: configuration, sessions, the upload judge, the request log, and the base
/// URL (known once the server has its port).
final class EmulatorCore: Sendable {
    let configuration: RestPkiEmulator.Configuration
    let store = SessionStore()
    let judge: UploadJudge
    let requestLog = RequestLog()
    private let base = Mutex("http://127.0.0.1/")

    init(configuration: RestPkiEmulator.Configuration) throws(RestPkiEmulatorError) {
        self.configuration = configuration
        self.judge = try UploadJudge(subscription: configuration.subscription)
    }

    /// The emulator's root URL with a trailing slash, e.g. `http://127.0.0.1:41234/`.
    var baseURL: String {
        get { base.withLock { $0 } }
        set { base.withLock { $0 = newValue } }
    }

    /// How a presented `X-Api-Key` checks out against the configured keys.
    func check(apiKey presented: String?) -> EmulatorRequestRecord.KeyCheck {
        guard let presented else { return .missing }
        return configuration.apiKeys.contains(presented) ? .valid : .invalid
    }
}
