import Foundation
import HTTPServer
import RestPkiCore

// The control routes under `/_emulator/`: what the user and the background processor would do, driven by tests
// and demos. They need no API key (keep the emulator on loopback). Bodies are JSON objects, property names
// case-insensitive; errors use the API's shapes (422 `ErrorModelV2`, 400 problem details).

extension EmulatorHandler {
    /// `GET /_emulator/sessions/{id}`.
    func controlView(_ id: UUID) throws(EmulatorFailure) -> HTTPResponse {
        guard let session = core.store.session(id) else { throw EmulatorFailure.sessionNotFound(id) }
        return .json(EmulatorJSON.encode(session.view(base: core.baseURL)))
    }

    /// `POST /_emulator/sessions/{id}/{action}`; answers the session's view after the change, or, for an
    /// upload, its `UploadOutcome`.
    func control(_ action: EmulatorRoute.ControlAction, on id: UUID, body: [UInt8]) throws(EmulatorFailure)
        -> HTTPResponse
    {
        let fields = try Self.object(body)
        let session: EmulatedSession
        switch action {
        case .uploads:
            return .json(EmulatorJSON.encode(try upload(to: id, fields)))
        case .complete:
            let signer = try Self.string(fields, "signerName") ?? "Emulated Signer"
            session = try core.store.update(id) { session throws(EmulatorFailure) in
                try session.complete(signer: signer, at: Date())
            }
        case .cancel:
            session = try core.store.update(id) { session throws(EmulatorFailure) in try session.cancel() }
        case .expire:
            session = try core.store.update(id) { session throws(EmulatorFailure) in try session.expire() }
        case .progress:
            guard case .some(let value) = try Self.number(fields, "progress"), value.isFinite, (0...100).contains(value)
            else {
                throw EmulatorFailure.invalid(
                    BindingProblem(field: "progress", message: "Give a number from 0 to 100."))
            }
            session = try core.store.update(id) { session throws(EmulatorFailure) in
                try session.report(progress: value)
            }
        case .processingError:
            let code = try Self.string(fields, "code") ?? "EmulatedProcessingError"
            session = try core.store.update(id) { session throws(EmulatorFailure) in
                try session.failProcessing(code: code)
            }
        }
        return .json(EmulatorJSON.encode(session.view(base: core.baseURL)))
    }

    /// The user picks a file: judged outside the lock (the endpoint may be slow), then recorded if the session
    /// still takes uploads.
    private func upload(to id: UUID, _ fields: JSONValue) throws(EmulatorFailure) -> UploadOutcome {
        guard let name = try Self.string(fields, "name") else {
            throw EmulatorFailure.invalid(BindingProblem(field: "name", message: "The file name is required."))
        }
        let contentType = try Self.string(fields, "contentType") ?? ""
        let length = try Self.length(fields)
        var language = core.configuration.pageLanguage
        if let tag = try Self.string(fields, "language") {
            guard let chosen = RestPkiEmulator.PageLanguage(rawValue: tag) else {
                throw EmulatorFailure.invalid(BindingProblem(field: "language", message: "Use 'en' or 'pt-BR'."))
            }
            language = chosen
        }
        guard let current = core.store.session(id) else { throw EmulatorFailure.sessionNotFound(id) }
        try current.requireUploadable()

        var outcome = core.judge.judge(name: name, contentType: contentType, length: length, language: language)
        let document =
            outcome.accepted
            ? EmulatedDocument(name: name, mimeType: contentType.isEmpty ? nil : contentType, length: length)
            : nil
        outcome.documentId = document?.id
        let recorded = outcome
        try core.store.update(id) { session throws(EmulatorFailure) in
            try session.record(recorded, document: document)
        }
        return outcome
    }

    /// `GET /_emulator/documents/{id}/original|signed`: the bytes the app sent inline. The emulator does not
    /// sign, so the signed file is the original; files the user uploaded have no bytes here (404).
    func download(_ id: UUID, signed: Bool) throws(EmulatorFailure) -> HTTPResponse {
        guard let (_, document) = core.store.document(id), let content = document.content,
            !signed || document.status == .completed
        else { throw EmulatorFailure.notFound }
        return HTTPResponse(
            status: .ok, headers: ["Content-Type": document.mimeType ?? "application/octet-stream"],
            body: Array(content))
    }

    private static func object(_ body: [UInt8]) throws(EmulatorFailure) -> JSONValue {
        guard !body.isEmpty else { return .object([:]) }
        guard let json = JSONValue.parse(body), case .object = json else {
            throw EmulatorFailure.invalid(BindingProblem(field: "$", message: "The body must be a JSON object."))
        }
        return json
    }

    private static func string(_ fields: JSONValue, _ name: String) throws(EmulatorFailure) -> String? {
        do throws(BindingProblem) {
            switch try fields.member(name) {
            case nil, .null?: return nil
            case .string(let text)?: return text
            case let other?:
                throw BindingProblem(field: name, message: "Expected a string, found \(other.typeName).")
            }
        } catch {
            throw EmulatorFailure.invalid(error)
        }
    }

    private static func length(_ fields: JSONValue) throws(EmulatorFailure) -> Int64 {
        let problem = BindingProblem(field: "length", message: "Give a whole, non-negative number of bytes.")
        do throws(BindingProblem) {
            switch try fields.member("length") {
            case nil, .null?: return 0
            case .integer(let value)? where value >= 0: return value
            default: throw problem
            }
        } catch {
            throw EmulatorFailure.invalid(error)
        }
    }

    private static func number(_ fields: JSONValue, _ name: String) throws(EmulatorFailure) -> Double? {
        do throws(BindingProblem) {
            switch try fields.member(name) {
            case nil, .null?: return nil
            case .integer(let value)?: return Double(value)
            case .number(let value)?: return value
            case let other?:
                throw BindingProblem(field: name, message: "Expected a number, found \(other.typeName).")
            }
        } catch {
            throw EmulatorFailure.invalid(error)
        }
    }
}

extension EmulatedSession {
    /// The control routes' view of the session.
    func view(base: String) -> EmulatorSessionView {
        EmulatorSessionView(
            id: id, status: status, progress: progress, processingErrorCode: processingErrorCode,
            backgroundProcessing: backgroundProcessing, predefinedDocuments: predefined,
            redirectUrl: redirectURL(base: base), returnUrl: finalReturnURL,
            documents: documents.map {
                EmulatorSessionView.Document(
                    id: $0.id, name: $0.name, mimeType: $0.mimeType, length: $0.length, status: $0.status)
            },
            uploads: uploads)
    }
}
