// The validation item types of `ValidationItemModel`. See `RestPkiEnumeration` for the tolerance rules.

/// The kind of one validation check reported in `ValidationResultsModel` (`ValidationItemTypes` in the API).
public struct ValidationItemType: RestPkiEnumeration {
    /// The wire string, e.g. `"CertificateExpired"`.
    public let rawValue: String
    /// Creates a value holding `rawValue` exactly.
    public init(verbatim rawValue: String) { self.rawValue = rawValue }

    /// The check passed.
    public static let success = Self(verbatim: "Success")
    /// The certificate is not valid yet.
    public static let certificateNotYetValid = Self(verbatim: "CertificateNotYetValid")
    /// The certificate has expired.
    public static let certificateExpired = Self(verbatim: "CertificateExpired")
    /// The certificate was revoked.
    public static let certificateRevoked = Self(verbatim: "CertificateRevoked")
    /// The certificate's issuer could not be found.
    public static let certificateIssuerNotFound = Self(verbatim: "CertificateIssuerNotFound")
    /// The certificate's revocation status could not be determined.
    public static let certificateRevocationStatusUnknown = Self(verbatim: "CertificateRevocationStatusUnknown")
    /// The certificate chain ends in an untrusted root.
    public static let certificateChainRootNotTrusted = Self(verbatim: "CertificateChainRootNotTrusted")
    /// The certificate's signature is invalid.
    public static let invalidCertificateSignature = Self(verbatim: "InvalidCertificateSignature")
    /// Something could not be decoded.
    public static let decodeError = Self(verbatim: "DecodeError")
    /// A required signed attribute is missing.
    public static let requiredSignedAttributeMissing = Self(verbatim: "RequiredSignedAttributeMissing")
    /// A forbidden signed attribute is present.
    public static let forbiddenSignedAttributePresent = Self(verbatim: "ForbiddenSignedAttributePresent")
    /// A required unsigned attribute is missing.
    public static let requiredUnsignedAttributeMissing = Self(verbatim: "RequiredUnsignedAttributeMissing")
    /// A forbidden unsigned attribute is present.
    public static let forbiddenUnsignedAttributePresent = Self(verbatim: "ForbiddenUnsignedAttributePresent")
    /// The content type does not match.
    public static let contentTypeMismatch = Self(verbatim: "ContentTypeMismatch")
    /// The message digest does not match.
    public static let messageDigestMismatch = Self(verbatim: "MessageDigestMismatch")
    /// The signing-certificate digest does not match.
    public static let signingCertificateDigestMismatch = Self(verbatim: "SigningCertificateDigestMismatch")
    /// The signature algorithm check failed.
    public static let signatureAlgorithmValidationFailed = Self(verbatim: "SignatureAlgorithmValidationFailed")
    /// Revocation data was issued before the grace period.
    public static let revocationDataIssuedBeforeGracePeriod = Self(verbatim: "RevocationDataIssuedBeforeGracePeriod")
    /// The date reference is not certified.
    public static let uncertifiedDateReference = Self(verbatim: "UncertifiedDateReference")
    /// The signature policy does not match.
    public static let signaturePolicyMismatch = Self(verbatim: "SignaturePolicyMismatch")
    /// The signing time is outside the certificate's validity.
    public static let signingTimeOutOfCertificateValidity = Self(verbatim: "SigningTimeOutOfCertificateValidity")
    /// Unknown signed attributes are present.
    public static let unknownSignedAttributesPresent = Self(verbatim: "UnknownSignedAttributesPresent")
    /// Unknown unsigned attributes are present.
    public static let unknownUnsignedAttributesPresent = Self(verbatim: "UnknownUnsignedAttributesPresent")
    /// A timestamp has more than one signer.
    public static let timestampWithMoreThanOneSigner = Self(verbatim: "TimestampWithMoreThanOneSigner")
    /// A timestamp's message imprint does not match.
    public static let timestampMessageImprintMismatch = Self(verbatim: "TimestampMessageImprintMismatch")
    /// Validating a timestamp failed.
    public static let timestampValidationException = Self(verbatim: "TimestampValidationException")
    /// The complete references do not match.
    public static let completeReferencesMismatch = Self(verbatim: "CompleteReferencesMismatch")
    /// The signature timestamp is invalid.
    public static let invalidSignatureTimestamp = Self(verbatim: "InvalidSignatureTimestamp")
    /// The references timestamp is invalid.
    public static let invalidReferencesTimestamp = Self(verbatim: "InvalidReferencesTimestamp")
    /// The archive timestamp is invalid.
    public static let invalidArchiveTimestamp = Self(verbatim: "InvalidArchiveTimestamp")
    /// The certificate's key usage is invalid.
    public static let invalidKeyUsage = Self(verbatim: "InvalidKeyUsage")
    /// An OCSP response is invalid.
    public static let invalidOcspResponse = Self(verbatim: "InvalidOcspResponse")
    /// The issuer is not authorised.
    public static let unauthorizedIssuer = Self(verbatim: "UnauthorizedIssuer")
    /// The root's trust status is unknown.
    public static let unknownRootTrustStatus = Self(verbatim: "UnknownRootTrustStatus")
    /// A trusted-service list is invalid.
    public static let invalidTsl = Self(verbatim: "InvalidTsl")
    /// A CRL is invalid.
    public static let invalidCrl = Self(verbatim: "InvalidCrl")
    /// The certificate's issuer is valid.
    public static let certificateIssuerValid = Self(verbatim: "CertificateIssuerValid")
    /// The certificate's issuer is invalid.
    public static let certificateIssuerInvalid = Self(verbatim: "CertificateIssuerInvalid")
    /// Validating the certificate failed.
    public static let certificateValidationFailed = Self(verbatim: "CertificateValidationFailed")
    /// The signature is vulnerable to signer substitution.
    public static let signatureVulnerableToSignerSubstitution = Self(
        verbatim: "SignatureVulnerableToSignerSubstitution")
    /// The XML signature does not follow its schema.
    public static let invalidXmlSignatureSchema = Self(verbatim: "InvalidXmlSignatureSchema")
    /// XML-DSig core validation failed.
    public static let xmlDSigCoreValidationFailed = Self(verbatim: "XmlDSigCoreValidationFailed")
    /// The signature timestamp was ignored.
    public static let signatureTimestampIgnored = Self(verbatim: "SignatureTimestampIgnored")
    /// The certification path length is invalid.
    public static let invalidCertificationPathLen = Self(verbatim: "InvalidCertificationPathLen")
    /// The signing certificate was not found.
    public static let signingCertificateNotFound = Self(verbatim: "SigningCertificateNotFound")
    /// The attribute-certificate issuer is not authorised.
    public static let unauthorizedACIssuer = Self(verbatim: "UnauthorizedACIssuer")
    /// The algorithm is not allowed.
    public static let algorithmNotAllowed = Self(verbatim: "AlgorithmNotAllowed")
    /// The signature policy is not acceptable.
    public static let unacceptableSignaturePolicy = Self(verbatim: "UnacceptableSignaturePolicy")

