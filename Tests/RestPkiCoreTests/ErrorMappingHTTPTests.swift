import Foundation
import Testing

@testable import RestPkiCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// One canned failure and what the client must make of it.
struct StatusCase: Sendable, CustomTestStringConvertible {
    let note: String
    let response: CannedResponse
    let kind: RestPkiError.Kind
    let status: Int?
    /// Fragments the error's description must contain.
    let mentions: [String]

    var testDescription: String { note }

    static let all: [StatusCase] = [
        StatusCase(
            note: "401 with an empty body", response: .text("", status: 401), kind: .unauthorized, status: 401,
            mentions: ["HTTP 401", "X-Api-Key", "GET api/signature-sessions/"]),
        StatusCase(
            note: "403", response: .json("{\"message\":\"Operator role required\"}", status: 403), kind: .forbidden,
            status: 403, mentions: ["HTTP 403", "permission", "Operator role required"]),
        StatusCase(
            note: "422 ErrorModelV2", response: .json(Samples.sessionNotFound, status: 422), kind: .api, status: 422,
            mentions: ["rejected", "SignatureSessionNotFound", "Signature session not found"]),
        StatusCase(
            note: "422 ValidationError", response: .json(Samples.validationError, status: 422), kind: .api,
            status: 422, mentions: ["ValidationError", "3 errors", "CertificateExpired", "(see validationResults)"]),
        StatusCase(
            note: "422 without an error body",
            response: .text(
                "<html>nope</html>", status: 422,
                contentType: "text/html"), kind: .unexpectedStatus, status: 422,
            mentions: ["not an ErrorModelV2", "<html>nope"]),
        StatusCase(
            note: "422 with an empty JSON object", response: .json("{}", status: 422), kind: .unexpectedStatus,
            status: 422, mentions: ["HTTP 422"]),
        StatusCase(
            note: "400 problem details",
            response: .json(
                """
                {"type":"https://tools.ietf.org/html/rfc7231#section-6.5.1",\
                "title":"One or more validation errors occurred.","status":400,"traceId":"00-ab",\
                "errors":{"$.returnUrl":["bad"]}}
                """,
                status: 400),
            kind: .unexpectedStatus, status: 400,
            mentions: ["HTTP 400", "One or more validation errors occurred.", "invalid fields: $.returnUrl"]),
        StatusCase(
            note: "404 legacy body", response: .json(#"{"message":"Not found","resourceName":"x"}"#, status: 404),
            kind: .unexpectedStatus, status: 404, mentions: ["HTTP 404", "Not found"]),
        StatusCase(
            note: "415", response: .text("", status: 415), kind: .unexpectedStatus, status: 415,
            mentions: ["HTTP 415"]),
        StatusCase(
            note: "500 with exceptionCode", response: .json(#"{"exceptionCode":"LX-1234"}"#, status: 500),
            kind: .unexpectedStatus, status: 500, mentions: ["HTTP 500", "exceptionCode LX-1234"]),
        StatusCase(
            note: "502 from a proxy",
            response: .text(
                "<html><body>Bad Gateway</body></html>", status: 502,
                contentType: "text/html"), kind: .unexpectedStatus, status: 502, mentions: ["HTTP 502", "Bad Gateway"]),
        StatusCase(
            note: "200 with an empty body", response: .json(""), kind: .invalidResponse, status: 200,
            mentions: ["expected a SignatureSessionModel JSON object", "the body is empty"]),
        StatusCase(
            note: "200 with HTML", response: .text("<html>login</html>", status: 200, contentType: "text/html"),
            kind: .invalidResponse, status: 200,
            mentions: ["not valid JSON", "Content-Type is text/html", "<html>login"]),
        StatusCase(
            note: "200 with JSON cut short", response: .json(#"{"id":"\#(Samples.sessionId)","sta"#),
            kind: .invalidResponse, status: 200, mentions: ["not valid JSON, or is cut short"]),
        StatusCase(
            note: "200 with a wrong type", response: .json(#"{"id":"\#(Samples.sessionId)","status":7}"#),
            kind: .invalidResponse, status: 200, mentions: ["`status` has the wrong JSON type"]),
        StatusCase(
            note: "200 with a missing field", response: .json(#"{"status":"Completed"}"#),
            kind: .invalidResponse, status: 200, mentions: ["the required field `id` is missing"]),
        StatusCase(
            note: "200 with a null required field", response: .json(#"{"id":null,"status":"Completed"}"#),
            kind: .invalidResponse, status: 200, mentions: ["`id`"]),
        StatusCase(
            note: "200 with a nested wrong type",
            response: .json(Samples.sessionWithDocument(#""originalFile":{"length":"big"}"#)),
            kind: .invalidResponse, status: 200,
            mentions: ["`documents[0].originalFile.length` has the wrong JSON type"]),
        StatusCase(
            note: "200 with an array", response: .json("[]"), kind: .invalidResponse, status: 200,
            mentions: ["the top-level value has the wrong JSON type"]),
        StatusCase(
            note: "200 with a bad date",
            response: .json(Samples.sessionWithDocument(#""dateSigned":"01/05/2024""#)),
            kind: .invalidResponse, status: 200, mentions: ["ISO-8601", "01/05/2024"]),
        StatusCase(
            note: "302 redirect",
            response: CannedResponse(status: 302, headers: ["Location": "https://elsewhere.test/"]),
            kind: .unexpectedStatus, status: 302, mentions: ["HTTP 302", "redirect to https://elsewhere.test/"]),
    ]
}

@Suite("Error mapping over HTTP")
struct ErrorMappingHTTPTests {
    let id = UUID(uuidString: Samples.sessionId)!

    @Test("Statuses and bodies map to the right kind, with a descriptive message", arguments: StatusCase.all)
    func mapping(_ c: StatusCase) async throws {
        let server = try LoopbackHTTPServer { _ in c.response }
        let error = try #require(await failure { try await Fixture.client(server).signatureSession(id: id) })
        #expect(error.kind == c.kind, "\(error)")
        #expect(error.statusCode == c.status)
        for fragment in c.mentions { #expect(error.description.contains(fragment), "\(fragment) ∉ \(error)") }
        #expect(error.description.hasSuffix(".") || error.description.hasSuffix("\""))
        if c.kind == .invalidResponse { #expect(error.expected == "a SignatureSessionModel JSON object") }
        if c.kind == .api { #expect(error.apiError?.code != nil) }
        #expect(server.requests.count == 1)
    }

    @Test("422 exposes code, message, detail and validation results")
    func apiErrorDetails() async throws {
        let server = try LoopbackHTTPServer { _ in .json(Samples.validationError, status: 422) }
        let error = try #require(await failure { try await Fixture.client(server).createSignatureSession(.init()) })
        #expect(error.code == .validationError)
        #expect(error.apiError?.detail == "see validationResults")
        #expect(error.apiError?.validationResults?.errors?.count == 2)
        #expect(error.operation == "POST api/signature-sessions")
        #expect(!error.isTransient)
    }

    @Test("A body cut short by a closed connection is a transport failure")
    func truncatedConnection() async throws {
        let server = try LoopbackHTTPServer { _ in
            CannedResponse(body: Data(#"{"id":"\#(Samples.sessionId)","#.utf8), declaredLength: 500)
        }
        let error = try #require(await failure { try await Fixture.client(server).signatureSession(id: id) })
        #expect(error.kind == .transport || error.kind == .invalidResponse, "\(error)")
        #expect(error.description.contains("GET api/signature-sessions/\(Samples.sessionId)"))
    }

    static let hugeBody = CannedResponse(
        body: Data(repeating: 0x20, count: 6 << 20) + Data(Samples.pendingSessionSparse.utf8))

    @Test(
        "A body over the cap is refused, announced or not, with the client's session or the caller's",
        arguments: [(false, false), (true, false), (false, true), (true, true)])
    func hugeBody(omitLength: Bool, callerSession: Bool) async throws {
        var huge = Self.hugeBody
        huge.omitContentLength = omitLength
        let server = try LoopbackHTTPServer { [huge] _ in huge }
        var options = Fixture.fastOptions
        options.maxResponseBytes = 64 << 10
        let client = Fixture.client(
            server, options: options, session: callerSession ? URLSession(configuration: .ephemeral) : nil)
        let error = try #require(await failure { try await client.signatureSession(id: id) })
        #expect(error.kind == .invalidResponse, "\(error)")
        #expect(error.description.contains("larger than the limit of 65536 bytes"))
    }

    @Test("An error page over the cap still reports its status")
    func hugeErrorPage() async throws {
        var huge = Self.hugeBody
        huge.status = 500
        let server = try LoopbackHTTPServer { [huge] _ in huge }
        var options = Fixture.fastOptions
        options.maxResponseBytes = 64 << 10
        let error = try #require(
            await failure { try await Fixture.client(server, options: options).signatureSession(id: id) })
        #expect(error.kind == .unexpectedStatus)
        #expect(error.statusCode == 500)
        #expect(error.description.contains("larger than the limit"))
    }

    @Test("localizedDescription is the message")
    func localized() async throws {
        let server = try LoopbackHTTPServer { _ in .json(Samples.sessionNotFound, status: 422) }
        let error = try #require(await failure { try await Fixture.client(server).signatureSession(id: id) })
        #expect((error as any Error).localizedDescription == error.description)
    }

    @Test("A body just under the cap is accepted")
    func underTheCap() async throws {
        let server = try LoopbackHTTPServer { _ in .json(Samples.completedSession) }
        var options = Fixture.fastOptions
        options.maxResponseBytes = Samples.completedSession.utf8.count
        #expect(try await Fixture.client(server, options: options).signatureSession(id: id).status == .completed)
    }

    @Test("A server that never answers hits the request timeout")
    func timeout() async throws {
        let server = try LoopbackHTTPServer { _ in .hangs }
        var options = Fixture.fastOptions
        options.requestTimeout = .milliseconds(300)
        options.longPollTimeout = .milliseconds(400)
        let client = Fixture.client(server, options: options)
        let start = ContinuousClock.now
        let error = try #require(await failure { try await client.signatureSession(id: id) })
        #expect(error.kind == .timeout, "\(error)")
        #expect(error.isTransient)
        #expect(error.description.contains("timed out after 0.3 s"))
        // Not at once: swift-corelibs-foundation truncates sub-second URLRequest timeouts to zero.
        #expect(elapsed(since: start) > 0.25)
        let poll = try #require(await failure { try await client.completionStatus(id: id) })
        print("second", elapsed(since: start), poll)
        #expect(poll.description.contains("timed out after 0.4 s"))
        #expect(elapsed(since: start) < 3)
    }

    @Test("A server that answers slowly but within the timeout is fine")
    func slowButInTime() async throws {
        let server = try LoopbackHTTPServer { _ in
            var response = CannedResponse.json(Samples.completion(true, 100))
            response.delay = .milliseconds(300)
            return response
        }
        #expect(try await Fixture.client(server).completionStatus(id: id).completed)
    }

    @Test("Nothing listening is a transport failure naming the host")
    func refused() async throws {
        let server = try LoopbackHTTPServer { _ in .json("{}") }
        let client = Fixture.client(server)
        server.stop()
        try await Task.sleep(for: .milliseconds(50))
        let error = try #require(await failure { try await client.signatureSession(id: id) })
        #expect(error.kind == .transport, "\(error)")
        #expect(error.isTransient)
        #expect(error.description.contains("127.0.0.1"))
    }

    @Test("Cancelling the task ends a call in flight promptly")
    func cancellation() async throws {
        let server = try LoopbackHTTPServer { _ in .hangs }
        let client = Fixture.client(server)
        let start = ContinuousClock.now
        let task = Task { await failure { try await client.completionStatus(id: id) } }
        try await Task.sleep(for: .milliseconds(150))
        task.cancel()
        let error = try #require(await task.value)
        #expect(error.kind == .cancelled, "\(error)")
        #expect(error.description == "GET api/signature-sessions/\(Samples.sessionId)/when-completed was cancelled.")
        #expect(elapsed(since: start) < 2)
    }

    @Test("A task cancelled before the call sends nothing")
    func cancelledBefore() async throws {
        let server = try LoopbackHTTPServer { _ in .json(Samples.pendingSessionSparse) }
        let client = Fixture.client(server)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await failure { try await client.signatureSession(id: id) }
        }
        #expect(await task.value?.kind == .cancelled)
        #expect(server.requests.isEmpty)
    }

    @Test("Redirects are not followed, so the key never reaches another host")
    func redirect() async throws {
        let other = try LoopbackHTTPServer { _ in .json(Samples.pendingSessionSparse) }
        let server = try LoopbackHTTPServer { [port = other.port] _ in
            CannedResponse(status: 302, headers: ["Location": "http://127.0.0.1:\(port)/api/x"])
        }
        let error = try #require(await failure { try await Fixture.client(server).signatureSession(id: id) })
        #expect(error.kind == .unexpectedStatus)
        #expect(error.statusCode == 302)
        #expect(other.requests.isEmpty)
    }
}
