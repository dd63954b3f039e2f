public import Foundation

/// A certificate as Rest PKI Core describes it (`CertificateModel` in the API), e.g. the session's signer
/// certificate. The issuer chain is recursive through `issuer`.
public struct CertificateModel: Codable, Hashable, Sendable {
    /// The subject's distinguished name.
    public var subjectName: NameModel?
    /// The issuer's distinguished name.
    public var issuerName: NameModel?
    /// A display name for the issuer.
    public var issuerDisplayName: String?
    /// The serial number.
    public var serialNumber: String?
    /// Start of validity.
    public var validityStart: Date?
    /// End of validity.
    public var validityEnd: Date?
    /// ICP-Brasil fields.
    public var pkiBrazil: PkiBrazilCertificateModel?
    /// Italian PKI fields.
    public var pkiItaly: PkiItalyCertificateModel?
    /// The SHA-256 thumbprint as bytes (Base64 on the wire).
    public var binaryThumbprintSHA256: Data?
    /// The thumbprint as text.
    public var thumbprint: String?
    /// The SHA-256 thumbprint as text.
    public var thumbprintSHA256: String?
    /// The subject's common name.
    public var subjectCommonName: String?
    /// A display name for the subject.
    public var subjectDisplayName: String?
    /// The subject's identifier (e.g. the CPF for ICP-Brasil).
    public var subjectIdentifier: String?
    /// The e-mail address.
    public var emailAddress: String?
    /// The organisation.
    public var organization: String?
    /// The organisation's identifier (e.g. the CNPJ).
    public var organizationIdentifier: String?
    private var issuerStorage: Indirect<CertificateModel>?

    /// The issuer's certificate, when the server sends the chain.
    public var issuer: CertificateModel? {
        get { issuerStorage?.value }
        set { issuerStorage = newValue.map(Indirect.init) }
    }

    /// Creates a certificate model; every field is optional.
    public init(
        subjectName: NameModel? = nil, issuerName: NameModel? = nil, issuerDisplayName: String? = nil,
        serialNumber: String? = nil, validityStart: Date? = nil, validityEnd: Date? = nil,
        issuer: CertificateModel? = nil, pkiBrazil: PkiBrazilCertificateModel? = nil,
        pkiItaly: PkiItalyCertificateModel? = nil, binaryThumbprintSHA256: Data? = nil, thumbprint: String? = nil,
        thumbprintSHA256: String? = nil, subjectCommonName: String? = nil, subjectDisplayName: String? = nil,
        subjectIdentifier: String? = nil, emailAddress: String? = nil, organization: String? = nil,
        organizationIdentifier: String? = nil
    ) {
        self.subjectName = subjectName
        self.issuerName = issuerName
        self.issuerDisplayName = issuerDisplayName
        self.serialNumber = serialNumber
        self.validityStart = validityStart
        self.validityEnd = validityEnd
        self.pkiBrazil = pkiBrazil
        self.pkiItaly = pkiItaly
        self.binaryThumbprintSHA256 = binaryThumbprintSHA256
        self.thumbprint = thumbprint
        self.thumbprintSHA256 = thumbprintSHA256
        self.subjectCommonName = subjectCommonName
        self.subjectDisplayName = subjectDisplayName
        self.subjectIdentifier = subjectIdentifier
        self.emailAddress = emailAddress
        self.organization = organization
        self.organizationIdentifier = organizationIdentifier
        self.issuer = issuer
    }

    private enum CodingKeys: String, CodingKey {
        case subjectName, issuerName, issuerDisplayName, serialNumber, validityStart, validityEnd
        case issuerStorage = "issuer"
        case pkiBrazil, pkiItaly, binaryThumbprintSHA256, thumbprint, thumbprintSHA256, subjectCommonName
        case subjectDisplayName, subjectIdentifier, emailAddress, organization, organizationIdentifier
    }
}

/// A distinguished name (`NameModel` in the API).
public struct NameModel: Codable, Hashable, Sendable {
    /// Country (C).
    public var country: String?
    /// Organisation (O).
    public var organization: String?
    /// Organisational unit (OU).
    public var organizationUnit: String?
    /// Distinguished-name qualifier.
    public var dnQualifier: String?
    /// State or province (ST).
    public var stateName: String?
    /// Common name (CN).
    public var commonName: String?
    /// Serial number attribute.
    public var serialNumber: String?
    /// Locality (L).
    public var locality: String?
    /// Title.
    public var title: String?
    /// Surname.
    public var surname: String?
    /// Given name.
    public var givenName: String?
    /// Initials.
    public var initials: String?
    /// Pseudonym.
    public var pseudonym: String?
    /// Generation qualifier.
    public var generationQualifier: String?
    /// E-mail address.
    public var emailAddress: String?
    /// The whole name as text.
    public var dnString: String?
    /// Every attribute, by name, with all its values.
    public var allValues: [String: [String]]?

