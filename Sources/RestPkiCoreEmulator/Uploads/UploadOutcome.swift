public import Foundation

/// What the signature page made of one file the user picked: the verdict, who decided, and the message the user
/// sees next to the file.
///
/// Returned by the upload control route (`POST /_emulator/sessions/{id}/uploads`) and kept in the session.
public struct UploadOutcome: Codable, Sendable, Hashable {
    /// Which check decided.
    public enum DecidedBy: String, Codable, Sendable, Hashable {
        /// The subscription's acceptable file name pattern did not match (the endpoint was not called).
        case pattern
        /// The validation endpoint answered `accept`.
        case endpoint
        /// The call to the validation endpoint failed (no answer in time, non-2xx, unreadable body); the
        /// configured failure handling decided.
        case endpointFailure
        /// Neither a pattern nor an endpoint is configured, or the pattern matched and no endpoint is: accepted.
        case noValidation
    }

    /// The file name as the user's browser reported it.
    public var name: String
    /// The MIME type as the browser reported it (`""` when it reported none).
    public var contentType: String
    /// The size in bytes.
    public var length: Int64
    /// Whether the file was accepted and added to the session.
    public var accepted: Bool
    /// Which check decided.
    public var decidedBy: DecidedBy
    /// What the page shows next to a rejected file, e.g. `File rejected (Only PDF documents are accepted.)`;
    /// nil when accepted.
    public var message: String?
    /// The endpoint's `rejectReason` exactly as received, when it answered one.
    public var rejectReason: String?
    /// The HTTP status of the endpoint's answer, when there was one.
    public var endpointStatus: Int?
    /// Why the call to the endpoint failed, for `decidedBy == .endpointFailure`.
    public var failure: String?
    /// The id of the document the file became, when accepted.
    public var documentId: UUID?

    /// Creates an outcome.
    public init(
        name: String, contentType: String, length: Int64, accepted: Bool, decidedBy: DecidedBy,
        message: String? = nil, rejectReason: String? = nil, endpointStatus: Int? = nil, failure: String? = nil,
        documentId: UUID? = nil
    ) {
        self.name = name
        self.contentType = contentType
        self.length = length
        self.accepted = accepted
        self.decidedBy = decidedBy
        self.message = message
        self.rejectReason = rejectReason
        self.endpointStatus = endpointStatus
        self.failure = failure
        self.documentId = documentId
    }
}
