import Foundation
import RestPkiCore
import RestPkiCoreEmulator
import Testing

/// Statuses, documents and the documented 422s, driven through the control routes and read with the client.
@Suite struct SessionLifecycleTests {
    @Test func unknownSessionsAreSignatureSessionNotFound() async throws {
        try await withEmulator { fixture in
            let id = UUID()
            for call in [
                { _ = try await fixture.client.signatureSession(id: id) },
                { _ = try await fixture.client.completionStatus(id: id) },
            ] as [() async throws -> Void] {
                let error = await failure(call)
                #expect(error?.kind == .api)
                #expect(error?.code == .signatureSessionNotFound)
                #expect(error?.apiError?.message == "Signature session not found: \(id.uuidString.lowercased())")
            }
            let control = await controlFailure { _ = try await fixture.control.cancel(sessionId: id) }
            #expect(control?.code == "SignatureSessionNotFound")
        }
    }

    @Test func whenCompletedRefusesPendingSessions() async throws {
        try await withEmulator { fixture in
            let created = try await fixture.client.createSignatureSession(EmulatorFixture.uploadRequest)
            let error = await failure { try await fixture.client.completionStatus(id: created.sessionId) }
            #expect(error?.code == .badSignatureSessionOperation)
            #expect(error?.statusCode == 422)
        }
    }

    @Test func userUploadsThenCompletesAndReturns() async throws {
        try await withEmulator { fixture in
            let created = try await fixture.client.createSignatureSession(EmulatorFixture.uploadRequest)
            let id = created.sessionId
            let empty = await controlFailure { _ = try await fixture.control.complete(sessionId: id) }
            #expect(empty?.code == "BadSignatureSessionOperation")

            let outcome = try await fixture.control.upload(
                sessionId: id, name: "Contrato.pdf", contentType: "application/pdf", length: 1234)
            #expect(outcome.accepted && outcome.decidedBy == .noValidation && outcome.message == nil)
            let done = try await fixture.control.complete(sessionId: id, signerName: "Ana Lima")
            #expect(done.status == .completed)
            let returnURL = try #require(done.returnUrl.flatMap(URL.init(string:)))
            #expect(returnURL.absoluteString.hasPrefix("https://app.example/back?order=7&signatureSessionId="))
            #expect(try RestPkiCoreClient.signatureSessionId(fromReturnURL: returnURL) == id)

            let session = try await fixture.client.signatureSession(id: id)
            #expect(session.status == .completed)
            #expect(session.signerCertificate?.subjectCommonName == "Ana Lima")
            let document = try #require(session.documents.first)
            #expect(document.id == outcome.documentId)
            #expect(document.status == .completed)
            #expect(document.originalFile?.name == "Contrato.pdf" && document.originalFile?.length == 1234)
            #expect(document.signedFile?.downloadURL != nil)
            #expect(document.key?.count == 16 && document.formattedKey?.count == 19)
            let status = try await fixture.client.completionStatus(id: id)
            #expect(status.completed && status.progress == 100)

            let late = await controlFailure {
                _ = try await fixture.control.upload(sessionId: id, name: "b.pdf", length: 1)
            }
            #expect(late?.code == "BadSignatureSessionOperation")
        }
    }

    @Test func predefinedDocumentsTakeNoUploadsAndCanBeDownloaded() async throws {
        try await withEmulator { fixture in
            let bytes = Data("%PDF-1.4 emulated".utf8)
            let request = CreateSignatureSessionRequest(
                callbackArgument: "x",
                documents: [.init(file: .content(bytes, name: "c.pdf", mimeType: "application/pdf"))])
            let id = try await fixture.client.createSignatureSession(request).sessionId
            let refused = await controlFailure {
                _ = try await fixture.control.upload(sessionId: id, name: "d.pdf", length: 1)
            }
            #expect(refused?.code == "BadSignatureSessionOperation")
            let view = try await fixture.control.complete(sessionId: id)
            #expect(view.status == .completed && view.returnUrl == nil)
            let session = try await fixture.client.signatureSession(id: id)
            let url = try #require(session.documents.first?.signedFile?.downloadURL)
            let download = try await raw("GET", url)
            #expect(download.status == 200 && download.body == bytes)
        }
    }

