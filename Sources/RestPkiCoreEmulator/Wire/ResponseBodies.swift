import Foundation
import RestPkiCore

// The API's response bodies as the emulator writes them: camelCase names, every property present, `null` where
// there is no value (the reference leaves null-vs-absent open and suggests explicit nulls), ids as lowercase
// UUIDs, dates as ISO-8601 UTC, enum values as their PascalCase names.

/// An optional value that is always written: its value, or `null`.
struct Nullable<Value: Encodable & Sendable>: Encodable, Sendable {
    let value: Value?

    init(_ value: Value?) { self.value = value }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encodeNil() }
    }
}

/// `CreateSignatureSessionResponse`.
struct CreateSessionBody: Encodable, Sendable {
    let sessionId: String
    let redirectUrl: Nullable<String>
}

/// `SessionCompletionStatus`.
struct CompletionBody: Encodable, Sendable {
    let completed: Bool
    let progress: Double
}

/// `SignatureSessionModel`.
struct SessionBody: Encodable, Sendable {
    let id: String
    let status: SignatureSessionStatus
    let processingErrorCode: Nullable<String>
    let callbackArgument: Nullable<String>
    let signerCertificate: Nullable<CertificateBody>
    let documents: [DocumentBody]
}

/// `SignatureSessionDocumentSummary`.
struct DocumentBody: Encodable, Sendable {
    let status: DocumentStatus
    let dateSigned: Nullable<String>
    let id: String
    let key: Nullable<String>
    let formattedKey: Nullable<String>
    let originalFile: Nullable<FileBody>
    let markedFile: Nullable<FileBody>
    let signedFile: Nullable<FileBody>
    let signatureType: SignatureType
    let availableUntil: Nullable<String>
}

/// `DocumentFileModel`: both the current (`mimeType`, `url`) and the deprecated (`contentType`, `location`)
/// names are filled, as older readers still use the latter.
struct FileBody: Encodable, Sendable {
    let mimeType: Nullable<String>
    let content: Nullable<String>
    let blobToken: Nullable<String>
    let url: Nullable<String>
    let name: Nullable<String>
    let length: Int64
    let contentType: Nullable<String>
    let location: Nullable<String>

    init(name: String, mimeType: String?, length: Int64, url: String?) {
        self.mimeType = Nullable(mimeType)
        self.content = Nullable(nil)
        self.blobToken = Nullable(nil)
        self.url = Nullable(url)
        self.name = Nullable(name)
        self.length = length
        self.contentType = Nullable(mimeType)
        self.location = Nullable(url)
    }
}

/// `CertificateModel`, reduced to what an emulated signer has; the structured fields are null.
struct CertificateBody: Encodable, Sendable {
    let subjectName: Nullable<String>
    let issuerName: Nullable<String>
    let issuerDisplayName: Nullable<String>
    let serialNumber: Nullable<String>
    let validityStart: String
    let validityEnd: String
    let issuer: Nullable<String>
    let pkiBrazil: Nullable<String>
    let pkiItaly: Nullable<String>
    let binaryThumbprintSHA256: Nullable<String>
    let thumbprint: Nullable<String>
    let thumbprintSHA256: Nullable<String>
    let subjectCommonName: Nullable<String>
    let subjectDisplayName: Nullable<String>
    let subjectIdentifier: Nullable<String>
    let emailAddress: Nullable<String>
    let organization: Nullable<String>
    let organizationIdentifier: Nullable<String>
}

/// `ErrorModelV2`, the body of every 422.
struct ErrorBody: Encodable, Sendable {
    let code: String
    let message: String
    let detail: Nullable<String>
    let details: Nullable<[String: String]>
    let validationResults: Nullable<String>
}

/// ASP.NET Core's `ValidationProblemDetails`, the body of a 400 for a request that cannot be bound.
struct ProblemDetailsBody: Encodable, Sendable {
    let type: String
    let title: String
    let status: Int
    let traceId: String
    let errors: [String: [String]]?
}

/// JSON encoding for every emulator body.
enum EmulatorJSON {
    static func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(value))
        } catch {
            preconditionFailure("the emulator's own bodies always encode: \(error)")
        }
    }

    static func date(_ date: Date) -> String { RestPkiDateFormat.string(from: date) }

    static func id(_ id: UUID) -> String { id.uuidString.lowercased() }
}
