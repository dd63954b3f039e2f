import Foundation

/// Realistic wire samples, shaped after the API reference (camelCase, PascalCase enum names, .NET-style dates).
enum Samples {
    static let sessionId = "3dfdd6f0-884e-4092-abed-00f18ea6716a"
    static let documentId = "9b2c1c2e-5a4b-4f6e-8d1a-2b3c4d5e6f70"

    static let createResponse = """
        {"sessionId":"\(sessionId)",
         "redirectUrl":"https://core.pki.rest/signature-sessions/\(sessionId)?token=abc-_123",
         "someFutureField":{"nested":[1,2,3]}}
        """

    /// A completed session with one document, a signer certificate with an issuer, and both file-name pairs.
    static let completedSession = """
        {
          "id": "\(sessionId)",
          "status": "Completed",
          "processingErrorCode": null,
          "callbackArgument": "order-100004",
          "signerCertificate": {
            "subjectName": {"commonName": "ALAN MATHISON TURING:12345678909", "country": "BR",
                            "organization": "ICP-Brasil", "allValues": {"CN": ["ALAN MATHISON TURING:12345678909"],
                            "OU": null}},
            "issuerName": {"commonName": "AC Lacuna Software Test"},
            "issuerDisplayName": "AC Lacuna Software Test",
            "serialNumber": "0A1B2C",
            "validityStart": "2023-01-02T10:00:00-03:00",
            "validityEnd": "2026-01-02T10:00:00.0000000-03:00",
            "issuer": {
              "subjectName": {"commonName": "AC Lacuna Software Test"},
              "validityStart": "2020-01-01T00:00:00Z",
              "validityEnd": "2030-01-01T00:00:00Z",
              "issuer": {"subjectName": {"commonName": "Raiz de Teste"}, "subjectCommonName": "Raiz de Teste"},
              "subjectCommonName": "AC Lacuna Software Test"
            },
            "pkiBrazil": {"certificateType": "A3", "cpf": "12345678909", "cnpj": null, "responsavel": null,
                          "dateOfBirth": "1912-06-23", "oabUF": null},
            "pkiItaly": {"certificateType": "Undefined", "codiceFiscale": null, "idCarta": null},
            "binaryThumbprintSHA256": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
            "thumbprint": "a1b2c3",
            "thumbprintSHA256": "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
            "subjectCommonName": "ALAN MATHISON TURING",
            "subjectDisplayName": "Alan Mathison Turing",
            "subjectIdentifier": "12345678909",
            "emailAddress": "alan@example.com",
            "organization": null,
            "organizationIdentifier": null
          },
          "documents": [
            {
              "status": "Completed",
              "dateSigned": "2024-05-01T12:34:56.1234567Z",
              "id": "\(documentId)",
              "key": "FUFYQ7SL6XKMBW9A",
              "formattedKey": "FUFY-Q7SL-6XKM-BW9A",
              "originalFile": {"mimeType": "application/pdf", "contentType": "application/pdf",
                               "url": "https://core.pki.rest/api/files/orig?ticket=1",
                               "location": "https://core.pki.rest/api/files/orig?ticket=1",
                               "name": "P100001-001.pdf", "length": 101730, "content": null, "blobToken": null},
              "markedFile": null,
              "signedFile": {"contentType": "application/pdf", "location": "https://core.pki.rest/api/files/s?t=2",
                             "name": "P100001-001.pdf", "length": 273429},
              "signatureType": "Pdf",
              "availableUntil": "2024-05-08T12:34:56+00:00"
            }
          ]
        }
        """

    /// A pending session as a server that omits null properties would write it.
    static let pendingSessionSparse = """
        {"id":"\(sessionId)","status":"Pending"}
        """

    /// A 422 validation error with nested results.
    static let validationError = """
        {"code":"ValidationError","message":"The signer certificate is not valid","detail":"see validationResults",
         "details":{"field":"certificate","attempt":2,"flag":true,"missing":null},
         "validationResults":{
           "passedChecks":[{"type":"Success","message":"Signature OK"}],
           "errors":[{"type":"CertificateExpired","message":"The certificate expired on 2020-01-01",
                      "innerValidationResults":{"errors":[{"type":"CertificateRevoked","message":"Issuer revoked"}]}},
                     {"type":"SomeFutureCheck","message":"New kind of problem","detail":null}],
           "warnings":null}}
        """

    static let sessionNotFound = """
        {"code":"SignatureSessionNotFound","message":"Signature session not found: \(sessionId)","detail":null,
         "details":null,"validationResults":null}
        """

    static let badOperation = """
        {"code":"BadSignatureSessionOperation","message":"Signature session is pending","detail":null}
        """

    static func completion(_ completed: Bool, _ progress: Double) -> String {
        "{\"completed\":\(completed),\"progress\":\(progress)}"
    }

    /// A session with one document carrying `fields` besides its id.
    static func sessionWithDocument(_ fields: String, status: String = "Completed") -> String {
        "{\"id\":\"\(sessionId)\",\"status\":\"\(status)\",\"documents\":[{\"id\":\"\(documentId)\",\(fields)}]}"
    }

    static func session(status: String) -> String {
        "{\"id\":\"\(sessionId)\",\"status\":\"\(status)\",\"documents\":[]}"
    }
}

/// Decodes `json` with a plain JSONDecoder, as any caller of the models would.
func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
    try JSONDecoder().decode(T.self, from: Data(json.utf8))
}

/// Encodes `value` with sorted keys and returns the text.
func encodeSorted<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}
