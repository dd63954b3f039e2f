public import Foundation

/// The body of `POST api/signature-sessions` (`CreateSignatureSessionRequest` in the API).
///
/// Every field is optional. The basic flow gives a `returnUrl`; the new-tab/webhook flow omits it and sets
/// `enableBackgroundProcessing`. Without `documents` the user uploads their own files (and the subscription's
/// file-name validation applies); with them, the user signs exactly those.
///
/// Encoding writes camelCase keys and omits nil fields and `false` flags (the server's defaults), so a request
/// with only a return URL is `{"returnUrl":"…"}`. Decoding accepts `null` or absence for every field.
public struct CreateSignatureSessionRequest: Codable, Hashable, Sendable {
    /// Where the user's browser goes at the end; the server adds `?signatureSessionId=<uuid>` (or `&…`).
    /// At most 1024 characters. Omit for the new-tab flow.
    public var returnUrl: URL?
    /// The security context (trust policy) used to accept signer certificates; nil means the default.
    public var securityContextId: UUID?
    /// An opaque value of the app, at most 1024 characters, echoed in `SignatureSessionModel.callbackArgument`.
    public var callbackArgument: String?
    /// Let the user leave while documents are processed; the session may then be `Processing` on return.
    public var enableBackgroundProcessing: Bool
    /// Prevent downloads of signed files from the signature page.
    public var disableDownloads: Bool
    /// Metadata for every document of the session: names of letters, digits, `-`, `_` and spaces (at most 50
    /// characters), each with values of at most 500 characters.
    public var documentMetadata: [String: [String]]?
    /// Predefined documents; nil lets the user upload.
    public var documents: [SignatureSessionDocumentData]?
    /// Requirements every certificate the user picks must meet.
    public var certificateRequirements: [CertificateRequirement]?
    /// Session-level PDF options (API 2.x and later).
    public var pdfSignatureOptions: PdfSignatureOptions?
    /// Session-level CMS options (API 2.x and later).
    public var cmsSignatureOptions: CmsSignatureOptions?

    /// Creates a request; every parameter has the server's default.
    public init(
        returnUrl: URL? = nil, securityContextId: UUID? = nil, callbackArgument: String? = nil,
        enableBackgroundProcessing: Bool = false, disableDownloads: Bool = false,
        documentMetadata: [String: [String]]? = nil, documents: [SignatureSessionDocumentData]? = nil,
        certificateRequirements: [CertificateRequirement]? = nil, pdfSignatureOptions: PdfSignatureOptions? = nil,
        cmsSignatureOptions: CmsSignatureOptions? = nil
    ) {
        self.returnUrl = returnUrl
        self.securityContextId = securityContextId
        self.callbackArgument = callbackArgument
        self.enableBackgroundProcessing = enableBackgroundProcessing
        self.disableDownloads = disableDownloads
        self.documentMetadata = documentMetadata
        self.documents = documents
        self.certificateRequirements = certificateRequirements
        self.pdfSignatureOptions = pdfSignatureOptions
        self.cmsSignatureOptions = cmsSignatureOptions
    }

    private enum CodingKeys: String, CodingKey {
        case returnUrl, securityContextId, callbackArgument, enableBackgroundProcessing, disableDownloads
        case documentMetadata, documents, certificateRequirements, pdfSignatureOptions, cmsSignatureOptions
    }

