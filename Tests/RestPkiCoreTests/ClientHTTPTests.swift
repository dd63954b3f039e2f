import Foundation
import Testing

@testable import RestPkiCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The client against a real HTTP server on the loopback interface.
@Suite("Client over HTTP")
struct ClientHTTPTests {
    let id = UUID(uuidString: Samples.sessionId)!

    @Test("Create: method, path, headers and body; response decoded")
    func create() async throws {
        let server = try LoopbackHTTPServer { _ in .json(Samples.createResponse) }
        let client = Fixture.client(server)
        let subscription = UUID()
        let response = try await client.createSignatureSession(
            CreateSignatureSessionRequest(returnUrl: URL(string: "https://app.test/cb"), disableDownloads: true),
            subscriptionId: subscription)
        #expect(response.sessionId == id)
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.target == "/api/signature-sessions")
        #expect(request.headers["x-api-key"] == Fixture.apiKey)
        #expect(request.headers["accept"] == "application/json")
        #expect(request.headers["content-type"]?.hasPrefix("application/json") == true)
        #expect(request.headers["x-subscription"] == subscription.uuidString.lowercased())
        #expect(
            String(decoding: request.body, as: UTF8.self)
                == #"{"disableDownloads":true,"returnUrl":"https://app.test/cb"}"#)
    }

    @Test(
        "Endpoint joining with and without a trailing slash, with a path prefix",
        arguments: [
            ("", "/api/signature-sessions"), ("/", "/api/signature-sessions"),
            ("/restpki", "/restpki/api/signature-sessions"), ("/restpki/", "/restpki/api/signature-sessions"),
            ("/a%20b//", "/a%20b/api/signature-sessions"),
        ])
    func endpointJoining(path: String, expected: String) async throws {
        let server = try LoopbackHTTPServer { _ in .json(Samples.createResponse) }
        _ = try await Fixture.client(server, path: path).createSignatureSession(CreateSignatureSessionRequest())
        #expect(server.requests.map(\.target) == [expected])
        #expect(server.requests.first?.body == Data("{}".utf8))
    }

    @Test("Get and when-completed: lowercase ids in the path, X-Api-Key and Accept-Language on every call")
    func getAndPoll() async throws {
        let server = try LoopbackHTTPServer { request in
            request.path.hasSuffix("/when-completed")
                ? .json(Samples.completion(false, 12.5)) : .json(Samples.completedSession)
        }
        var options = Fixture.fastOptions
        options.acceptLanguage = "pt-BR"
        let client = Fixture.client(server, options: options)
        let session = try await client.signatureSession(id: id)
        #expect(session.status == .completed)
        let status = try await client.completionStatus(id: id)
        #expect(status == SessionCompletionStatus(completed: false, progress: 12.5))
        #expect(
            server.requests.map(\.target) == [
                "/api/signature-sessions/\(Samples.sessionId)",
                "/api/signature-sessions/\(Samples.sessionId)/when-completed",
            ])
        #expect(server.requests.allSatisfy { $0.method == "GET" && $0.body.isEmpty })
        #expect(server.requests.allSatisfy { $0.headers["x-api-key"] == Fixture.apiKey })
        #expect(server.requests.allSatisfy { $0.headers["accept-language"] == "pt-BR" })
    }

    @Test("Whitespace around the key (a trailing newline from a secrets file) is not sent")
    func keyTrimmed() async throws {
        let server = try LoopbackHTTPServer { _ in .json(Samples.pendingSessionSparse) }
        _ = try await Fixture.client(server, apiKey: " \(Fixture.apiKey)\n").signatureSession(id: id)
        #expect(server.requests.first?.headers["x-api-key"] == Fixture.apiKey)
    }

    @Test(
        "An unusable endpoint or key fails before any request",
        arguments: [
            ("ftp://127.0.0.1/", Fixture.apiKey, "http or https"),
            ("core.pki.rest", Fixture.apiKey, "http or https"),
            ("https://core.pki.rest/?tenant=1", Fixture.apiKey, "query or fragment"),
            ("https:///x", Fixture.apiKey, "no host"),
            ("https://core.pki.rest/", "", "API key is empty"),
            ("https://core.pki.rest/", "  \n", "API key is empty"),
            ("https://core.pki.rest/", "app|12\r\nX-Evil: 1", "control or non-ASCII"),
            ("https://core.pki.rest/", "app|çã", "control or non-ASCII"),
        ])
    func unusableConfiguration(endpoint: String, key: String, message: String) async throws {
        let client = RestPkiCoreClient(endpoint: URL(string: endpoint)!, apiKey: key)
        let error = try #require(await failure { try await client.signatureSession(id: id) })
        #expect(error.kind == .invalidArgument)
        #expect(error.description.contains(message), "\(error)")
        #expect(error.description.contains("GET api/signature-sessions/\(Samples.sessionId)"))
        if !key.isEmpty && key.contains("|") { #expect(!error.description.contains(key)) }
    }

    @Test("The API key never shows in description, debugDescription, reflection or dump")
    func keyNeverPrinted() {
        let client = RestPkiCoreClient(
            endpoint: URL(string: "https://user:pass@core.pki.rest/")!, apiKey: Fixture.apiKey)
        var dumped = ""
        dump(client, to: &dumped)
        for text in [client.description, client.debugDescription, String(reflecting: client), "\(client)", dumped] {
            #expect(!text.contains(Fixture.apiKey))
            #expect(!text.contains("0123456789abcdef"))
            #expect(!text.contains("pass"))
            #expect(text.contains("core.pki.rest"))
        }
        #expect(client.description == "RestPkiCoreClient(endpoint: https://core.pki.rest/, apiKey: <redacted>)")
    }

    @Test("The API key never shows in logs, even of failures")
    func keyNeverLogged() async throws {
        let records = Collector<RestPkiLogger.Record>()
        let logger = RestPkiLogger(minimumLevel: .trace) { records.append($0) }
        let server = try LoopbackHTTPServer { request in
            .text("bad key \(request.headers["x-api-key"] ?? "")", status: 401)
        }
        let client = Fixture.client(server, logger: logger)
        let error = try #require(await failure { try await client.signatureSession(id: id) })
        #expect(error.kind == .unauthorized)
        #expect(error.bodyExcerpt == "bad key <redacted>")
        #expect(!error.description.contains(Fixture.apiKey))
        _ = await failure { try await client.waitForCompletion(id: id, timeout: .milliseconds(200)) }
        #expect(!records.all.isEmpty)
        for record in records.all {
            #expect(!record.message.contains(Fixture.apiKey))
            #expect(!record.metadata.values.contains { $0.contains(Fixture.apiKey) })
        }
    }

    @Test("The API key is removed from what a server echoes in an API error or an unreadable body")
    func keyEchoedByServer() async throws {
        let server = try LoopbackHTTPServer { request in
            let key = request.headers["x-api-key"] ?? ""
            if request.method == "POST" {
                let body = #"{"code":"Bad","message":"key \#(key)","detail":"\#(key)","details":{"k":"\#(key)"}}"#
                return .json(body, status: 422)
            }
            return .json(Samples.sessionWithDocument("\"dateSigned\":\"\(key)\""))
        }
        let client = Fixture.client(server)
        let apiError = try #require(await failure { try await client.createSignatureSession(.init()) })
        #expect(apiError.apiError?.message == "key <redacted>")
        #expect(apiError.apiError?.details == ["k": "<redacted>"])
        let decodeError = try #require(await failure { try await client.signatureSession(id: id) })
        #expect(decodeError.kind == .invalidResponse)
        #expect(decodeError.description.contains("found a string of 72 characters"))
        for error in [apiError, decodeError] {
            #expect(!error.description.contains("0123456789abcdef"), "\(error)")
        }
    }

    @Test("A session supplied by the caller is used")
    func callerSession() async throws {
        let server = try LoopbackHTTPServer { _ in .json(Samples.completedSession) }
        let session = URLSession(configuration: .ephemeral)
        let model = try await Fixture.client(server, session: session).signatureSession(id: id)
        #expect(model.documents.count == 1)
        #expect(server.requests.count == 1)
    }
}
