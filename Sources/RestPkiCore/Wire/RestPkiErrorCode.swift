/// The machine error code of an API error (`ErrorModelV2.code`), kept as a string.
///
/// Lacuna's list of codes is explicitly not exhaustive and grows without notice, so any string is a valid code;
/// the static members name the documented ones. Documented codes match case-insensitively (see
/// `RestPkiEnumeration`).
public struct RestPkiErrorCode: RestPkiEnumeration {
    /// The wire string, e.g. `"SignatureSessionNotFound"`.
    public let rawValue: String
    /// Creates a code holding `rawValue` exactly.
    public init(verbatim rawValue: String) { self.rawValue = rawValue }

    /// A referenced document id is unknown.
    public static let documentNotFound = Self(verbatim: "DocumentNotFound")
    /// A referenced security-context id is unknown.
    public static let securityContextNotFound = Self(verbatim: "SecurityContextNotFound")
    /// A referenced signature-session id is unknown.
    public static let signatureSessionNotFound = Self(verbatim: "SignatureSessionNotFound")
    /// The operation is invalid for the session's or document's status, e.g. `when-completed` on a `Pending`
    /// session.
    public static let badSignatureSessionOperation = Self(verbatim: "BadSignatureSessionOperation")
    /// The resource is still being processed in background.
    public static let backgroundProcessing = Self(verbatim: "BackgroundProcessing")
    /// The `X-Signature-Session-Token` header is missing (signature-page calls only).
    public static let signatureSessionTokenRequired = Self(verbatim: "SignatureSessionTokenRequired")
    /// The signature-session token is invalid.
    public static let badSignatureSessionToken = Self(verbatim: "BadSignatureSessionToken")
    /// The signature-session token expired (tokens last about four hours).
    public static let expiredSignatureSessionToken = Self(verbatim: "ExpiredSignatureSessionToken")
    /// The request failed validation; `ErrorModelV2.validationResults` says why.
    public static let validationError = Self(verbatim: "ValidationError")
    /// A PDF is corrupt.
    public static let invalidPdf = Self(verbatim: "InvalidPdf")
    /// PDF/A conversion was asked for, but the instance lacks the conversion service (server 4.2.0+).
    public static let pdfAConversionNotAvailable = Self(verbatim: "PdfAConversionNotAvailable")

    /// The documented codes.
    public static let documentedRawValues = [
        "DocumentNotFound", "SecurityContextNotFound", "SignatureSessionNotFound", "BadSignatureSessionOperation",
        "BackgroundProcessing", "SignatureSessionTokenRequired", "BadSignatureSessionToken",
        "ExpiredSignatureSessionToken", "ValidationError", "InvalidPdf", "PdfAConversionNotAvailable",
    ]
}
