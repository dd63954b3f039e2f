import Foundation
import Testing

@testable import UploadGateServer

/// Every authentication mode over real HTTP, with several secrets (rotation), wrong and missing credentials,
/// and the promise that no secret ever shows up in a response or a log line.
@Suite("Authentication")
struct AuthTests {
    static let apiKeys = [
        "app|1111111111111111aaaaaaaaaaaaaaaa", "app|2222222222222222bbbbbbbbbbbbbbbb", "k3-rotating",
    ]
    static let tokens = ["tok-AAAAAAAAAAAAAAAAAAAAAAAA", "tok-BBBBBBBBBBBBBBBBBBBBBBBB"]
    static let users = ["restpki:s3cret pass", "backup:other:colon"]

    private func basic(_ pair: String) -> String { "Basic " + Data(pair.utf8).base64EncodedString() }

    /// Requests to every authenticated route, returning statuses; checks the 401 shape on the way.
    private func expectRefused(
        _ server: TestService, _ headers: [(String, String)], challenge: String, message: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        for (method, path) in [("POST", "/validate"), ("POST", "/validate/default"), ("GET", "/policies")] {
            let response = try await server.exchange(
                method: method, path, headers: headers, json: method == "POST" ? #"{"name":"a.pdf"}"# : nil)
            #expect(response.status == 401, sourceLocation: sourceLocation)
            #expect(response.errorCode == "auth.unauthorized", sourceLocation: sourceLocation)
            #expect(response.errorMessage == message, sourceLocation: sourceLocation)
            #expect(response.header("WWW-Authenticate") == challenge, sourceLocation: sourceLocation)
            #expect(
                response.header("Content-Type") == "application/json; charset=utf-8", sourceLocation: sourceLocation)
            #expect(response.decisionCode == nil, sourceLocation: sourceLocation)
        }
    }