    @Test func cancelExpireAndProcessingErrorAreFinal() async throws {
        var configuration = RestPkiEmulator.Configuration(longPollWindow: .milliseconds(200))
        configuration.finalStateAnswer = .badSignatureSessionOperation
        try await withEmulator(configuration) { fixture in
            let cancelled = try await fixture.client.createSignatureSession(EmulatorFixture.uploadRequest).sessionId
            let view = try await fixture.control.cancel(sessionId: cancelled)
            #expect(view.status == .userCancelled && view.returnUrl?.contains("signatureSessionId=") == true)
            let expired = try await fixture.client.createSignatureSession(.init()).sessionId
            #expect(try await fixture.control.expire(sessionId: expired).status == .expired)

            let failing = try await fixture.client.createSignatureSession(
                .init(enableBackgroundProcessing: true)
            ).sessionId
            _ = try await fixture.control.upload(sessionId: failing, name: "a.pdf", length: 3)
            #expect(try await fixture.control.complete(sessionId: failing).status == .processing)
            let failed = try await fixture.control.failProcessing(sessionId: failing, code: "CertificateRevoked")
            #expect(failed.status == .processingError && failed.documents.first?.status == .processingError)

            for (id, status) in [
                (cancelled, SignatureSessionStatus.userCancelled), (expired, .expired), (failing, .processingError),
            ] {
                let error = await failure { try await fixture.client.completionStatus(id: id) }
                #expect(error?.code == .badSignatureSessionOperation)
                let final = try await fixture.client.waitForCompletion(id: id, timeout: .seconds(5))
                #expect(final.status == status)
            }
            #expect(try await fixture.client.signatureSession(id: failing).processingErrorCode == "CertificateRevoked")
            let twice = await controlFailure { _ = try await fixture.control.cancel(sessionId: cancelled) }
            #expect(twice?.code == "BadSignatureSessionOperation")
        }
    }

    @Test func finalStatesCanAnswerCompleted() async throws {
        var configuration = RestPkiEmulator.Configuration(longPollWindow: .milliseconds(200))
        configuration.finalStateAnswer = .completed
        try await withEmulator(configuration) { fixture in
            let id = try await fixture.client.createSignatureSession(.init()).sessionId
            _ = try await fixture.control.expire(sessionId: id)
            let status = try await fixture.client.completionStatus(id: id)
            #expect(status.completed)
            #expect(try await fixture.client.waitForCompletion(id: id, timeout: .seconds(5)).status == .expired)
        }
    }

    @Test func controlRoutesValidateTheirInput() async throws {
        try await withEmulator { fixture in
            let id = try await fixture.client.createSignatureSession(.init(enableBackgroundProcessing: true)).sessionId
            let base = fixture.baseURL.appendingPathComponent("_emulator/sessions/\(id.uuidString.lowercased())")
            let json = ["Content-Type": "application/json"]
            for (action, body) in [
                ("uploads", "{}"), ("uploads", #"{"name":"a.pdf","length":-1}"#),
                ("uploads", #"{"name":"a.pdf","language":"fr"}"#), ("uploads", "[1]"), ("uploads", "nope"),
                ("progress", #"{"progress":101}"#), ("progress", #"{"progress":"50"}"#), ("progress", "{}"),
            ] {
                let reply = try await raw("POST", base.appendingPathComponent(action), headers: json, body: body)
                #expect(reply.status == 400, "\(action) \(body): \(reply.text)")
            }
            let wrongState = try await raw(
                "POST", base.appendingPathComponent("progress"), headers: json, body: #"{"progress":50}"#)
            #expect(wrongState.status == 422)
            #expect(try await raw("POST", base.appendingPathComponent("explode")).status == 404)
            #expect(try await raw("GET", base.appendingPathComponent("cancel")).status == 405)
        }
    }
}

/// Runs a control call and returns the `EmulatorControlError` it throws, or nil.
func controlFailure(_ body: () async throws -> Void) async -> EmulatorControlError? {
    do {
        try await body()
        return nil
    } catch let error as EmulatorControlError {
        return error
    } catch {
        Issue.record("threw \(error)")
        return nil
    }
}
