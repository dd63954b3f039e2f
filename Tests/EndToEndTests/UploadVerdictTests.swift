import Foundation
import RestPkiCore
import RestPkiCoreEmulator
import Testing
import UploadPolicy

/// A user-upload session: each file goes emulator → `uploadgate serve` (policy `pdf-only`), and the page shows
/// exactly the endpoint's reason.
@Suite struct UploadVerdictTests {
    static let onlyPDF = "Only PDF documents are accepted. Save or print the file as PDF and try again."
    static let somentePDF = "Somente documentos PDF são aceitos. Salve ou imprima o arquivo como PDF e tente novamente."

    @Test func acceptedAndRejectedUploadsInEnglish() async throws {
        try await withStack { stack in
            let created = try await stack.client.createSignatureSession(
                CreateSignatureSessionRequest(returnUrl: URL(string: "https://app.example/signed")!))
            let id = created.sessionId
            let accepted = try await stack.control.upload(
                sessionId: id, name: "Contrato.pdf", contentType: "application/pdf", length: 120_000)
            #expect(accepted.accepted && accepted.decidedBy == .endpoint && accepted.endpointStatus == 200)

            let spreadsheet = try await stack.control.upload(
                sessionId: id, name: "planilha.xlsx",
                contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", length: 8_000)
            #expect(!spreadsheet.accepted && spreadsheet.decidedBy == .endpoint)
            #expect(spreadsheet.rejectReason == Self.onlyPDF)
            #expect(spreadsheet.message == "File rejected (\(Self.onlyPDF))")

            // The rest: the page shows whatever reason the policy gives, in the page's language.
            let policy = try await Stack.loadPolicy("pdf-only.json")
            let others: [(String, String, Int64, DecisionCode)] = [
                ("contrato.pdf", "text/html", 1_000, .typeMismatch),
                ("grande.pdf", "application/pdf", 60_000_000, .tooLarge),
                ("contrato\u{202E}fdp.exe", "application/pdf", 1_000, .bidiControl),
                ("vazio.pdf", "application/pdf", 0, .tooSmall),
            ]
            for (name, type, length, code) in others {
                let outcome = try await stack.control.upload(
                    sessionId: id, name: name, contentType: type, length: length)
                let decision = policy.evaluate(FileCandidate(name: name, contentType: type, length: length))
                #expect(decision.code == code)
                #expect(!outcome.accepted)
                #expect(outcome.message == "File rejected (\(decision.reason(in: .english) ?? "?"))", "\(name)")
            }

            let done = try await stack.control.complete(sessionId: id)
            #expect(done.returnUrl?.hasSuffix("signatureSessionId=\(id.uuidString.lowercased())") == true)
            let session = try await stack.client.signatureSession(id: id)
            #expect(session.status == .completed)
            #expect(session.documents.map { $0.originalFile?.name } == ["Contrato.pdf"])
            #expect(done.uploads.count == 6)
            #expect(try await stack.decisionCount() == 6)
        }
    }

    @Test func reasonsInBrazilianPortuguese() async throws {
        try await withStack(StackOptions(pageLanguage: .brazilianPortuguese)) { stack in
            let id = try await stack.client.createSignatureSession(.init()).sessionId
            let outcome = try await stack.control.upload(sessionId: id, name: "planilha.xlsx", length: 8_000)
            #expect(outcome.rejectReason == Self.somentePDF)
            #expect(outcome.message == "Arquivo recusado (\(Self.somentePDF))")
            let english = try await stack.control.upload(
                sessionId: id, name: "planilha.xlsx", length: 8_000, language: .english)
            #expect(english.message == "File rejected (\(Self.onlyPDF))")
        }
    }

    @Test func patternDecidesBeforeTheEndpoint() async throws {
        let options = StackOptions(pattern: #"^[PX]\d{6}\.pdf$"#, pageLanguage: .brazilianPortuguese)
        try await withStack(options) { stack in
            let id = try await stack.client.createSignatureSession(.init()).sessionId
            let off = try await stack.control.upload(sessionId: id, name: "p123456.pdf", length: 10)
            #expect(!off.accepted && off.decidedBy == .pattern)
            #expect(off.message == "Arquivo recusado (nome de arquivo fora do padrão)")
            #expect(try await stack.decisionCount() == 0, "a name off the pattern never reaches the endpoint")
            let on = try await stack.control.upload(
                sessionId: id, name: "X000009.pdf", contentType: "application/pdf", length: 10)
            #expect(on.accepted && on.decidedBy == .endpoint)
            #expect(try await stack.decisionCount() == 1)
        }
    }

    @Test func aNamedPolicyOfTheDefaultSetDecidesToo() async throws {
        try await withStack(StackOptions(validationPath: "validate")) { stack in
            let id = try await stack.client.createSignatureSession(.init()).sessionId
            let docx = try await stack.control.upload(
                sessionId: id, name: "Procuração.docx",
                contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", length: 900)
            #expect(docx.accepted, "the default policy accepts Word documents")
            let lock = try await stack.control.upload(sessionId: id, name: "~$Contrato.docx", length: 162)
            #expect(
                lock.message == "File rejected (This is an Office lock file (~$…), not a document. "
                    + "Upload the document itself.)")
        }
    }
}