    /// Creates a name; every field is optional.
    public init(
        country: String? = nil, organization: String? = nil, organizationUnit: String? = nil,
        dnQualifier: String? = nil, stateName: String? = nil, commonName: String? = nil, serialNumber: String? = nil,
        locality: String? = nil, title: String? = nil, surname: String? = nil, givenName: String? = nil,
        initials: String? = nil, pseudonym: String? = nil, generationQualifier: String? = nil,
        emailAddress: String? = nil, dnString: String? = nil, allValues: [String: [String]]? = nil
    ) {
        self.country = country
        self.organization = organization
        self.organizationUnit = organizationUnit
        self.dnQualifier = dnQualifier
        self.stateName = stateName
        self.commonName = commonName
        self.serialNumber = serialNumber
        self.locality = locality
        self.title = title
        self.surname = surname
        self.givenName = givenName
        self.initials = initials
        self.pseudonym = pseudonym
        self.generationQualifier = generationQualifier
        self.emailAddress = emailAddress
        self.dnString = dnString
        self.allValues = allValues
    }
}

/// ICP-Brasil fields of a certificate (`PkiBrazilCertificateModel` in the API).
public struct PkiBrazilCertificateModel: Codable, Hashable, Sendable {
    /// The ICP-Brasil certificate type.
    public var certificateType: PkiBrazilCertificateType?
    /// The holder's CPF.
    public var cpf: String?
    /// The company's CNPJ.
    public var cnpj: String?
    /// The person responsible for a company certificate.
    public var responsavel: String?
    /// The holder's date of birth, as the certificate states it.
    public var dateOfBirth: String?
    /// The company name.
    public var companyName: String?
    /// The OAB (bar association) state.
    public var oabUF: String?
    /// The OAB number.
    public var oabNumero: String?
    /// The issuer of the RG (identity card).
    public var rgEmissor: String?
    /// The state of the RG issuer.
    public var rgEmissorUF: String?
    /// The RG number.
    public var rgNumero: String?

    /// Creates ICP-Brasil fields; every field is optional.
    public init(
        certificateType: PkiBrazilCertificateType? = nil, cpf: String? = nil, cnpj: String? = nil,
        responsavel: String? = nil, dateOfBirth: String? = nil, companyName: String? = nil, oabUF: String? = nil,
        oabNumero: String? = nil, rgEmissor: String? = nil, rgEmissorUF: String? = nil, rgNumero: String? = nil
    ) {
        self.certificateType = certificateType
        self.cpf = cpf
        self.cnpj = cnpj
        self.responsavel = responsavel
        self.dateOfBirth = dateOfBirth
        self.companyName = companyName
        self.oabUF = oabUF
        self.oabNumero = oabNumero
        self.rgEmissor = rgEmissor
        self.rgEmissorUF = rgEmissorUF
        self.rgNumero = rgNumero
    }
}

/// Italian PKI fields of a certificate (`PkiItalyCertificateModel` in the API).
public struct PkiItalyCertificateModel: Codable, Hashable, Sendable {
    /// The Italian certificate type.
    public var certificateType: PkiItalyCertificateType?
    /// The holder's codice fiscale.
    public var codiceFiscale: String?
    /// The card id.
    public var idCarta: String?

    /// Creates Italian PKI fields; every field is optional.
    public init(certificateType: PkiItalyCertificateType? = nil, codiceFiscale: String? = nil, idCarta: String? = nil) {
        self.certificateType = certificateType
        self.codiceFiscale = codiceFiscale
        self.idCarta = idCarta
    }
}

/// A value stored out of line, so that a model can contain itself (a certificate's issuer). Transparent on the
/// wire.
indirect enum Indirect<Wrapped: Codable & Hashable & Sendable>: Codable, Hashable, Sendable {
    case some(Wrapped)

    init(_ value: Wrapped) { self = .some(value) }

    var value: Wrapped {
        switch self {
        case .some(let value): return value
        }
    }

    init(from decoder: any Decoder) throws { self = .some(try Wrapped(from: decoder)) }

    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
