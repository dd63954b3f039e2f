import Foundation
import Testing

@testable import RestPkiCore

@Suite("Encoding requests")
struct RequestEncodingTests {
    @Test("A default request is an empty object")
    func empty() throws {
        #expect(try encodeSorted(CreateSignatureSessionRequest()) == "{}")
    }

    @Test("The basic flow sends only the return URL")
    func basicFlow() throws {
        let request = CreateSignatureSessionRequest(returnUrl: URL(string: "http://localhost:8080/SessionCallback"))
        #expect(try encodeSorted(request) == #"{"returnUrl":"http://localhost:8080/SessionCallback"}"#)
    }

    @Test("A relative return URL is written absolute")
    func relativeReturnURL() throws {
        let base = URL(string: "https://app.example.com/sign/")!
        let request = CreateSignatureSessionRequest(returnUrl: URL(string: "done?order=7", relativeTo: base))
        #expect(try encodeSorted(request) == #"{"returnUrl":"https://app.example.com/sign/done?order=7"}"#)
    }

    @Test("Flags are written only when true")
    func flags() throws {
        let request = CreateSignatureSessionRequest(enableBackgroundProcessing: true, disableDownloads: true)
        #expect(try encodeSorted(request) == #"{"disableDownloads":true,"enableBackgroundProcessing":true}"#)
    }

    @Test("Every field, with exact camelCase keys and lowercase ids")
    func everything() throws {
        let context = UUID(uuidString: "6BA7B810-9DAD-11D1-80B4-00C04FD430C8")!
        let documentId = UUID(uuidString: "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11")!
        let request = CreateSignatureSessionRequest(
            returnUrl: URL(string: "https://app.example.com/back?x=1"),
            securityContextId: context,
            callbackArgument: "order-7",
            documentMetadata: ["organization": ["Patorum Inc."], "categories": ["Document", "Forms"]],
            documents: [
                SignatureSessionDocumentData(
                    file: .content(Data("%PDF-1.7".utf8), name: "doc1.pdf", mimeType: "application/pdf"),
                    signatureType: .pdf, id: documentId, metadata: ["cns": ["123456"]], documentKey: "FUFYQ7SL6XKMBW9A",
                    pdfSignatureOptions: PdfSignatureOptions(convertToPdfA: true)),
                SignatureSessionDocumentData(file: .url(URL(string: "https://app.example.com/doc2.pdf?token=t")!)),
                SignatureSessionDocumentData(
                    file: .blobToken("blob-1", name: "doc3.xml"), signatureType: .xml,
                    cmsSignatureOptions: CmsSignatureOptions(detached: true)),
            ],
            certificateRequirements: [.cryptoDevice, .cpf("123.456.789-09")],
            pdfSignatureOptions: PdfSignatureOptions(
                visualRepresentation: PadesVisualRepresentationModel(
                    text: PadesVisualTextModel(text: "Signed by {{name}}", includeSigningTime: true),
                    position: PadesVisualPositioningModel(
                        pageNumber: -1,
                        auto: PadesVisualAutoPositioningModel(
                            container: PadesVisualRectangleModel(left: 1.5, right: 1.5, height: 4.94),
                            signatureRectangleSize: PadesSizeModel(height: 4.94, width: 7)))),
                measurementUnits: .centimeters),
            cmsSignatureOptions: CmsSignatureOptions(
                dataHashes: [DigestAlgorithmAndValueModel(algorithm: .sha256, value: Data([1, 2, 3]))]))

        let expected = """
            {"callbackArgument":"order-7",\
            "certificateRequirements":[{"type":"CryptoDevice"},{"argument":"123.456.789-09","type":"Cpf"}],\
            "cmsSignatureOptions":{"dataHashes":[{"algorithm":"SHA256","value":"AQID"}]},\
            "documentMetadata":{"categories":["Document","Forms"],"organization":["Patorum Inc."]},\
            "documents":[{"documentKey":"FUFYQ7SL6XKMBW9A",\
            "file":{"content":"JVBERi0xLjc=","length":8,"mimeType":"application/pdf","name":"doc1.pdf"},\
            "id":"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11","metadata":{"cns":["123456"]},\
            "pdfSignatureOptions":{"convertToPdfA":true},"signatureType":"Pdf"},\
            {"file":{"url":"https://app.example.com/doc2.pdf?token=t"}},\
            {"cmsSignatureOptions":{"detached":true},"file":{"blobToken":"blob-1","name":"doc3.xml"},\
            "signatureType":"Xml"}],\
            "pdfSignatureOptions":{"measurementUnits":"Centimeters","visualRepresentation":{"position":{"auto":\
            {"container":{"height":4.94,"left":1.5,"right":1.5},"signatureRectangleSize":{"height":4.94,"width":7}},\
            "pageNumber":-1},"text":{"includeSigningTime":true,"text":"Signed by {{name}}"}}},\
            "returnUrl":"https://app.example.com/back?x=1",\
            "securityContextId":"6ba7b810-9dad-11d1-80b4-00c04fd430c8"}
            """
        let actual = try encodeSorted(request)
        #expect(actual == expected, "\(actual)")
    }

    @Test("Encoding does not depend on the encoder's strategies")
    func strategiesIgnored() throws {
        let encoder = JSONEncoder()
        encoder.dataEncodingStrategy = .deferredToData
        encoder.outputFormatting = .sortedKeys
        let file = FileReferenceModel.content(Data([0xFF]), name: "a.bin")
        let text = String(decoding: try encoder.encode(file), as: UTF8.self)
        #expect(text == #"{"content":"\/w==","length":1,"name":"a.bin"}"#)
    }

    /// What a server (or the emulator) must accept: PHP sends explicit nulls, Java omits them.
    @Test(
        "Decoding a request: explicit nulls and absent fields mean the defaults",
        arguments: [
            "{}",
            """
            {"returnUrl":null,"securityContextId":null,"callbackArgument":null,"enableBackgroundProcessing":null,
             "disableDownloads":null,"documentMetadata":null,"documents":null,"certificateRequirements":null,
             "pdfSignatureOptions":null,"cmsSignatureOptions":null,"unknownField":"ignored"}
            """,
        ])
    func decodingDefaults(json: String) throws {
        #expect(try decode(CreateSignatureSessionRequest.self, json) == CreateSignatureSessionRequest())
    }

    @Test("Decoding a request: metadata with a null value array reads as empty")
    func decodingMetadata() throws {
        let request = try decode(
            CreateSignatureSessionRequest.self,
            #"{"returnUrl":"https://a.test/r","documentMetadata":{"a":["1"],"b":null},"#
                + #""enableBackgroundProcessing":true}"#
        )
        #expect(request.documentMetadata == ["a": ["1"], "b": []])
        #expect(request.enableBackgroundProcessing)
        #expect(request.returnUrl == URL(string: "https://a.test/r"))
    }

    @Test("A request survives an encode-decode round trip")
    func roundTrip() throws {
        let request = CreateSignatureSessionRequest(
            returnUrl: URL(string: "https://a.test/r"), securityContextId: UUID(), disableDownloads: true,
            documents: [SignatureSessionDocumentData(file: .content(Data("x".utf8), name: "x.pdf"))],
            certificateRequirements: [.cpf("12345678909")])
        #expect(try decode(CreateSignatureSessionRequest.self, try encodeSorted(request)) == request)
    }
}
