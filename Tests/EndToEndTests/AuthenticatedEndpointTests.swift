import Foundation
import RestPkiCore
import RestPkiCoreEmulator
import Testing

/// The endpoint protected by each scheme Rest PKI Core can send; the emulator sends the configured credentials.
@Suite struct AuthenticatedEndpointTests {
    typealias Auth = RestPkiEmulator.ValidationAuthentication

    @Test(arguments: [
        ("api-key", "old-key,new-key", Auth.apiKey("new-key")),
        ("bearer", "token-1", Auth.bearer("token-1")),
        ("basic", "restpki:s3cret", Auth.basic(user: "restpki", password: "s3cret")),
    ])
    func sendsTheConfiguredCredentials(mode: String, secrets: String, auth: Auth) async throws {
        let options = StackOptions(
            serveArguments: ["--auth", mode], serveEnvironment: ["UPLOADGATE_API_KEYS": secrets], authentication: auth)
        try await withStack(options) { stack in
            let id = try await stack.client.createSignatureSession(.init()).sessionId
            let outcome = try await stack.control.upload(
                sessionId: id, name: "Contrato.pdf", contentType: "application/pdf", length: 10)
            #expect(outcome.accepted && outcome.decidedBy == .endpoint, "\(outcome)")
            let rejected = try await stack.control.upload(sessionId: id, name: "a.docx", length: 10)
            #expect(rejected.decidedBy == .endpoint && rejected.rejectReason != nil)
        }
    }

    @Test(arguments: [Auth.none, Auth.apiKey("stolen-key"), Auth.bearer("old-key")])
    func wrongOrMissingCredentialsFailClosed(auth: Auth) async throws {
        let options = StackOptions(
            serveArguments: ["--auth", "api-key"], serveEnvironment: ["UPLOADGATE_API_KEYS": "old-key"],
            authentication: auth)
        try await withStack(options) { stack in
            let id = try await stack.client.createSignatureSession(.init()).sessionId
            let outcome = try await stack.control.upload(
                sessionId: id, name: "Contrato.pdf", contentType: "application/pdf", length: 10)
            #expect(!outcome.accepted && outcome.decidedBy == .endpointFailure)
            #expect(outcome.endpointStatus == 401)
            #expect(outcome.failure == "the endpoint answered HTTP 401")
            #expect(outcome.message == "File rejected (the file could not be validated)")
            #expect(try await stack.control.session(id: id).documents.isEmpty)
        }
    }
}
