import Foundation
import Testing

@testable import RestPkiCore

@Suite("Decoding responses")
struct ResponseDecodingTests {
    @Test("CreateSignatureSessionResponse: camelCase, extra fields ignored")
    func createResponse() throws {
        let response = try decode(CreateSignatureSessionResponse.self, Samples.createResponse)
        #expect(response.sessionId == UUID(uuidString: Samples.sessionId))
        #expect(response.redirectURL?.host == "core.pki.rest")
        #expect(response.redirectUrl?.hasSuffix("token=abc-_123") == true)
    }

    @Test("CreateSignatureSessionResponse: redirectUrl null or absent")
    func createResponseWithoutRedirect() throws {
        for json in [
            "{\"sessionId\":\"\(Samples.sessionId)\"}", "{\"sessionId\":\"\(Samples.sessionId)\",\"redirectUrl\":null}",
        ] {
            let response = try decode(CreateSignatureSessionResponse.self, json)
            #expect(response.redirectUrl == nil)
            #expect(response.redirectURL == nil)
        }
    }

    @Test("A completed session decodes every documented field")
    func completedSession() throws {
        let session = try decode(SignatureSessionModel.self, Samples.completedSession)
        #expect(session.id == UUID(uuidString: Samples.sessionId))
        #expect(session.status == .completed)
        #expect(session.callbackArgument == "order-100004")
        #expect(session.processingErrorCode == nil)
        #expect(session.documents.count == 1)

        let document = try #require(session.documents.first)
        #expect(document.id == UUID(uuidString: Samples.documentId))
        #expect(document.status == .completed)
        #expect(document.signatureType == .pdf)
        #expect(document.formattedKey == "FUFY-Q7SL-6XKM-BW9A")
        #expect(document.markedFile == nil)
        #expect(document.dateSigned == RestPkiDateFormat.date(from: "2024-05-01T12:34:56.1234567Z"))
        #expect(document.availableUntil == RestPkiDateFormat.date(from: "2024-05-08T12:34:56Z"))

        let original = try #require(document.originalFile)
        #expect(original.effectiveMimeType == "application/pdf")
        #expect(original.downloadURL?.absoluteString == "https://core.pki.rest/api/files/orig?ticket=1")
        #expect(original.length == 101_730)

        // The signed file only has the deprecated names: the accessors fall back to them.
        let signed = try #require(document.signedFile)
        #expect(signed.mimeType == nil)
        #expect(signed.url == nil)
        #expect(signed.effectiveMimeType == "application/pdf")
        #expect(signed.downloadURL?.absoluteString == "https://core.pki.rest/api/files/s?t=2")

        let certificate = try #require(session.signerCertificate)
        #expect(certificate.subjectCommonName == "ALAN MATHISON TURING")
        #expect(certificate.pkiBrazil?.certificateType == .a3)
        #expect(certificate.pkiBrazil?.cpf == "12345678909")
        #expect(certificate.pkiItaly?.certificateType == .undefined)
        #expect(certificate.binaryThumbprintSHA256 == Data(0..<32))
        #expect(certificate.subjectName?.allValues?["OU"] == [])
        #expect(certificate.validityStart == RestPkiDateFormat.date(from: "2023-01-02T13:00:00Z"))
        #expect(certificate.issuer?.subjectCommonName == "AC Lacuna Software Test")
        #expect(certificate.issuer?.issuer?.subjectCommonName == "Raiz de Teste")
        #expect(certificate.issuer?.issuer?.issuer == nil)
    }

    @Test("A sparse session (nulls omitted) decodes, with no documents")
    func sparseSession() throws {
        let session = try decode(SignatureSessionModel.self, Samples.pendingSessionSparse)
        #expect(session.status == .pending)
        #expect(session.documents.isEmpty)
        #expect(session.signerCertificate == nil)
        #expect(session.callbackArgument == nil)
    }

