import Foundation
import RestPkiCore
import RestPkiCoreEmulator
import UploadPolicy

/// What the example does, step by step; every step prints what it did.
struct SessionClient {
    let arguments: Arguments

    /// Runs the example and returns the exit status.
    func run() async -> Int32 {
        do {
            return try await main()
        } catch let error as UsageError {
            FileHandle.standardError.write(Data("Error: \(error.message ?? "")\n".utf8))
            return 2
        } catch {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            return 1
        }
    }

    private func main() async throws -> Int32 {
        let mimeDatabase = try MIMEDatabase.load()
        var loader = PolicyLoader(mimeDatabase: mimeDatabase)
        guard let policy = loader.load(file: arguments.policy) else {
            throw UsageError("the policy cannot be loaded:\n\(PolicyLoadErrors(loader.errors))")
        }
        let language = Language(tag: arguments.language) ?? .english
        let documents = try arguments.documents.map { path throws in try LocalFile(path: path, types: mimeDatabase) }
        say("Policy '\(policy.id)' (\(arguments.policy))\n")

        // 1. The app checks its own documents with the policy the validation endpoint applies to uploads.
        let request = CreateSignatureSessionRequest(
            enableBackgroundProcessing: true,
            documents: documents.map { SignatureSessionDocumentData(file: $0.reference) })
        say("1. Pre-check of the documents to sign")
        for check in PolicyPrecheck(policy: policy, language: language).check(request) {
            let file = documents[check.index]
            switch check.verdict {
            case .passed: say("   ✓ \(file.summary)")
            case .refused(let refusal): say("   ✗ \(file.summary): \(refusal.reason) [\(refusal.code)]")
            case .unchecked(let why): say("   ? \(file.summary): \(why)")
            }
        }

        guard let endpoint = arguments.endpoint else {
            return try await demo(
                request, policy: policy, language: language, uploads: arguments.uploads, types: mimeDatabase)
        }
        guard let key = ProcessInfo.processInfo.environment["RESTPKI_API_KEY"],
            !key.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        else { throw UsageError("'--endpoint' needs the API key in the RESTPKI_API_KEY environment variable.") }
        let client = RestPkiCoreClient(
            endpoint: endpoint, apiKey: key, options: .init(acceptLanguage: arguments.language))
        say("\n2. Signature session on \(endpoint.absoluteString) (open the URL below in a browser and sign)")
        let final = try await sign(request, with: client, policy: policy, language: language, signer: nil)
        return final?.status == .completed ? 0 : 1
    }

    /// The demo: `uploadgate serve` and the emulator on this machine, the signer played through control routes.
    private func demo(
        _ request: CreateSignatureSessionRequest, policy: Policy, language: Language, uploads: [String],
        types: MIMEDatabase
    ) async throws -> Int32 {
        let files = try uploads.map { path throws in try LocalFile(path: path, types: types) }
        let stack = try await LocalRestPki.start(
            policyFile: arguments.policy, policyID: policy.id,
            pageLanguage: language == .brazilianPortuguese ? .brazilianPortuguese : .english)
        defer { stack.stop() }
        say(
            "\n   (demo: Rest PKI Core emulator at \(stack.emulator.baseURL!.absoluteString), validation endpoint "
                + "uploadgate serve at \(stack.validationURL.absoluteString))")
        // The demo's signer is quick, so the app looks again at a Pending session every 0.5 s (the default starts
        // at 2 s and backs off to 15 s, which suits real people).
        let polling = SessionPollPolicy(pendingInitialDelay: .milliseconds(500), pendingMaximumDelay: .seconds(1))
        let client = RestPkiCoreClient(
            endpoint: stack.emulator.baseURL!, apiKey: RestPkiEmulator.Configuration.defaultAPIKey,
            options: .init(acceptLanguage: arguments.language, polling: polling))
        let control = EmulatorControlClient(baseURL: stack.emulator.baseURL!)

        say("\n2. Signature session with the checked documents (background processing)")
        let first = try await sign(request, with: client, policy: policy, language: language) { id in
            try await Task.sleep(for: .milliseconds(300))
            say("   [signer] opens the page and signs")
            _ = try await control.complete(sessionId: id, signerName: "Ana Lima (demo)")
            for percent in [40.0, 80.0, 100.0] {
                try await Task.sleep(for: .milliseconds(800))
                say("   [background] processing reaches \(Int(percent)) %")
                _ = try await control.reportProgress(sessionId: id, percent: percent)
            }
        }

        say("\n3. Signature session where the signer uploads files (each one goes to the validation endpoint)")
        let second = try await sign(.init(), with: client, policy: policy, language: language) { id in
            try await Task.sleep(for: .milliseconds(300))
            var accepted = 0
            for file in files {
                let outcome = try await control.upload(
                    sessionId: id, name: file.name, contentType: file.mimeType ?? "", length: file.length)
                say(
                    "   [signer] picks \(file.summary): \(outcome.accepted ? "accepted" : outcome.message ?? "rejected")"
                )
                if outcome.accepted { accepted += 1 }
            }
            if accepted > 0 {
                say("   [signer] signs")
                _ = try await control.complete(sessionId: id, signerName: "Ana Lima (demo)")
            } else {
                say("   [signer] gives up and cancels")
                _ = try await control.cancel(sessionId: id)
            }
        }
        return first?.status == .completed && second?.status == .completed ? 0 : 1
    }

    /// Creates a session (pre-checked), prints the signature page's URL, lets `signer` act (demo), and waits.
    ///
    /// - Returns: The session in its final status, or nil when the pre-check refused the request.
    private func sign(
        _ request: CreateSignatureSessionRequest, with client: RestPkiCoreClient, policy: Policy, language: Language,
        signer: (@Sendable (UUID) async throws -> Void)?
    ) async throws -> SignatureSessionModel? {
        let created: CreateSignatureSessionResponse
        do {
            created = try await client.createSignatureSession(request, checkedBy: policy, language: language)
        } catch {
            guard error.kind == .policyRefused else { throw error }
            say("   Not created, nothing was sent: \(error.policyRefusals.count) document(s) fail the policy.")
            return nil
        }
        say("   Session \(created.sessionId.uuidString.lowercased())")
        say("   Send the signer to: \(created.redirectUrl ?? "(no URL returned)")")
        var acting: Task<Void, any Error>?
        if let signer {
            let id = created.sessionId
            acting = Task { try await signer(id) }
        }
        let printer = ProgressPrinter()
        let final = try await client.waitForCompletion(
            id: created.sessionId, timeout: .seconds(arguments.wait), progress: printer.report)
        try await acting?.value
        say("   Final status: \(final.status.rawValue)")
        for document in final.documents {
            let name = document.originalFile?.name ?? document.id.uuidString
            say("     \(name): \(document.signedFile?.downloadURL?.absoluteString ?? "no signed file")")
        }
        return final
    }
}