    /// Decodes a request; `null` and absent fields take the defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let text = try container.decodeIfPresent(String.self, forKey: .returnUrl) {
            guard let url = URL(string: text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .returnUrl, in: container, debugDescription: "Expected a URL, found \"\(text)\".")
            }
            returnUrl = url
        }
        securityContextId = try container.decodeIfPresent(UUID.self, forKey: .securityContextId)
        callbackArgument = try container.decodeIfPresent(String.self, forKey: .callbackArgument)
        enableBackgroundProcessing =
            try container.decodeIfPresent(Bool.self, forKey: .enableBackgroundProcessing) ?? false
        disableDownloads = try container.decodeIfPresent(Bool.self, forKey: .disableDownloads) ?? false
        documentMetadata = try container.decodeIfPresent([String: [String]].self, forKey: .documentMetadata)
        documents = try container.decodeIfPresent([SignatureSessionDocumentData].self, forKey: .documents)
        certificateRequirements =
            try container.decodeIfPresent([CertificateRequirement].self, forKey: .certificateRequirements)
        pdfSignatureOptions = try container.decodeIfPresent(PdfSignatureOptions.self, forKey: .pdfSignatureOptions)
        cmsSignatureOptions = try container.decodeIfPresent(CmsSignatureOptions.self, forKey: .cmsSignatureOptions)
    }

    /// Encodes the request: camelCase keys, nil fields and `false` flags omitted.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(returnUrl?.absoluteString, forKey: .returnUrl)
        try container.encodeIfPresent(securityContextId, forKey: .securityContextId)
        try container.encodeIfPresent(callbackArgument, forKey: .callbackArgument)
        if enableBackgroundProcessing { try container.encode(true, forKey: .enableBackgroundProcessing) }
        if disableDownloads { try container.encode(true, forKey: .disableDownloads) }
        try container.encodeIfPresent(documentMetadata, forKey: .documentMetadata)
        try container.encodeIfPresent(documents, forKey: .documents)
        try container.encodeIfPresent(certificateRequirements, forKey: .certificateRequirements)
        try container.encodeIfPresent(pdfSignatureOptions, forKey: .pdfSignatureOptions)
        try container.encodeIfPresent(cmsSignatureOptions, forKey: .cmsSignatureOptions)
    }
}

/// A predefined document of a session (`SignatureSessionDocumentData` in the API).
public struct SignatureSessionDocumentData: Codable, Hashable, Sendable {
    /// A document id chosen by the app (undocumented; the server assigns one when nil).
    public var id: UUID?
    /// The file to sign: inline content with a name, a URL, or a blob token.
    public var file: FileReferenceModel?
    /// Metadata of this document, on top of the session's `documentMetadata`.
    public var metadata: [String: [String]]?
    /// A document key allocated earlier through the document-keys API.
    public var documentKey: String?
    /// The kind of signature; nil leaves the server's default (`Pdf`).
    public var signatureType: SignatureType?
    /// PDF options overriding the session's.
    public var pdfSignatureOptions: PdfSignatureOptions?
    /// CMS options overriding the session's.
    public var cmsSignatureOptions: CmsSignatureOptions?

    /// Creates a predefined document.
    public init(
        file: FileReferenceModel?, signatureType: SignatureType? = nil, id: UUID? = nil,
        metadata: [String: [String]]? = nil, documentKey: String? = nil,
        pdfSignatureOptions: PdfSignatureOptions? = nil, cmsSignatureOptions: CmsSignatureOptions? = nil
    ) {
        self.id = id
        self.file = file
        self.metadata = metadata
        self.documentKey = documentKey
        self.signatureType = signatureType
        self.pdfSignatureOptions = pdfSignatureOptions
        self.cmsSignatureOptions = cmsSignatureOptions
    }
}

/// A requirement on the certificate the user picks (`CertificateRequirement` in the API).
public struct CertificateRequirement: Codable, Hashable, Sendable {
    /// The kind of requirement.
    public var type: CertificateRequirementType
    /// The argument, e.g. the CPF for `Cpf`.
    public var argument: String?

    /// Creates a requirement.
    public init(type: CertificateRequirementType, argument: String? = nil) {
        self.type = type
        self.argument = argument
    }

    /// The private key must be on a crypto device (ICP-Brasil A3/A4).
    public static let cryptoDevice = Self(type: .cryptoDevice)

    /// The certificate must carry this Brazilian CPF; punctuation is optional, keep the leading zeros.
    ///
    /// - Parameter cpf: The CPF, e.g. `"123.456.789-09"` or `"12345678909"`.
    public static func cpf(_ cpf: String) -> Self { Self(type: .cpf, argument: cpf) }
}