    /// The documented values.
    public static let documentedRawValues = [
        "Success", "CertificateNotYetValid", "CertificateExpired", "CertificateRevoked", "CertificateIssuerNotFound",
        "CertificateRevocationStatusUnknown", "CertificateChainRootNotTrusted", "InvalidCertificateSignature",
        "DecodeError", "RequiredSignedAttributeMissing", "ForbiddenSignedAttributePresent",
        "RequiredUnsignedAttributeMissing", "ForbiddenUnsignedAttributePresent", "ContentTypeMismatch",
        "MessageDigestMismatch", "SigningCertificateDigestMismatch", "SignatureAlgorithmValidationFailed",
        "RevocationDataIssuedBeforeGracePeriod", "UncertifiedDateReference", "SignaturePolicyMismatch",
        "SigningTimeOutOfCertificateValidity", "UnknownSignedAttributesPresent", "UnknownUnsignedAttributesPresent",
        "TimestampWithMoreThanOneSigner", "TimestampMessageImprintMismatch", "TimestampValidationException",
        "CompleteReferencesMismatch", "InvalidSignatureTimestamp", "InvalidReferencesTimestamp",
        "InvalidArchiveTimestamp", "InvalidKeyUsage", "InvalidOcspResponse", "UnauthorizedIssuer",
        "UnknownRootTrustStatus", "InvalidTsl", "InvalidCrl", "CertificateIssuerValid", "CertificateIssuerInvalid",
        "CertificateValidationFailed", "SignatureVulnerableToSignerSubstitution", "InvalidXmlSignatureSchema",
        "XmlDSigCoreValidationFailed", "SignatureTimestampIgnored", "InvalidCertificationPathLen",
        "SigningCertificateNotFound", "UnauthorizedACIssuer", "AlgorithmNotAllowed", "UnacceptableSignaturePolicy",
    ]
}
