import Foundation
import Synchronization
import UploadGateLogging
public import UploadPolicy

/// Where the endpoint's policies come from, and the set being served now.
///
/// The set is immutable; a reload builds a complete new set and swaps it in under a lock, so every request
/// sees either the old set or the new one, never a mix. A set that fails to load is refused, logged and
/// counted, and the old one keeps serving.
public final class PolicyStore: Sendable {
    /// Where policies are read from.
    public enum Source: Sendable, CustomStringConvertible {
        /// The default policy compiled into the library.
        case embedded
        /// Every `*.json` in a directory, with an optional default id.
        case directory(String, defaultPolicyID: String?)

        public var description: String {
            switch self {
            case .embedded: "the embedded default policy"
            case .directory(let path, _): path
            }
        }
    }

    /// The source.
    public let source: Source
    private let mimeDatabase: MIMEDatabase
    private let current: Mutex<PolicySet>
    private let reloading = Mutex(())

    /// Loads the first set.
    /// - Throws: ``PolicyLoadErrors`` listing every problem; the server must not start with a broken set.
    public init(source: Source, mimeDatabase: MIMEDatabase) throws(PolicyLoadErrors) {
        self.source = source
        self.mimeDatabase = mimeDatabase
        self.current = Mutex(try Self.load(source, mimeDatabase: mimeDatabase))
    }

    /// The set being served.
    public var policies: PolicySet { current.withLock { $0 } }

    /// Builds a new set from the source and swaps it in; on failure keeps the current one.
    /// - Returns: The new set.
    /// - Throws: ``PolicyLoadErrors`` when the new set is broken (the current one stays).
    @discardableResult
    public func reload() throws(PolicyLoadErrors) -> PolicySet {
        try reloading.withLock { _ throws(PolicyLoadErrors) in
            let fresh = try Self.load(source, mimeDatabase: mimeDatabase)
            current.withLock { $0 = fresh }
            return fresh
        }
    }

    /// The folder a path leads to, symbolic links followed once, up front.
    ///
    /// Deploys often swap a link (`current -> releases/v2`) with one rename. Loading lists the folder and then
    /// reads each file; through the link, a swap in between would read a set mixed from two releases, which
    /// could even be valid. Through the resolved folder, a load reads one release only. A path with no link in
    /// it is returned as given, so messages name files as the operator wrote them; one that cannot be resolved
    /// is returned as given too, for the loader to report.
    static func resolvingLinks(_ path: String) -> String {
        guard let pointer = realpath(path, nil) else { return path }
        let resolved = String(cString: pointer)
        free(pointer)
        return resolved == URL(fileURLWithPath: path).standardizedFileURL.path ? path : resolved
    }

    private static func load(_ source: Source, mimeDatabase: MIMEDatabase) throws(PolicyLoadErrors) -> PolicySet {
        switch source {
        case .embedded:
            let policy = try Policy.embeddedDefault(mimeDatabase: mimeDatabase)
            do {
                return try PolicySet(policies: [policy])
            } catch {
                throw PolicyLoadErrors([error])
            }
        case .directory(let path, let defaultPolicyID):
            return try PolicySet.load(
                directory: resolvingLinks(path), mimeDatabase: mimeDatabase, defaultPolicyID: defaultPolicyID)
        }
    }
}
