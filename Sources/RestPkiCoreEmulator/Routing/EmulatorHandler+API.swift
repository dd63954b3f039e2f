import Foundation
import HTTPServer
import RestPkiCore

// The three signature-session routes of the API.

extension EmulatorHandler {
    /// `POST /api/signature-sessions`: binds the request, creates a `Pending` session and answers its id and the
    /// signature page's URL.
    func createSession(_ request: HTTPRequest) throws(EmulatorFailure) -> HTTPResponse {
        if !request.body.isEmpty || request.headers.contains("Content-Type") {
            guard Self.isJSON(request.headers["Content-Type"]) else { throw EmulatorFailure.unsupportedMediaType() }
        }
        let binding: CreateRequestBinding
        do {
            binding = try CreateRequestBinding(body: request.body)
        } catch {
            throw EmulatorFailure.invalid(error)
        }
        let documents = (binding.documents ?? []).map { document in
            EmulatedDocument(
                id: document.id ?? UUID(), name: document.name, mimeType: document.mimeType,
                length: document.length, signatureType: document.signatureType, content: document.content)
        }
        let session = EmulatedSession(
            id: UUID(), token: EmulatedSession.newToken(), returnUrl: binding.returnUrl,
            callbackArgument: binding.callbackArgument, backgroundProcessing: binding.enableBackgroundProcessing,
            predefined: binding.documents?.isEmpty == false, documents: documents)
        core.store.insert(session)
        let body = CreateSessionBody(
            sessionId: EmulatorJSON.id(session.id), redirectUrl: Nullable(session.redirectURL(base: core.baseURL)))
        return .json(EmulatorJSON.encode(body))
    }

    /// `GET /api/signature-sessions/{id}`.
    func session(_ id: UUID) throws(EmulatorFailure) -> HTTPResponse {
        guard let session = core.store.session(id) else { throw EmulatorFailure.sessionNotFound(id) }
        return .json(EmulatorJSON.encode(session.body(base: core.baseURL)))
    }

    /// `GET /api/signature-sessions/{id}/when-completed`: the long poll (see `SessionStore.whenCompleted`).
    func whenCompleted(_ id: UUID) throws(EmulatorFailure) -> HTTPResponse {
        let answer = try core.store.whenCompleted(
            id, window: core.configuration.longPollWindow, finalStates: core.configuration.finalStateAnswer)
        return .json(EmulatorJSON.encode(answer))
    }

    /// Whether a `Content-Type` is one ASP.NET Core's JSON input formatter reads: `application/json`, `text/json`
    /// or `application/*+json`, parameters ignored.
    static func isJSON(_ header: String?) -> Bool {
        guard let header else { return false }
        let essence =
            header.split(separator: ";", maxSplits: 1).first?
            .trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        return essence == "application/json" || essence == "text/json"
            || (essence.hasPrefix("application/") && essence.hasSuffix("+json"))
    }
}

extension EmulatedSession {
    /// The `SignatureSessionModel` body.
    func body(base: String) -> SessionBody {
        SessionBody(
            id: EmulatorJSON.id(id), status: status, processingErrorCode: Nullable(processingErrorCode),
            callbackArgument: Nullable(callbackArgument),
            signerCertificate: Nullable(signer.map { $0.certificate(session: id) }),
            documents: documents.map { $0.body(base: base) })
    }
}

extension EmulatedDocument {
    /// The `SignatureSessionDocumentSummary` body. The signed file appears once the document is `Completed`;
    /// downloads stay available for 30 days after signing (Rest PKI Core's period is undocumented).
    func body(base: String) -> DocumentBody {
        let files = "\(base)_emulator/documents/\(EmulatorJSON.id(id))/"
        let signed = status == .completed
        return DocumentBody(
            status: status, dateSigned: Nullable(dateSigned.map(EmulatorJSON.date)), id: EmulatorJSON.id(id),
            key: Nullable(key), formattedKey: Nullable(formattedKey),
            originalFile: Nullable(FileBody(name: name, mimeType: mimeType, length: length, url: files + "original")),
            markedFile: Nullable(nil),
            signedFile: Nullable(
                signed ? FileBody(name: name, mimeType: mimeType, length: length, url: files + "signed") : nil),
            signatureType: signatureType,
            availableUntil: Nullable(signed ? dateSigned.map { EmulatorJSON.date($0 + 30 * 86_400) } : nil))
    }
}

extension EmulatedSigner {
    /// A certificate for the emulated signer, valid a year either side of the signing time.
    func certificate(session: UUID) -> CertificateBody {
        let thumbprint = session.uuidString.replacingOccurrences(of: "-", with: "")
        return CertificateBody(
            subjectName: Nullable(nil), issuerName: Nullable(nil),
            issuerDisplayName: Nullable("Rest PKI Core Emulator CA"),
            serialNumber: Nullable(String(thumbprint.prefix(16))),
            validityStart: EmulatorJSON.date(signedAt - 365 * 86_400),
            validityEnd: EmulatorJSON.date(signedAt + 365 * 86_400), issuer: Nullable(nil), pkiBrazil: Nullable(nil),
            pkiItaly: Nullable(nil), binaryThumbprintSHA256: Nullable(nil), thumbprint: Nullable(thumbprint),
            thumbprintSHA256: Nullable(nil), subjectCommonName: Nullable(name), subjectDisplayName: Nullable(name),
            subjectIdentifier: Nullable(nil), emailAddress: Nullable(nil), organization: Nullable(nil),
            organizationIdentifier: Nullable(nil))
    }
}
