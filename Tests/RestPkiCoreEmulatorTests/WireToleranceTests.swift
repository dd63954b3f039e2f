import Foundation
import RestPkiCore
import RestPkiCoreEmulator
import Testing

/// The wire as clients see it: paths, casing, nulls, content types, and the error shapes.
@Suite struct WireToleranceTests {
    @Test(arguments: ["api/signature-sessions", "api/signature-sessions/", "API/Signature-Sessions/"])
    func createsOnEveryPathSpelling(_ path: String) async throws {
        try await withEmulator { fixture in
            let reply = try await raw("POST", fixture.baseURL.appendingPathComponent(path), headers: keyed, body: "{}")
            #expect(reply.status == 200)
            let id = try #require(reply.object["sessionId"] as? String)
            #expect(id == id.lowercased() && UUID(uuidString: id) != nil)
            let redirect = try #require(reply.object["redirectUrl"] as? String)
            #expect(redirect.hasPrefix(fixture.baseURL.absoluteString + "signature-sessions/\(id)?token="))
        }
    }

    @Test func bindsPascalCaseAndNullsAsASPNETDoes() async throws {
        try await withEmulator { fixture in
            let body =
                #"{"ReturnUrl":null,"CALLBACKARGUMENT":"order-7","enableBackgroundProcessing":true,"#
                + #""documents":null,"documentMetadata":null,"unknownField":[1,2]}"#
            let reply = try await raw(
                "POST", fixture.baseURL.appendingPathComponent("api/signature-sessions"), headers: keyed, body: body)
            #expect(reply.status == 200)
            let id = try #require(UUID(uuidString: reply.object["sessionId"] as? String ?? ""))
            let session = try await fixture.client.signatureSession(id: id)
            #expect(session.callbackArgument == "order-7")
            #expect(try #require(fixture.emulator.session(id: id)).backgroundProcessing)
        }
    }

    @Test func answersWithExplicitNullsCamelCaseAndBothFileNames() async throws {
        try await withEmulator { fixture in
            let document = SignatureSessionDocumentData(
                file: .content(Data("%PDF-1.4".utf8), name: "a.pdf", mimeType: "application/pdf"))
            let created = try await fixture.client.createSignatureSession(.init(documents: [document]))
            let path = "API/SIGNATURE-SESSIONS/\(created.sessionId.uuidString.uppercased())/"
            let reply = try await raw("GET", fixture.baseURL.appendingPathComponent(path), headers: keyed)
            #expect(reply.status == 200)
            #expect(reply.headers["content-type"]?.hasPrefix("application/json") == true)
            for null in [
                #""processingErrorCode":null"#, #""callbackArgument":null"#, #""signerCertificate":null"#,
                #""signedFile":null"#, #""markedFile":null"#, #""dateSigned":null"#,
            ] {
                #expect(reply.text.contains(null), "missing \(null) in \(reply.text)")
            }
            #expect(reply.text.contains(#""status":"Pending""#))
            #expect(reply.text.contains(#""signatureType":"Pdf""#))
            let documents = try #require(reply.object["documents"] as? [[String: Any]])
            let original = try #require(documents.first?["originalFile"] as? [String: Any])
            #expect(original["mimeType"] as? String == "application/pdf")
            #expect(original["contentType"] as? String == "application/pdf")
            #expect(original["url"] as? String == original["location"] as? String)
            #expect(original["length"] as? Int == 8)
        }
    }

    @Test func refusesBodiesItCannotBind() async throws {
        try await withEmulator { fixture in
            let url = fixture.baseURL.appendingPathComponent("api/signature-sessions")
            let cases: [(String, String)] = [
                ("{not json", "$"),
                ("[]", "$"),
                (#"{"enableBackgroundProcessing":"yes"}"#, "enableBackgroundProcessing"),
                (#"{"returnUrl":"\#(String(repeating: "x", count: 1025))"}"#, "returnUrl"),
                (#"{"documents":[{"file":{"content":"AAAA"}}]}"#, "documents[0].file.name"),
                (#"{"documents":[{"file":{"name":"a.pdf"}}]}"#, "documents[0].file"),
                (
                    #"{"documents":[{"file":{"url":"https://x/a.pdf"},"signatureType":"Pades"}]}"#,
                    "documents[0].signatureType"
                ),
                (#"{"returnUrl":"a","returnurl":"b"}"#, "returnUrl"),
            ]
            for (body, field) in cases {
                let reply = try await raw("POST", url, headers: keyed, body: body)
                #expect(reply.status == 400, "\(body)")
                let errors = reply.object["errors"] as? [String: Any]
                #expect(errors?[field] != nil, "\(body): \(reply.text)")
            }
            let created = fixture.emulator.requests.filter { $0.status == 200 }
            #expect(created.isEmpty)
        }
    }

    @Test func refusesOtherMediaTypesMethodsAndPaths() async throws {
        try await withEmulator { fixture in
            let create = fixture.baseURL.appendingPathComponent("api/signature-sessions")
            var headers = keyed
            headers["Content-Type"] = "text/plain"
            #expect(try await raw("POST", create, headers: headers, body: "{}").status == 415)
            headers["Content-Type"] = "application/merge-patch+json; charset=utf-8"
            #expect(try await raw("POST", create, headers: headers, body: "{}").status == 200)
            let put = try await raw("PUT", create, headers: keyed, body: "{}")
            #expect(put.status == 405)
            #expect(put.headers["allow"] == "POST")
            #expect(
                try await raw("GET", fixture.baseURL.appendingPathComponent("api/nothing"), headers: keyed).status
                    == 404)
            let badID = try await raw(
                "GET", fixture.baseURL.appendingPathComponent("api/signature-sessions/not-a-uuid"), headers: keyed)
            #expect(badID.status == 400)
            #expect((badID.object["errors"] as? [String: Any])?["id"] != nil)
        }
    }

    @Test func requiresTheAPIKeyOnAPIRoutesOnly() async throws {
        try await withEmulator { fixture in
            let create = fixture.baseURL.appendingPathComponent("api/signature-sessions")
            let missing = try await raw("POST", create, headers: ["Content-Type": "application/json"], body: "{}")
            #expect(missing.status == 401)
            #expect(missing.body.isEmpty)
            let wrong = RestPkiCoreClient(
                endpoint: fixture.baseURL, apiKey: "other|" + String(repeating: "1", count: 64))
            let error = await failure { try await wrong.createSignatureSession(.init()) }
            #expect(error?.kind == .unauthorized)

            let created = try await fixture.client.createSignatureSession(.init())
            let view = try await fixture.control.session(id: created.sessionId)
            #expect(view.status == .pending)
            let checks = fixture.emulator.requests.compactMap(\.apiKey)
            #expect(checks == [.missing, .invalid, .valid])
            #expect(fixture.emulator.requests.last?.isControl == true)
        }
    }

    @Test func signaturePageNeedsItsToken() async throws {
        try await withEmulator { fixture in
            let created = try await fixture.client.createSignatureSession(.init())
            let redirect = try #require(created.redirectURL)
            let page = try await raw("GET", redirect)
            #expect(page.status == 200)
            #expect(page.text.contains(created.sessionId.uuidString.lowercased()))
            var components = try #require(URLComponents(url: redirect, resolvingAgainstBaseURL: false))
            components.query = "token=wrong"
            #expect(try await raw("GET", try #require(components.url)).status == 403)
            #expect(fixture.emulator.requests.allSatisfy { !$0.path.contains("token") })
        }
    }
}