    @Test(
        "Null and absent optional fields read the same",
        arguments: ["processingErrorCode", "callbackArgument", "signerCertificate", "documents"])
    func nullEqualsAbsent(field: String) throws {
        let withNull = "{\"id\":\"\(Samples.sessionId)\",\"status\":\"Pending\",\"\(field)\":null}"
        #expect(
            try decode(SignatureSessionModel.self, withNull)
                == decode(SignatureSessionModel.self, Samples.pendingSessionSparse))
    }

    @Test(
        "Unknown enum values are kept, never fail the decode",
        arguments: [
            ("status", "WaitingForApproval"), ("status", "Complete"), ("status", "42"),
        ])
    func unknownSessionStatus(field: String, value: String) throws {
        let json = "{\"id\":\"\(Samples.sessionId)\",\"\(field)\":\"\(value)\"}"
        let session = try decode(SignatureSessionModel.self, json)
        #expect(session.status.rawValue == value)
        #expect(!session.status.isDocumented)
        #expect(!session.status.isInProgress)
    }

    @Test("Unknown values inside nested models are kept")
    func unknownNestedValues() throws {
        let json = """
            {"id":"\(Samples.sessionId)","status":"Completed","documents":[
              {"id":"\(Samples.documentId)","status":"Archived","signatureType":"Pades"}],
             "signerCertificate":{"pkiBrazil":{"certificateType":"A5"},"pkiItaly":{"certificateType":"Qes"}}}
            """
        let session = try decode(SignatureSessionModel.self, json)
        #expect(session.documents[0].status?.rawValue == "Archived")
        #expect(session.documents[0].signatureType?.rawValue == "Pades")
        #expect(session.documents[0].signatureType?.isDocumented == false)
        #expect(session.signerCertificate?.pkiBrazil?.certificateType?.rawValue == "A5")
        #expect(session.signerCertificate?.pkiItaly?.certificateType?.rawValue == "Qes")
    }

    @Test("Documented enum values match case-insensitively and normalise")
    func caseInsensitiveEnums() throws {
        let json = "{\"id\":\"\(Samples.sessionId)\",\"status\":\"userCANCELLED\"}"
        let session = try decode(SignatureSessionModel.self, json)
        #expect(session.status == .userCancelled)
        #expect(session.status.rawValue == "UserCancelled")
    }

    @Test(
        "SessionCompletionStatus variants",
        arguments: [
            ("{\"completed\":true,\"progress\":100}", true, 100.0),
            ("{\"completed\":false,\"progress\":42.5}", false, 42.5),
            ("{\"completed\":false,\"progress\":7}", false, 7.0),
            ("{\"completed\":false}", false, 0.0),
            ("{\"completed\":true,\"progress\":null}", true, 100.0),
            ("{\"completed\":false,\"progress\":3,\"eta\":\"soon\"}", false, 3.0),
        ])
    func completionStatus(json: String, completed: Bool, progress: Double) throws {
        let status = try decode(SessionCompletionStatus.self, json)
        #expect(status.completed == completed)
        #expect(status.progress == progress)
    }

    @Test(
        "Missing or wrong-typed required fields fail with a DecodingError",
        arguments: [
            "{\"status\":\"Completed\"}",
            "{\"id\":\"\(Samples.sessionId)\"}",
            "{\"id\":\"not-a-uuid\",\"status\":\"Completed\"}",
            "{\"id\":\"\(Samples.sessionId)\",\"status\":3}",
            "{\"id\":\"\(Samples.sessionId)\",\"status\":\"Completed\",\"documents\":{}}",
            "{\"id\":\"\(Samples.sessionId)\",\"status\":\"Completed\",\"documents\":[{\"status\":\"Completed\"}]}",
            Samples.sessionWithDocument(#""dateSigned":"yesterday""#),
            "[]",
        ])
    func requiredFields(json: String) {
        #expect(throws: DecodingError.self) { try decode(SignatureSessionModel.self, json) }
    }

    /// Decision: responses are camelCase (spec and docs); PascalCase keys are not mapped, because metadata
    /// and `details` keys must be kept verbatim. A PascalCase body therefore fails on the first required key,
    /// loudly, instead of decoding into a half-empty model.
    @Test("PascalCase response keys are not accepted; the failure names the missing camelCase key")
    func pascalCaseIsRejected() throws {
        let json = "{\"Id\":\"\(Samples.sessionId)\",\"Status\":\"Completed\"}"
        do {
            _ = try decode(SignatureSessionModel.self, json)
            Issue.record("PascalCase decoded")
        } catch let DecodingError.keyNotFound(key, _) {
            #expect(key.stringValue == "id")
        }
    }

    @Test("The documentation's webhook-style file (deprecated names only) reads through the accessors")
    func deprecatedFileNames() throws {
        let file = try decode(
            DocumentFileModel.self,
            "{\"name\":\"P1.pdf\",\"length\":10,\"contentType\":\"application/pdf\",\"location\":\"https://x.test/f\"}")
        #expect(file.effectiveMimeType == "application/pdf")
        #expect(file.downloadURL == URL(string: "https://x.test/f"))
        let empty = try decode(DocumentFileModel.self, "{\"mimeType\":\"\",\"contentType\":\"image/png\",\"url\":\"\"}")
        #expect(empty.effectiveMimeType == "image/png")
        #expect(empty.downloadURL == nil)
    }

    @Test("A session survives an encode-decode round trip")
    func roundTrip() throws {
        let session = try decode(SignatureSessionModel.self, Samples.completedSession)
        let again = try decode(SignatureSessionModel.self, try encodeSorted(session))
        #expect(again.documents[0].availableUntil == session.documents[0].availableUntil)
        #expect(again.signerCertificate?.issuer?.issuer == session.signerCertificate?.issuer?.issuer)
        #expect(again.id == session.id)
        let text = try encodeSorted(session)
        #expect(text.contains("\"id\":\"\(Samples.sessionId)\""))
        #expect(text.contains("\"availableUntil\":\"2024-05-08T12:34:56Z\""))
    }
}
