internal import Synchronization

/// A `ContentSniffer` that many threads may share: each call takes a lock, so calls run one at a time.
///
/// Use it when detection is a small part of each task; when many threads sniff constantly, give each its own
/// `ContentSniffer` instead, so they do not wait for each other.
public final class SharedContentSniffer: Sendable {
    private let sniffer: Mutex<ContentSniffer>

    /// Opens libmagic with the default (or given) database; see `ContentSniffer.init(databasePath:)`.
    ///
    /// - Throws: `ContentSniffingError` with code `.openFailed` or `.databaseLoadFailed`.
    public init(databasePath: String? = nil) throws(ContentSniffingError) {
        sniffer = Mutex(try ContentSniffer(databasePath: databasePath))
    }

    /// See `ContentSniffer.mimeType(ofFileAt:)`.
    public func mimeType(ofFileAt path: String) throws(ContentSniffingError) -> String {
        try sniffer.withLock { sniffer throws(ContentSniffingError) in try sniffer.mimeType(ofFileAt: path) }
    }

    /// See `ContentSniffer.mimeType(of:)`.
    public func mimeType(of bytes: [UInt8]) throws(ContentSniffingError) -> String {
        try sniffer.withLock { sniffer throws(ContentSniffingError) in try sniffer.mimeType(of: bytes) }
    }
}
