import Foundation
import Testing
import UploadPolicy

@testable import RestPkiCore

/// `createSignatureSession(_:checkedBy:)` and `PolicyPrecheck`: refusals before any network call.
@Suite("Policy pre-check")
struct PolicyPrecheckTests {
    /// PDF only, 1 byte to 1 MB, with a pt-BR reason.
    static let limitedPolicy = policy(
        #"""
        {"id": "pdf-limited",
         "accept": [{"label": {"en": "PDF document", "pt-BR": "documento PDF"}, "name": "\\.pdf$",
                     "types": ["application/pdf"]}],
         "limits": {"minSize": 1, "maxSize": 1000000}}
        """#)

    /// PDF only, no size limits.
    static let unlimitedPolicy = policy(
        #"{"id": "pdf-any-size", "accept": [{"label": "PDF", "name": "\\.pdf$", "types": ["application/pdf"]}]}"#)

    static let mimeDatabase: MIMEDatabase = {
        do {
            return try MIMEDatabase.load()
        } catch {
            fatalError("no MIME database: \(error)")
        }
    }()

    static func policy(_ json: String) -> Policy {
        var loader = PolicyLoader(mimeDatabase: mimeDatabase)
        guard let policy = loader.load(data: Data(json.utf8), source: "test.json") else {
            fatalError("test policy does not load: \(loader.errors)")
        }
        return policy
    }

    static let pdf = Data("%PDF-1.4\n%%EOF".utf8)

    static func document(_ file: FileReferenceModel) -> SignatureSessionDocumentData {
        SignatureSessionDocumentData(file: file)
    }

    @Test("Refuses before any request, listing every failing document with code and reason")
    func refusesEveryFailingDocument() async throws {
        let server = try LoopbackHTTPServer { _ in .json(Samples.createResponse) }
        let records = Collector<RestPkiLogger.Record>()
        let client = Fixture.client(server, logger: RestPkiLogger(minimumLevel: .trace) { records.append($0) })
        let request = CreateSignatureSessionRequest(documents: [
            Self.document(.content(Self.pdf, name: "Contrato.pdf", mimeType: "application/pdf")),
            Self.document(.content(Self.pdf, name: "planilha.xlsx")),
            Self.document(.content(Self.pdf, name: "contrato\u{202E}fdp.exe", mimeType: "application/pdf")),
            Self.document(.url(URL(string: "https://app.example/files/42?t=secret")!)),
            Self.document(.content(Data(), name: "vazio.pdf", mimeType: "application/pdf")),
        ])
        let error = await failure {
            try await client.createSignatureSession(
                request, checkedBy: Self.limitedPolicy, language: .brazilianPortuguese)
        }
        #expect(error?.kind == .policyRefused)
        let refusals = try #require(error?.policyRefusals)
        #expect(refusals.map(\.index) == [1, 2, 3, 4])
        #expect(refusals.map(\.code) == [.notAccepted, .bidiControl, .precheckNameUnknown, .tooSmall])
        #expect(refusals[0].name == "planilha.xlsx")
        #expect(refusals[0].reason == "Este tipo de arquivo não é aceito. Aceitos: documento PDF.")
        #expect(refusals[2].name == nil && refusals[2].reason.hasPrefix("A requisição não informa o nome"))
        #expect(server.requests.isEmpty, "nothing may reach the server")

        let message = try #require(error?.description)
        #expect(
            message.hasPrefix(
                "Refused POST api/signature-sessions before sending it: 4 of 5 documents fail "
                    + "policy 'pdf-limited': #1 \"planilha.xlsx\" (name.not_accepted): "))
        #expect(message.contains(#""contrato\u{202E}fdp.exe""#))
        #expect(!message.contains("\u{202E}"), "a bidi control must not reach logs raw")
        let logged = records.all.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
        #expect(logged.contains("refused 4 of 5"))
        #expect(!logged.contains("planilha") && !logged.contains(Fixture.apiKey))
    }

    @Test("A passing request is sent unchanged; a request without documents is not checked")
    func passingRequestsAreSent() async throws {
        let server = try LoopbackHTTPServer { _ in .json(Samples.createResponse) }
        let client = Fixture.client(server)
        let request = CreateSignatureSessionRequest(documents: [
            Self.document(.content(Self.pdf, name: "CONTRATO.PDF")),
            Self.document(.url(URL(string: "https://app.example/a")!, name: "b.pdf", mimeType: "application/pdf")),
        ])
        let created = try await client.createSignatureSession(
            request, checkedBy: Self.unlimitedPolicy, language: .english)
        #expect(created.sessionId == UUID(uuidString: Samples.sessionId))
        _ = try await client.createSignatureSession(
            .init(returnUrl: URL(string: "https://a.test/")), checkedBy: Self.limitedPolicy)
        #expect(server.requests.count == 2)
        let sent = try #require(server.requests.first?.json?["documents"] as? [[String: Any]])
        #expect(sent.count == 2)
    }

    @Test("Unknown facts fail closed unless the caller opts out")
    func unknownFacts() {
        let byURL = CreateSignatureSessionRequest(documents: [
            Self.document(.url(URL(string: "https://app.example/a")!, name: "a.pdf")),
            Self.document(.blobToken("tok")),
        ])
        let strict = PolicyPrecheck(policy: Self.limitedPolicy).check(byURL)
        #expect(strict.compactMap(\.refusal?.code) == [.precheckLengthUnknown, .precheckNameUnknown])

        let lenient = PolicyPrecheck(policy: Self.limitedPolicy, unknownFacts: .checkWhatIsKnown).check(byURL)
        guard case .passed = lenient[0].verdict, case .unchecked(let why) = lenient[1].verdict else {
            Issue.record("expected passed and unchecked, got \(lenient.map(\.verdict))")
            return
        }
        #expect(why.contains("file name"))
        #expect(lenient[0].file == FileCandidate(name: "a.pdf", contentType: nil, length: nil))

        let noLimits = PolicyPrecheck(policy: Self.unlimitedPolicy).refusals(for: byURL)
        #expect(noLimits.map(\.code) == [.precheckNameUnknown], "a length matters only when the policy limits sizes")
    }

    @Test("Facts: inline content's size wins, mimeType then contentType, empty type per the policy")
    func facts() {
        let precheck = PolicyPrecheck(policy: Self.limitedPolicy)
        var lying = FileReferenceModel.content(Self.pdf, name: "a.pdf")
        lying.length = 50_000_000
        var deprecated = FileReferenceModel(name: "b.pdf", length: 10)
        deprecated.contentType = "text/html"
        let checks = precheck.check([
            Self.document(lying), Self.document(deprecated),
            Self.document(FileReferenceModel(mimeType: "", url: "https://x/c", name: "c.pdf", length: 5)),
        ])
        #expect(checks[0].file?.length == Int64(Self.pdf.count))
        #expect(checks[0].refusal == nil)
        #expect(checks[1].refusal?.code == .typeMismatch)
        #expect(checks[2].refusal == nil, "an empty type is inferred from the extension by default")
    }

    @Test("The reason language follows options.acceptLanguage when not given")
    func languageFromOptions() async throws {
        let server = try LoopbackHTTPServer { _ in .json(Samples.createResponse) }
        var options = Fixture.fastOptions
        options.acceptLanguage = "pt-BR"
        let client = Fixture.client(server, options: options)
        let request = CreateSignatureSessionRequest(documents: [Self.document(.content(Self.pdf, name: "x.docx"))])
        let error = await failure { try await client.createSignatureSession(request, checkedBy: Self.limitedPolicy) }
        #expect(error?.policyRefusals.first?.reason.hasPrefix("Este tipo de arquivo") == true)
        #expect(error?.isTransient == false && error?.statusCode == nil)
    }

    @Test("Printed names are escaped and shortened")
    func printableNames() {
        let long = String(repeating: "a", count: 100) + ".pdf"
        let refusal = DocumentPolicyRefusal(
            index: 0, name: "x\n\u{200B}\u{00A0}y" + long, code: .notAccepted, rule: nil, reason: "r")
        #expect(refusal.description.hasPrefix(#"#0 "x\u{A}\u{200B}\u{A0}y"#))
        #expect(refusal.description.contains("…\" (name.not_accepted): r"))
    }
}
