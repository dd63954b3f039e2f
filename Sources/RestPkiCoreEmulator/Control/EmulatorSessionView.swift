public import Foundation
public import RestPkiCore

/// The emulator's own view of a session, as the control routes return it: more than the API shows (the uploads
/// and their verdicts, the redirect and return URLs), for tests and demos.
public struct EmulatorSessionView: Codable, Sendable, Hashable {
    /// One document of the session.
    public struct Document: Codable, Sendable, Hashable {
        /// The document id.
        public var id: UUID
        /// The file name.
        public var name: String
        /// The MIME type, when known.
        public var mimeType: String?
        /// The size in bytes.
        public var length: Int64
        /// The document's status.
        public var status: DocumentStatus
    }

    /// The session id.
    public var id: UUID
    /// The session status.
    public var status: SignatureSessionStatus
    /// The background-processing progress, 0–100.
    public var progress: Double
    /// The processing error code, for `ProcessingError`.
    public var processingErrorCode: String?
    /// Whether the session was created with `enableBackgroundProcessing`.
    public var backgroundProcessing: Bool
    /// Whether the app gave the documents (the user then uploads none).
    public var predefinedDocuments: Bool
    /// The signature page the create call pointed the user to.
    public var redirectUrl: String
    /// Where the page sent the browser when the user ended the session (the return URL with
    /// `signatureSessionId` added); nil before that, and for the new-tab flow.
    public var returnUrl: String?
    /// The documents, in order.
    public var documents: [Document]
    /// Every file the user picked, accepted or not, in order.
    public var uploads: [UploadOutcome]
}

/// One request the emulator received, for tests (e.g. "nothing reached the server"). Paths only: queries (which
/// carry page tokens) and headers (which carry keys) are never kept.
public struct EmulatorRequestRecord: Codable, Sendable, Hashable {
    /// How the `X-Api-Key` of an API request checked out.
    public enum KeyCheck: String, Codable, Sendable, Hashable {
        /// One of the configured keys.
        case valid
        /// Present but not a configured key.
        case invalid
        /// Absent.
        case missing
    }

    /// The request method.
    public var method: String
    /// The percent-decoded path, without the query.
    public var path: String
    /// The status answered.
    public var status: Int
    /// For the three API routes, how the key checked out; nil for other routes.
    public var apiKey: KeyCheck?
    /// Whether it was a control route (`/_emulator/…`).
    public var isControl: Bool
}

/// Why an emulator could not be created or started.
public struct RestPkiEmulatorError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, as a sentence fragment.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
