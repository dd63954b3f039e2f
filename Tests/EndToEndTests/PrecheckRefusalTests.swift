import Foundation
import RestPkiCore
import RestPkiCoreEmulator
import Testing
import UploadPolicy

/// The app checks its own documents with the policy the endpoint serves: a refusal sends nothing, and says
/// exactly what the endpoint would have said.
@Suite struct PrecheckRefusalTests {
    static func sample(_ name: String, type: String?) throws -> SignatureSessionDocumentData {
        let data = try Data(contentsOf: Stack.packageRoot.appendingPathComponent("Examples/samples/\(name)"))
        return SignatureSessionDocumentData(file: .content(data, name: name, mimeType: type))
    }

    @Test func refusalSendsNothingAndMatchesTheEndpoint() async throws {
        let policy = try await Stack.loadPolicy("pdf-only.json")
        try await withStack(StackOptions(pageLanguage: .brazilianPortuguese)) { stack in
            let request = CreateSignatureSessionRequest(
                returnUrl: URL(string: "https://app.example/signed")!,
                documents: [
                    try Self.sample("document.pdf", type: "application/pdf"),
                    try Self.sample("report.docx", type: nil),
                    try Self.sample("table.csv", type: "text/csv"),
                    try Self.sample("empty.txt", type: "text/plain"),
                ])
            let error = await failure {
                try await stack.client.createSignatureSession(
                    request, checkedBy: policy, language: .brazilianPortuguese)
            }
            #expect(error?.kind == .policyRefused)
            let refusals = try #require(error?.policyRefusals)
            #expect(refusals.map(\.index) == [1, 2, 3])
            #expect(refusals.map(\.name) == ["report.docx", "table.csv", "empty.txt"])
            #expect(stack.emulator.requests.isEmpty, "no request may reach the emulator")

            // What the endpoint says about the same files when a user uploads them.
            let id = try await stack.client.createSignatureSession(.init()).sessionId
            for refusal in refusals {
                let file = try #require(request.documents?[refusal.index].file)
                let outcome = try await stack.control.upload(
                    sessionId: id, name: file.name ?? "", contentType: file.mimeType ?? "",
                    length: Int64(file.content?.count ?? 0))
                #expect(outcome.rejectReason == refusal.reason, "\(refusal)")
            }
        }
    }

    @Test func passingDocumentsAreSignedAsPredefined() async throws {
        let policy = try await Stack.loadPolicy("pdf-only.json")
        try await withStack { stack in
            let request = CreateSignatureSessionRequest(
                enableBackgroundProcessing: true,
                documents: [
                    try Self.sample("document.pdf", type: "application/pdf"),
                    try Self.sample("CONTRATO.PDF", type: nil),
                ])
            let created = try await stack.client.createSignatureSession(request, checkedBy: policy)
            let refused = await controlFailure {
                _ = try await stack.control.upload(sessionId: created.sessionId, name: "extra.pdf", length: 1)
            }
            #expect(refused?.code == "BadSignatureSessionOperation", "predefined sessions take no uploads")
            _ = try await stack.control.complete(sessionId: created.sessionId)
            _ = try await stack.control.reportProgress(sessionId: created.sessionId, percent: 100)
            let session = try await stack.client.waitForCompletion(id: created.sessionId, timeout: .seconds(10))
            #expect(session.status == .completed)
            #expect(session.documents.map { $0.originalFile?.name } == ["document.pdf", "CONTRATO.PDF"])
            #expect(try await stack.decisionCount() == 0, "predefined documents are never sent to the endpoint")
        }
    }
}
