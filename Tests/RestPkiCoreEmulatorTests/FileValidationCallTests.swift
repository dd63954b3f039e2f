import Foundation
import HTTPServer
import RestPkiCore
import RestPkiCoreEmulator
import Testing

/// How the emulator calls the validation URL and reads the answer, against a recording stub.
@Suite struct FileValidationCallTests {
    func configuration(
        _ stub: StubEndpoint, pattern: String? = nil, auth: RestPkiEmulator.ValidationAuthentication = .none,
        language: RestPkiEmulator.PageLanguage = .english
    ) -> RestPkiEmulator.Configuration {
        let validation = RestPkiEmulator.FileValidation(url: stub.url, authentication: auth, timeout: .seconds(5))
        return .init(
            subscription: .init(acceptableFileNamePattern: pattern, fileValidation: validation),
            longPollWindow: .milliseconds(200), pageLanguage: language)
    }

    @Test func postsTheDocumentedBodyWithLanguageAndCredentials() async throws {
        let stub = try StubEndpoint { _ in .json(#"{"accept":true,"rejectReason":null}"#) }
        let auths: [(RestPkiEmulator.ValidationAuthentication, String, String)] = [
            (.apiKey("k-123"), "X-Api-Key", "k-123"),
            (.bearer("t-456"), "Authorization", "Bearer t-456"),
            (
                .basic(user: "rest", password: "p:w"), "Authorization",
                "Basic " + Data("rest:p:w".utf8).base64EncodedString()
            ),
        ]
        for (auth, header, value) in auths {
            try await withEmulator(configuration(stub, auth: auth, language: .brazilianPortuguese)) { fixture in
                let id = try await fixture.client.createSignatureSession(.init()).sessionId
                let outcome = try await fixture.control.upload(
                    sessionId: id, name: "Relatório Çá.pdf", contentType: "application/pdf", length: 2_476_032)
                #expect(outcome.accepted && outcome.decidedBy == .endpoint && outcome.endpointStatus == 200)
            }
            let request = try #require(stub.requests.last)
            #expect(request.method == .post)
            #expect(request.path == "/validate")
            #expect(request.headers["Content-Type"] == "application/json; charset=utf-8")
            #expect(request.headers["Accept-Language"] == "pt-BR")
            #expect(request.headers[header] == value)
            let body = try #require(try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any])
            #expect(Set(body.keys) == ["name", "contentType", "length"])
            #expect(body["name"] as? String == "Relatório Çá.pdf")
            #expect(body["contentType"] as? String == "application/pdf")
            #expect(body["length"] as? Int == 2_476_032)
        }
        #expect(String(describing: RestPkiEmulator.ValidationAuthentication.bearer("t-456")) == "bearer")
    }

    @Test func patternIsAnUnanchoredCaseSensitiveSearchCheckedFirst() async throws {
        let stub = try StubEndpoint { _ in .json(#"{"accept":true}"#) }
        let cases: [(String, String, Bool)] = [
            (#"^[PX]\d{6}\.pdf$"#, "P123456.pdf", true),
            (#"^[PX]\d{6}\.pdf$"#, "p123456.PDF", false),
            (#"^[PX]\d{6}\.pdf$"#, "P123456.pdf.exe", false),
            (#"\d{6}"#, "pedido-123456-final.docx", true),
            (#"\d{6}"#, "pedido-12345.pdf", false),
        ]
        for (pattern, name, accepted) in cases {
            let before = stub.requests.count
            try await withEmulator(configuration(stub, pattern: pattern)) { fixture in
                let id = try await fixture.client.createSignatureSession(.init()).sessionId
                let outcome = try await fixture.control.upload(sessionId: id, name: name, length: 10)
                #expect(outcome.accepted == accepted, "\(pattern) on \(name)")
                if !accepted {
                    #expect(outcome.decidedBy == .pattern)
                    #expect(outcome.message == "File rejected (file name does not follow the pattern)")
                }
            }
            #expect(stub.requests.count == before + (accepted ? 1 : 0), "the endpoint is called only after the pattern")
        }
        #expect(throws: RestPkiEmulatorError.self) {
            _ = try RestPkiEmulator(configuration: .init(subscription: .init(acceptableFileNamePattern: "([a-")))
        }
        #expect(throws: RestPkiEmulatorError.self) {
            let ftp = RestPkiEmulator.FileValidation(url: URL(string: "ftp://files.example/validate")!)
            _ = try RestPkiEmulator(configuration: .init(subscription: .init(fileValidation: ftp)))
        }
        #expect(throws: RestPkiEmulatorError.self) {
            let injected = RestPkiEmulator.FileValidation(url: stub.url, authentication: .apiKey("k\r\nX-Evil: 1"))
            _ = try RestPkiEmulator(configuration: .init(subscription: .init(fileValidation: injected)))
        }
    }

    @Test(
        arguments: [
            (
                #"{"accept":false,"rejectReason":"Pedido não encontrado: 100004"}"#, 200, false,
                "Pedido não encontrado: 100004"
            ),
            (#"{"Accept":false,"RejectReason":"PascalCase reason"}"#, 200, false, "PascalCase reason"),
            (#"{"ACCEPT":true,"extra":{"nested":[1]}}"#, 200, true, nil),
            (#"{"accept":true,"rejectReason":null}"#, 202, true, nil),
            (#"{"accept":false,"rejectReason":null}"#, 200, false, nil),
        ] as [(String, Int, Bool, String?)])
    func readsAnswersCaseInsensitively(_ body: String, status: Int, accepted: Bool, reason: String?) async throws {
        let stub = try StubEndpoint { _ in .json(body, status: HTTPStatus(status)) }
        try await withEmulator(configuration(stub, language: .brazilianPortuguese)) { fixture in
            let id = try await fixture.client.createSignatureSession(.init()).sessionId
            let outcome = try await fixture.control.upload(sessionId: id, name: "P100004.pdf", length: 10)
            #expect(outcome.accepted == accepted)
            #expect(outcome.decidedBy == .endpoint)
            #expect(outcome.rejectReason == reason)
            if !accepted {
                #expect(outcome.message == (reason.map { "Arquivo recusado (\($0))" } ?? "Arquivo recusado"))
            }
            let view = try await fixture.control.session(id: id)
            #expect(view.documents.count == (accepted ? 1 : 0))
            #expect(view.uploads == [outcome])
        }
    }
}
