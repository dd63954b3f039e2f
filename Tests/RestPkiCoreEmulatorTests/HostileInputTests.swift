import Foundation
import RestPkiCore
import RestPkiCoreEmulator
import Testing

/// Input meant to break the emulator: it answers every request with a well-formed error and keeps serving.
@Suite struct HostileInputTests {
    @Test func deepNestingOversizedBodiesAndBadPaths() async throws {
        var configuration = RestPkiEmulator.Configuration(longPollWindow: .milliseconds(200))
        configuration.maxRequestBodySize = 64 * 1024
        try await withEmulator(configuration) { fixture in
            let create = fixture.baseURL.appendingPathComponent("api/signature-sessions")
            let nested = String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000)
            #expect(try await raw("POST", create, headers: keyed, body: nested).status == 400)
            let deepObject = String(repeating: #"{"a":"#, count: 5_000) + "1" + String(repeating: "}", count: 5_000)
            #expect(try await raw("POST", create, headers: keyed, body: deepObject).status == 400)
            let huge = #"{"callbackArgument":""# + String(repeating: "x", count: 70_000) + #""}"#
            let tooLarge = try await raw("POST", create, headers: keyed, body: huge)
            #expect(tooLarge.status == 413)
            #expect(tooLarge.headers["content-type"]?.contains("json") == true)
            let badEscape = URL(string: fixture.baseURL.absoluteString + "api/signature-sessions/%zz")!
            #expect(try await raw("GET", badEscape, headers: keyed).status == 400)
            let control = fixture.baseURL.appendingPathComponent("_emulator/sessions/\(UUID().uuidString)/uploads")
            let numbers = #"{"name":"a.pdf","length":1e400}"#
            #expect(
                try await raw("POST", control, headers: ["Content-Type": "application/json"], body: numbers).status
                    == 400)
            let created = try await fixture.client.createSignatureSession(.init())
            #expect(try await fixture.client.signatureSession(id: created.sessionId).status == .pending)
        }
    }

    @Test func hostileNamesRoundTripExactlyAndAreEscapedOnThePage() async throws {
        try await withEmulator { fixture in
            let created = try await fixture.client.createSignatureSession(.init())
            let name = "<script>alert(1)</script>\n\u{0}\u{202E}fdp.exe\"'&.pdf"
            let outcome = try await fixture.control.upload(sessionId: created.sessionId, name: name, length: 3)
            #expect(outcome.name == name)
            let session = try await fixture.client.signatureSession(id: created.sessionId)
            #expect(session.documents.first?.originalFile?.name == name)
            let page = try await raw("GET", try #require(created.redirectURL))
            #expect(!page.text.contains("<script>"))
            #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt;&#xFFFD;&#xFFFD;"))
            #expect(page.headers["content-security-policy"]?.contains("default-src 'none'") == true)
        }
    }

    @Test func concurrentUploadsAndCompletionStayConsistent() async throws {
        try await withEmulator { fixture in
            let id = try await fixture.client.createSignatureSession(.init()).sessionId
            let control = fixture.control
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<20 {
                    group.addTask {
                        _ = try? await control.upload(sessionId: id, name: "doc-\(index).pdf", length: 10)
                    }
                }
                group.addTask {
                    try await Task.sleep(for: .milliseconds(20))
                    _ = try? await control.complete(sessionId: id)
                }
                try await group.waitForAll()
            }
            let view = try await fixture.control.session(id: id)
            #expect(view.status == .completed)
            #expect(view.documents.count == view.uploads.count, "every recorded upload was accepted and kept")
            #expect(Set(view.documents.map(\.id)).count == view.documents.count)
            let session = try await fixture.client.signatureSession(id: id)
            #expect(session.documents.count == view.documents.count)
            #expect(session.documents.allSatisfy { $0.status == .completed })
        }
    }
}
