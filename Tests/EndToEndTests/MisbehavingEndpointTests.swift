import Foundation
import HTTPServer
import RestPkiCore
import RestPkiCoreEmulator
import Testing

/// Validation endpoints that answer badly, slowly or not at all: the emulator never hangs or crashes, rejects the
/// file (fail-closed, the default) with a clear diagnosis, and keeps serving.
@Suite struct MisbehavingEndpointTests {
    /// How an endpoint misbehaves, and the diagnosis the emulator must give.
    struct Case: Sendable, CustomTestStringConvertible {
        let note: String
        let answer: @Sendable () -> HTTPResponse
        let failure: String
        var testDescription: String { note }
    }

    static let cases: [Case] = [
        Case(
            note: "500 with a JSON body", answer: { .json(#"{"accept":true}"#, status: 500) },
            failure: "the endpoint answered HTTP 500"),
        Case(
            note: "an HTML error page", answer: { .text("<html>Bad gateway</html>", status: 200) },
            failure: "the answer (HTTP 200) is not JSON, or is cut short"),
        Case(
            note: "accept as a string", answer: { .json(#"{"accept":"true","rejectReason":null}"#) },
            failure: "'accept' is a string, not a boolean"),
        Case(
            note: "accept as a number", answer: { .json(#"{"accept":1}"#) },
            failure: "'accept' is a number, not a boolean"),
        Case(
            note: "no accept at all", answer: { .json(#"{"rejectReason":"nope"}"#) },
            failure: "the answer has no 'accept' property"),
        Case(
            note: "a reason of the wrong type", answer: { .json(#"{"accept":false,"rejectReason":{"text":"x"}}"#) },
            failure: "'rejectReason' is an object, not a string or null"),
        Case(note: "an array", answer: { .json("[true]") }, failure: "the answer is an array, not a JSON object"),
        Case(
            note: "an empty body", answer: { HTTPResponse(status: .ok) },
            failure: "the answer (HTTP 200) has an empty body"),
        Case(
            note: "both spellings of accept", answer: { .json(#"{"accept":true,"Accept":false}"#) },
            failure: "'accept': The property is given more than once ('Accept' and 'accept')."),
        Case(
            note: "a redirect", answer: { HTTPResponse(status: 302, headers: ["Location": "http://127.0.0.1:1/x"]) },
            failure: "the endpoint answered HTTP 302"),
        Case(
            note: "an answer over 64 KiB",
            answer: { .json(#"{"accept":true,"pad":""# + String(repeating: "x", count: 70_000) + "\"}") },
            failure: "the answer is larger than 65536 bytes"),
        Case(
            note: "a body that is not UTF-8", answer: { HTTPResponse(status: .ok, body: [0xFF, 0xFE, 0x7B, 0x00]) },
            failure: "the answer (HTTP 200) is not JSON, or is cut short"),
    ]

    @Test(arguments: cases)
    func badAnswersFailClosed(_ misbehaviour: Case) async throws {
        let stub = try StubServer(answer: misbehaviour.answer)
        defer { stub.stopInBackground() }
        try await withStack(StackOptions(validationURL: stub.url)) { stack in
            let (id, outcome) = try await upload(stack)
            #expect(!outcome.accepted && outcome.decidedBy == .endpointFailure)
            #expect(outcome.failure == misbehaviour.failure)
            #expect(outcome.message == "File rejected (the file could not be validated)")
            #expect(try await stack.control.session(id: id).documents.isEmpty)
        }
    }

    @Test func aSlowEndpointIsCutAtTheTimeout() async throws {
        let stub = try StubServer {
            Thread.sleep(forTimeInterval: 3)
            return .json(#"{"accept":true}"#)
        }
        defer { stub.stopInBackground() }
        try await withStack(StackOptions(validationURL: stub.url, timeout: .milliseconds(400))) { stack in
            let id = try await stack.client.createSignatureSession(.init()).sessionId
            let start = ContinuousClock.now
            let outcome = try await stack.control.upload(sessionId: id, name: "a.pdf", length: 1)
            let elapsed = ContinuousClock.now - start
            #expect(!outcome.accepted && outcome.failure == "no complete answer within 0.4 s")
            #expect(elapsed >= .milliseconds(380) && elapsed < .milliseconds(2500), "took \(elapsed)")
            #expect(try await stack.client.signatureSession(id: id).status == .pending, "the emulator still serves")
        }
    }

    @Test(arguments: [
        (
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"accept\":tr",
            "the answer was cut short (12 of 100 bytes)"
        ),
        ("", "the endpoint sent no valid HTTP answer"),
        ("this is not HTTP\r\n\r\n", "the endpoint sent no valid HTTP answer"),
    ])
    func brokenConnections(_ reply: String, failure: String) async throws {
        let endpoint = try RawSocketEndpoint(reply: reply)
        defer { endpoint.stop() }
        try await withStack(StackOptions(validationURL: endpoint.url)) { stack in
            let (_, outcome) = try await upload(stack)
            #expect(!outcome.accepted && outcome.decidedBy == .endpointFailure)
            #expect(outcome.failure == failure)
        }
    }

    @Test func nobodyListening() async throws {
        let closed = try RawSocketEndpoint(reply: "")
        let url = closed.url
        closed.stop()
        try await Task.sleep(for: .milliseconds(50))
        try await withStack(StackOptions(validationURL: url)) { stack in
            let (_, outcome) = try await upload(stack)
            #expect(outcome.failure == "could not connect (connection refused or unreachable)")
        }
    }

    @Test func failOpenAcceptsWhatCouldNotBeChecked() async throws {
        let stub = try StubServer { .json("not json", status: 503) }
        defer { stub.stopInBackground() }
        try await withStack(StackOptions(validationURL: stub.url, onFailure: .accept)) { stack in
            let (id, outcome) = try await upload(stack)
            #expect(outcome.accepted && outcome.decidedBy == .endpointFailure && outcome.message == nil)
            #expect(outcome.failure == "the endpoint answered HTTP 503")
            #expect(try await stack.control.session(id: id).documents.count == 1)
        }
    }

    /// Creates a session and uploads one PDF to it.
    func upload(_ stack: Stack) async throws -> (id: UUID, outcome: UploadOutcome) {
        let id = try await stack.client.createSignatureSession(.init()).sessionId
        let outcome = try await stack.control.upload(
            sessionId: id, name: "Contrato.pdf", contentType: "application/pdf", length: 1000)
        return (id, outcome)
    }
}
