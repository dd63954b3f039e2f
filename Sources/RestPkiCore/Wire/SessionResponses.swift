public import Foundation

/// The answer to `POST api/signature-sessions` (`CreateSignatureSessionResponse` in the API).
public struct CreateSignatureSessionResponse: Codable, Hashable, Sendable {
    /// The new session's id. Required: a response without it fails to decode.
    public var sessionId: UUID
    /// The signature page to send the user's browser to (303 redirect, `location.href` or a new tab).
    /// Its shape is undocumented; it is normally absolute and carries the page's session token.
    public var redirectUrl: String?

    /// Creates a response.
    public init(sessionId: UUID, redirectUrl: String? = nil) {
        self.sessionId = sessionId
        self.redirectUrl = redirectUrl
    }

    /// `redirectUrl` parsed as a URL, or nil when it is absent or not a URL.
    public var redirectURL: URL? { redirectUrl.flatMap { URL(string: $0) } }
}

/// The answer to one `GET api/signature-sessions/{id}/when-completed` long poll (`SessionCompletionStatus`).
///
/// The server holds the call for about 15 seconds: it answers `completed: true` as soon as the session
/// completes, or `completed: false` with the current progress when the window closes.
public struct SessionCompletionStatus: Codable, Hashable, Sendable {
    /// Whether the session completed. Required: a response without it fails to decode.
    public var completed: Bool
    /// Background-processing progress, 0–100. When the server leaves it out (or sends `null`) it reads as 100
    /// for a completed session and 0 otherwise.
    public var progress: Double

    /// Creates a completion status.
    public init(completed: Bool, progress: Double) {
        self.completed = completed
        self.progress = progress
    }

    private enum CodingKeys: String, CodingKey {
        case completed, progress
    }

    /// Decodes a completion status; `progress` may be absent or `null`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        completed = try container.decode(Bool.self, forKey: .completed)
        progress = try container.decodeIfPresent(Double.self, forKey: .progress) ?? (completed ? 100 : 0)
    }
}

/// A signature session (`SignatureSessionModel` in the API), as `GET api/signature-sessions/{id}` returns it.
///
/// Always check `status` when the user comes back: `UserCancelled` is a normal way to land on the return URL.
/// Signed bytes are not in the body; download each document's `signedFile.downloadURL`.
public struct SignatureSessionModel: Codable, Hashable, Sendable {
    /// The session id. Required.
    public var id: UUID
    /// The session status. Required; undocumented values are kept.
    public var status: SignatureSessionStatus
    /// Why background processing failed, when `status` is `ProcessingError`.
    public var processingErrorCode: String?
    /// The request's `callbackArgument`, echoed.
    public var callbackArgument: String?
    /// The certificate the user signed with; nil before signing or when cancelled.
    public var signerCertificate: CertificateModel?
    /// The documents of the session; empty when the server sends `null` or nothing.
    public var documents: [SignatureSessionDocumentSummary]

    /// Creates a session model.
    public init(
        id: UUID, status: SignatureSessionStatus, processingErrorCode: String? = nil, callbackArgument: String? = nil,
        signerCertificate: CertificateModel? = nil, documents: [SignatureSessionDocumentSummary] = []
    ) {
        self.id = id
        self.status = status
        self.processingErrorCode = processingErrorCode
        self.callbackArgument = callbackArgument
        self.signerCertificate = signerCertificate
        self.documents = documents
    }

    private enum CodingKeys: String, CodingKey {
        case id, status, processingErrorCode, callbackArgument, signerCertificate, documents
    }

    /// Decodes a session; `documents` may be absent or `null`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(UUID.self, forKey: .id)
        status = try container.decode(SignatureSessionStatus.self, forKey: .status)
        processingErrorCode = try container.decodeIfPresent(String.self, forKey: .processingErrorCode)
        callbackArgument = try container.decodeIfPresent(String.self, forKey: .callbackArgument)
        signerCertificate = try container.decodeIfPresent(CertificateModel.self, forKey: .signerCertificate)
        documents = try container.decodeIfPresent([SignatureSessionDocumentSummary].self, forKey: .documents) ?? []
    }
}

/// One document of a session (`SignatureSessionDocumentSummary` in the API).
public struct SignatureSessionDocumentSummary: Codable, Hashable, Sendable {
    /// The document status.
    public var status: DocumentStatus?
    /// When the document was signed.
    public var dateSigned: Date?
    /// The document id, usable with `GET api/documents/{id}`. Required.
    public var id: UUID
    /// The validation key, e.g. `FUFYQ7SL6XKMBW9A`.
    public var key: String?
    /// The validation key in groups of four, e.g. `FUFY-Q7SL-6XKM-BW9A`.
    public var formattedKey: String?
    /// The file as uploaded or provided.
    public var originalFile: DocumentFileModel?
    /// The original with validation marks.
    public var markedFile: DocumentFileModel?
    /// The signed result; nil or not downloadable until the document is `Completed`.
    public var signedFile: DocumentFileModel?
    /// The kind of signature.
    public var signatureType: SignatureType?
    /// Until when the files stay downloadable.
    public var availableUntil: Date?

    /// Creates a document summary.
    public init(
        id: UUID, status: DocumentStatus? = nil, dateSigned: Date? = nil, key: String? = nil,
        formattedKey: String? = nil, originalFile: DocumentFileModel? = nil, markedFile: DocumentFileModel? = nil,
        signedFile: DocumentFileModel? = nil, signatureType: SignatureType? = nil, availableUntil: Date? = nil
    ) {
        self.status = status
        self.dateSigned = dateSigned
        self.id = id
        self.key = key
        self.formattedKey = formattedKey
        self.originalFile = originalFile
        self.markedFile = markedFile
        self.signedFile = signedFile
        self.signatureType = signatureType
        self.availableUntil = availableUntil
    }
}