    private func expectAllowed(
        _ server: TestService, _ headers: [(String, String)], sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        #expect(try await server.validate("a.pdf", headers: headers).accept == true, sourceLocation: sourceLocation)
        #expect(
            try await server.exchange(method: "GET", "/policies", headers: headers).status == 200,
            sourceLocation: sourceLocation)
    }

    @Test("X-Api-Key: every configured key works; wrong, empty or missing keys get 401")
    func apiKey() async throws {
        let server = try TestService(authenticator: try Authenticator(mode: .apiKey, secrets: Self.apiKeys))
        defer { server.stop() }
        for key in Self.apiKeys { try await expectAllowed(server, [("X-Api-Key", key)]) }
        try await expectAllowed(server, [("x-api-key", Self.apiKeys[0])])
        let challenge = #"ApiKey realm="uploadgate", header="X-Api-Key""#
        try await expectRefused(server, [], challenge: challenge, message: "Send the API key in the X-Api-Key header.")
        for wrong in [
            "app|1111111111111111aaaaaaaaaaaaaaab", "app|1111111111111111aaaaaaaaaaaaaaaa0", "k3", "",
            String(repeating: "k", count: 600), "Bearer " + Self.apiKeys[0],
        ] {
            try await expectRefused(
                server, [("X-Api-Key", wrong)], challenge: challenge, message: "The API key is not valid.")
        }
        try await expectRefused(
            server, [("Authorization", "Bearer " + Self.apiKeys[0])], challenge: challenge,
            message: "Send the API key in the X-Api-Key header.")
        try await checkNoSecretLeaks(server, Self.apiKeys)
    }

    @Test("Bearer: every token works, in Authorization or (as Rest PKI Core's docs name it) Authentication")
    func bearer() async throws {
        let server = try TestService(authenticator: try Authenticator(mode: .bearer, secrets: Self.tokens))
        defer { server.stop() }
        for token in Self.tokens {
            try await expectAllowed(server, [("Authorization", "Bearer \(token)")])
            try await expectAllowed(server, [("Authentication", "Bearer \(token)")])
        }
        try await expectAllowed(server, [("Authorization", "bearer  \(Self.tokens[0])")])
        try await expectAllowed(
            server, [("Authorization", "Basic eDp5"), ("Authentication", "Bearer \(Self.tokens[1])")])
        let challenge = #"Bearer realm="uploadgate""#
        let missing = "Send credentials in the Authorization header with the Bearer scheme."
        try await expectRefused(server, [], challenge: challenge, message: missing)
        try await expectRefused(server, [("Authorization", Self.tokens[0])], challenge: challenge, message: missing)
        try await expectRefused(server, [("Authorization", "Bearer")], challenge: challenge, message: missing)
        try await expectRefused(server, [("X-Api-Key", Self.tokens[0])], challenge: challenge, message: missing)
        try await expectRefused(
            server, [("Authorization", "Basic " + Data(Self.tokens[0].utf8).base64EncodedString())],
            challenge: challenge, message: missing)
        for wrong in ["tok-AAAAAAAAAAAAAAAAAAAAAAAB", "tok-", String(repeating: "t", count: 2000)] {
            try await expectRefused(
                server, [("Authorization", "Bearer \(wrong)")], challenge: challenge, message: "The token is not valid."
            )
        }
        try await checkNoSecretLeaks(server, Self.tokens)
    }

    @Test("Basic: every user:password works; wrong passwords, users and encodings get 401")
    func basicAuth() async throws {
        let server = try TestService(authenticator: try Authenticator(mode: .basic, secrets: Self.users))
        defer { server.stop() }
        for pair in Self.users {
            try await expectAllowed(server, [("Authorization", basic(pair))])
            try await expectAllowed(server, [("Authentication", basic(pair))])
        }
        let challenge = #"Basic realm="uploadgate", charset="UTF-8""#
        try await expectRefused(
            server, [], challenge: challenge,
            message: "Send credentials in the Authorization header with the Basic scheme.")
        for wrong in ["restpki:s3cret pas", "restpki:", ":s3cret pass", "RESTPKI:s3cret pass", "backup:other"] {
            try await expectRefused(
                server, [("Authorization", basic(wrong))], challenge: challenge,
                message: "The user name or password is not valid.")
        }
        try await expectRefused(
            server, [("Authorization", "Basic ***not base64***")], challenge: challenge,
            message: "The Basic credentials are not valid base64.")
        try await checkNoSecretLeaks(server, Self.users + Self.users.map { Data($0.utf8).base64EncodedString() })
    }

    @Test("No authentication: every call passes, whatever credentials it carries")
    func none() async throws {
        let server = Shared.embedded
        try await expectAllowed(server, [])
        try await expectAllowed(server, [("X-Api-Key", "anything"), ("Authorization", "Bearer x")])
    }

    @Test("Operations routes other than /policies need no credentials (probes and scrapers)")
    func operationsOpen() async throws {
        let server = try TestService(authenticator: try Authenticator(mode: .apiKey, secrets: Self.apiKeys))
        defer { server.stop() }
        for path in ["/healthz", "/readyz", "/metrics"] {
            #expect(try await server.exchange(method: "GET", path).status == 200)
        }
        #expect(try await server.exchange(method: "GET", "/policies").status == 401)
    }

    @Test("Authenticator refuses unusable secret sets, naming no secret")
    func configurationErrors() {
        #expect(throws: AuthenticationError.self) { try Authenticator(mode: .apiKey, secrets: []) }
        #expect(throws: AuthenticationError.self) { try Authenticator(mode: .basic, secrets: ["no-colon"]) }
        #expect(throws: AuthenticationError.self) { try Authenticator(mode: .bearer, secrets: ["has space"]) }
        #expect(throws: AuthenticationError.self) { try Authenticator(mode: .apiKey, secrets: [""]) }
        // A Basic secret with an empty password would let in anyone who knows (or guesses) the user name, and
        // ':' anyone at all: as an empty API key, it is refused.
        for secret in [":", "alice:"] {
            #expect(throws: AuthenticationError.self, "\(secret.debugDescription)") {
                try Authenticator(mode: .basic, secrets: ["ok:pw", secret])
            }
        }
        #expect((try? Authenticator(mode: .basic, secrets: [":pw", "alice:a:b"])) != nil)
        do {
            _ = try Authenticator(mode: .basic, secrets: ["alice:"])
            Issue.record("accepted a Basic secret with an empty password")
        } catch {
            #expect(error.description == "secret #1 must be 'user:password' with a password for basic auth")
        }
        do {
            _ = try Authenticator(mode: .basic, secrets: ["ok:pw", "secret-without-colon"])
            Issue.record("accepted a Basic secret without a colon")
        } catch {
            #expect(!error.description.contains("secret-without-colon"))
        }
        let authenticator = try? Authenticator(mode: .apiKey, secrets: Self.apiKeys)
        #expect(authenticator?.description == "api-key (3 secrets)")
    }

    @Test("Secrets from a file: comments, blank lines and CRLF are skipped; environment takes commas")
    func secretSources() async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("# rotation\r\n\r\n  key-one  \r\nkey-two\n#old\n".utf8).write(to: url)
        #expect(try SecretSource.secrets(fromFile: url.path) == ["key-one", "key-two"])
        #expect(SecretSource.secrets(environment: ["UPLOADGATE_API_KEYS": "a, b,,c\nd"]) == ["a", "b", "c", "d"])
        #expect(SecretSource.secrets(environment: [:]) == nil)
        do {
            _ = try SecretSource.secrets(fromFile: "/nonexistent/keys")
            Issue.record("read a missing file")
        } catch {
            #expect(error.description == "cannot read the secrets file '/nonexistent/keys'")
        }
    }

    /// Sends wrong and right credentials, then checks that no secret appears in any response or log line.
    private func checkNoSecretLeaks(_ server: TestService, _ secrets: [String]) async throws {
        var seen: [String] = []
        for headers in [[("X-Api-Key", "wrong")], [("Authorization", "Bearer wrong")], []] {
            for path in ["/validate", "/validate/default", "/validate/unknown", "/policies", "/metrics", "/nope"] {
                let response = try await server.exchange(
                    method: path.hasPrefix("/validate") ? "POST" : "GET", path,
                    headers: headers, json: path.hasPrefix("/validate") ? #"{"name":"a.pdf"}"# : nil)
                seen.append(response.text)
                seen.append(response.headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n"))
            }
        }
        seen.append(server.loggedText)
        seen.append(server.decisionLines.joined(separator: "\n"))
        seen.append(server.service.configuration.authenticator.description)
        for secret in secrets {
            for text in seen {
                #expect(!text.contains(secret), "a secret appeared in: \(text.prefix(300))")
            }
        }
    }
}
