import Foundation
import RestPkiCore
import RestPkiCoreEmulator
import Synchronization
import Testing

/// Whole sessions: the user uploads through the endpoint, then finishes, cancels or lets the session expire,
/// while the app follows with the client.
@Suite struct SessionFlowTests {
    /// A `Pending` user-upload session holding one accepted PDF.
    func sessionWithUpload(_ stack: Stack, background: Bool) async throws -> UUID {
        let request = CreateSignatureSessionRequest(
            returnUrl: URL(string: "https://app.example/signed?tab=2#top")!, callbackArgument: "order-100004",
            enableBackgroundProcessing: background)
        let id = try await stack.client.createSignatureSession(request).sessionId
        let outcome = try await stack.control.upload(
            sessionId: id, name: "P100004.pdf", contentType: "application/pdf", length: 101_730)
        #expect(outcome.accepted)
        return id
    }

    @Test func backgroundProcessingThenWaitForCompletion() async throws {
        try await withStack { stack in
            let id = try await sessionWithUpload(stack, background: true)
            let processing = try await stack.control.complete(sessionId: id, signerName: "Maria Souza")
            #expect(processing.status == .processing)
            let returned = try #require(processing.returnUrl.flatMap(URL.init(string:)))
            #expect(
                returned.absoluteString
                    == "https://app.example/signed?tab=2&signatureSessionId=\(id.uuidString.lowercased())#top")
            #expect(try RestPkiCoreClient.signatureSessionId(fromReturnURL: returned) == id)
            #expect(try await stack.client.signatureSession(id: id).status == .processing)

            let percents = Mutex<[Double]>([])
            let waiter = Task {
                try await stack.client.waitForCompletion(id: id, timeout: .seconds(20)) { progress in
                    if let percent = progress.percent { percents.withLock { $0.append(percent) } }
                }
            }
            try await Task.sleep(for: .milliseconds(350))
            _ = try await stack.control.reportProgress(sessionId: id, percent: 45)
            try await Task.sleep(for: .milliseconds(450))
            _ = try await stack.control.reportProgress(sessionId: id, percent: 100)
            let session = try await waiter.value
            #expect(session.status == .completed)
            #expect(session.callbackArgument == "order-100004")
            #expect(session.signerCertificate?.subjectCommonName == "Maria Souza")
            let document = try #require(session.documents.first)
            #expect(document.status == .completed && document.signedFile?.name == "P100004.pdf")
            #expect(percents.withLock { $0 }.contains(45))
        }
    }

    @Test func theUserCancels() async throws {
        try await withStack { stack in
            let id = try await sessionWithUpload(stack, background: false)
            let waiter = Task { try await stack.client.waitForCompletion(id: id, timeout: .seconds(20)) }
            try await Task.sleep(for: .milliseconds(100))
            let view = try await stack.control.cancel(sessionId: id)
            let returned = try #require(view.returnUrl.flatMap(URL.init(string:)))
            let fromURL = try #require(try RestPkiCoreClient.signatureSessionId(fromReturnURL: returned))
            #expect(try await stack.client.signatureSession(id: fromURL).status == .userCancelled)
            #expect(try await waiter.value.status == .userCancelled, "the wait sees Pending, then the cancellation")
            let late = await failure { try await stack.client.completionStatus(id: id) }
            #expect(late?.code == .badSignatureSessionOperation)
        }
    }

    @Test func theAppStopsWaiting() async throws {
        try await withStack(StackOptions(longPollWindow: .seconds(30))) { stack in
            let id = try await sessionWithUpload(stack, background: true)
            _ = try await stack.control.complete(sessionId: id)
            let waiter = Task { try await stack.client.waitForCompletion(id: id) }
            try await Task.sleep(for: .milliseconds(300))
            let start = ContinuousClock.now
            waiter.cancel()
            let error = await failure { try await waiter.value }
            #expect(error?.kind == .cancelled)
            #expect(ContinuousClock.now - start < .seconds(2), "cancellation cuts the 30 s long poll")
            let deadline = await failure {
                try await stack.client.waitForCompletion(id: id, timeout: .milliseconds(400))
            }
            #expect(deadline?.kind == .deadlineExceeded)
        }
    }

    @Test func theSessionExpires() async throws {
        try await withStack { stack in
            let id = try await sessionWithUpload(stack, background: false)
            #expect(try await stack.control.expire(sessionId: id).returnUrl == nil, "nobody was sent back")
            #expect(try await stack.client.waitForCompletion(id: id, timeout: .seconds(10)).status == .expired)
            let refused = await controlFailure {
                _ = try await stack.control.upload(sessionId: id, name: "b.pdf", length: 1)
            }
            #expect(refused?.code == "BadSignatureSessionOperation")
        }
    }

    @Test func backgroundProcessingFails() async throws {
        try await withStack { stack in
            let id = try await sessionWithUpload(stack, background: true)
            _ = try await stack.control.complete(sessionId: id)
            let waiter = Task { try await stack.client.waitForCompletion(id: id, timeout: .seconds(20)) }
            try await Task.sleep(for: .milliseconds(200))
            _ = try await stack.control.failProcessing(sessionId: id, code: "CertificateRevoked")
            let session = try await waiter.value
            #expect(session.status == .processingError)
            #expect(session.processingErrorCode == "CertificateRevoked")
            #expect(session.documents.first?.status == .processingError)
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
