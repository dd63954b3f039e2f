// Open string enumerations used by the signature-session models. See `RestPkiEnumeration` for the tolerance rules.

/// The status of a signature session (`SignatureSessionStatus` in the API).
public struct SignatureSessionStatus: RestPkiEnumeration {
    /// The wire string, e.g. `"Completed"`.
    public let rawValue: String
    /// Creates a value holding `rawValue` exactly.
    public init(verbatim rawValue: String) { self.rawValue = rawValue }

    /// Created and not yet finished by the user; `when-completed` answers 422 `BadSignatureSessionOperation`.
    public static let pending = Self(verbatim: "Pending")
    /// The user finished and background processing is still running (only with `enableBackgroundProcessing`).
    public static let processing = Self(verbatim: "Processing")
    /// All documents are signed and processed, and downloadable.
    public static let completed = Self(verbatim: "Completed")
    /// The user cancelled; a normal way to land back on the return URL.
    public static let userCancelled = Self(verbatim: "UserCancelled")
    /// The session was not finished in time.
    public static let expired = Self(verbatim: "Expired")
    /// Background processing failed (rare; for example the certificate was revoked meanwhile).
    public static let processingError = Self(verbatim: "ProcessingError")

    /// The documented values.
    public static let documentedRawValues = [
        "Pending", "Processing", "Completed", "UserCancelled", "Expired", "ProcessingError",
    ]

    /// Whether the session can still change by itself: `Pending` (the user may still act) or `Processing`.
    ///
    /// Every other value, undocumented ones included, is treated as final by
    /// `RestPkiCoreClient.waitForCompletion(id:deadline:progress:)`: the server refused to wait on it, and only
    /// `Pending` and `Processing` are documented to move on.
    public var isInProgress: Bool { self == .pending || self == .processing }
}

/// The status of one document of a session (`DocumentStatus` in the API).
public struct DocumentStatus: RestPkiEnumeration {
    /// The wire string, e.g. `"Completed"`.
    public let rawValue: String
    /// Creates a value holding `rawValue` exactly.
    public init(verbatim rawValue: String) { self.rawValue = rawValue }

    /// The document waits for the user's signature.
    public static let pendingSignature = Self(verbatim: "PendingSignature")
    /// The document is signed and still being processed in background; not downloadable yet.
    public static let processing = Self(verbatim: "Processing")
    /// The document is signed and processed.
    public static let completed = Self(verbatim: "Completed")
    /// Processing the document failed.
    public static let processingError = Self(verbatim: "ProcessingError")

    /// The documented values.
    public static let documentedRawValues = ["PendingSignature", "Processing", "Completed", "ProcessingError"]
}

/// The kind of signature a document gets (`SignatureTypes` in the API).
///
/// Old documentation samples show `"Pades"`, a pre-1.x value; it decodes as an undocumented value.
public struct SignatureType: RestPkiEnumeration {
    /// The wire string, e.g. `"Pdf"`.
    public let rawValue: String
    /// Creates a value holding `rawValue` exactly.
    public init(verbatim rawValue: String) { self.rawValue = rawValue }

    /// PAdES, a signature inside the PDF. The server's default when a predefined document gives no type.
    public static let pdf = Self(verbatim: "Pdf")
    /// CAdES/CMS, a `.p7s` signature.
    public static let cms = Self(verbatim: "Cms")
    /// XAdES, an XML signature.
    public static let xml = Self(verbatim: "Xml")

    /// The documented values.
    public static let documentedRawValues = ["Pdf", "Cms", "Xml"]
}

/// The kind of a certificate requirement (`CertificateRequirementTypes` in the API).
public struct CertificateRequirementType: RestPkiEnumeration {
    /// The wire string, e.g. `"Cpf"`.
    public let rawValue: String
    /// Creates a value holding `rawValue` exactly.
    public init(verbatim rawValue: String) { self.rawValue = rawValue }

    /// The private key must live on a crypto device (for ICP-Brasil, A3/A4 only). Takes no argument.
    public static let cryptoDevice = Self(verbatim: "CryptoDevice")
    /// The certificate must carry the Brazilian CPF given as the argument (punctuation optional).
    public static let cpf = Self(verbatim: "Cpf")

    /// The documented values.
    public static let documentedRawValues = ["CryptoDevice", "Cpf"]
}

/// The Brazilian (ICP-Brasil) certificate type (`PkiBrazilCertificateTypes` in the API).
public struct PkiBrazilCertificateType: RestPkiEnumeration {
    /// The wire string, e.g. `"A3"`.
    public let rawValue: String
    /// Creates a value holding `rawValue` exactly.
    public init(verbatim rawValue: String) { self.rawValue = rawValue }

    /// The type could not be determined.
    public static let unknown = Self(verbatim: "Unknown")
    /// Type A1 (software key).
    public static let a1 = Self(verbatim: "A1")
    /// Type A2.
    public static let a2 = Self(verbatim: "A2")
    /// Type A3 (key on a crypto device).
    public static let a3 = Self(verbatim: "A3")
    /// Type A4.
    public static let a4 = Self(verbatim: "A4")
    /// Type S1 (confidentiality).
    public static let s1 = Self(verbatim: "S1")
    /// Type S2.
    public static let s2 = Self(verbatim: "S2")
    /// Type S3.
    public static let s3 = Self(verbatim: "S3")
    /// Type S4.
    public static let s4 = Self(verbatim: "S4")
    /// Type T3 (timestamping).
    public static let t3 = Self(verbatim: "T3")
    /// Type T4.
    public static let t4 = Self(verbatim: "T4")

    /// The documented values.
    public static let documentedRawValues = ["Unknown", "A1", "A2", "A3", "A4", "S1", "S2", "S3", "S4", "T3", "T4"]
}

/// The Italian certificate type (`PkiItalyCertificateTypes` in the API).
public struct PkiItalyCertificateType: RestPkiEnumeration {
    /// The wire string, e.g. `"Cns"`.
    public let rawValue: String
    /// Creates a value holding `rawValue` exactly.
    public init(verbatim rawValue: String) { self.rawValue = rawValue }

    /// The type is not defined.
    public static let undefined = Self(verbatim: "Undefined")
    /// Carta Nazionale dei Servizi.
    public static let cns = Self(verbatim: "Cns")
    /// A qualified digital-signature certificate.
    public static let digitalSignature = Self(verbatim: "DigitalSignature")

    /// The documented values.
    public static let documentedRawValues = ["Undefined", "Cns", "DigitalSignature"]
}
