import Foundation
import Testing

@testable import RestPkiCore

/// One enumeration type, erased, so that every type runs through the same checks.
struct EnumerationCase: Sendable, CustomTestStringConvertible {
    let name: String
    let documented: [String]
    let make: @Sendable (String) -> (raw: String, documented: Bool)
    let decode: @Sendable (String) throws -> String

    static func of<T: RestPkiEnumeration>(_ type: T.Type) -> EnumerationCase {
        EnumerationCase(
            name: String(describing: type), documented: T.documentedRawValues,
            make: {
                let value = T(rawValue: $0)
                return (value.rawValue, value.isDocumented)
            },
            decode: { try JSONDecoder().decode(T.self, from: Data($0.utf8)).rawValue })
    }

    var testDescription: String { name }

    static let all: [EnumerationCase] = [
        .of(SignatureSessionStatus.self), .of(DocumentStatus.self), .of(SignatureType.self),
        .of(CertificateRequirementType.self), .of(PkiBrazilCertificateType.self), .of(PkiItalyCertificateType.self),
        .of(PadesMeasurementUnits.self), .of(PadesTextHorizontalAlign.self), .of(PadesHorizontalAlign.self),
        .of(PadesVerticalAlign.self), .of(AutoPositioningHorizontalDirection.self),
        .of(AutoPositioningVerticalDirection.self), .of(PaperSize.self), .of(PageOrientation.self),
        .of(DigestAlgorithm.self), .of(ValidationItemType.self), .of(RestPkiErrorCode.self),
    ]
}

@Suite("Open enumerations")
struct EnumerationTests {
    @Test("Documented values are recognised in any case and normalised", arguments: EnumerationCase.all)
    func documented(_ type: EnumerationCase) throws {
        #expect(!type.documented.isEmpty)
        #expect(Set(type.documented.map { $0.lowercased() }).count == type.documented.count)
        for raw in type.documented {
            #expect(type.make(raw) == (raw, true))
            #expect(type.make(raw.uppercased()) == (raw, true))
            #expect(type.make(raw.lowercased()) == (raw, true))
            #expect(try type.decode("\"\(raw.lowercased())\"") == raw)
        }
    }

    @Test("Undocumented values are kept verbatim", arguments: EnumerationCase.all)
    func undocumented(_ type: EnumerationCase) throws {
        for raw in ["SomethingNew", "", " Pdf", "Completed ", "Ünïcødé"] {
            #expect(type.make(raw) == (raw, false))
            #expect(try type.decode("\"\(raw)\"") == raw)
        }
    }

    @Test("Non-string JSON is a type mismatch", arguments: EnumerationCase.all)
    func nonString(_ type: EnumerationCase) {
        for json in ["1", "true", "null", "{}", "[\"Pdf\"]"] {
            #expect(throws: DecodingError.self) { _ = try type.decode(json) }
        }
    }

    @Test("Static members spell the documented values")
    func members() {
        #expect(SignatureSessionStatus.userCancelled.rawValue == "UserCancelled")
        #expect(SignatureSessionStatus.processingError.rawValue == "ProcessingError")
        #expect(SignatureType.pdf.rawValue == "Pdf")
        #expect(CertificateRequirementType.cryptoDevice.rawValue == "CryptoDevice")
        #expect(DigestAlgorithm.sha3_256.rawValue == "SHA3_256")
        #expect(ValidationItemType.unauthorizedACIssuer.rawValue == "UnauthorizedACIssuer")
        #expect(ValidationItemType.xmlDSigCoreValidationFailed.rawValue == "XmlDSigCoreValidationFailed")
        #expect(RestPkiErrorCode.badSignatureSessionOperation.rawValue == "BadSignatureSessionOperation")
        #expect(ValidationItemType.documentedRawValues.count == 48)
    }

    @Test("Only Pending and Processing are in progress")
    func inProgress() {
        let moving = SignatureSessionStatus.documentedRawValues.map(SignatureSessionStatus.init(rawValue:))
            .filter(\.isInProgress)
        #expect(moving == [.pending, .processing])
    }
}
