public import Foundation
import RestPkiCore

#if canImport(FoundationNetworking)
    public import FoundationNetworking
#endif

/// Drives an emulator through its control routes over HTTP: acts as the user (pick a file, complete, cancel)
/// and as time and the background processor (expire, progress, processing error).
///
/// Each call returns the session as the emulator now sees it (`EmulatorSessionView`), or for an upload the
/// page's verdict (`UploadOutcome`). A refused action (say, completing a cancelled session) throws with the
/// emulator's error code, e.g. `BadSignatureSessionOperation`.
public struct EmulatorControlClient: Sendable {
    /// The emulator's root URL, e.g. `RestPkiEmulator.baseURL`.
    public let baseURL: URL
    private let session: URLSession

    /// Creates a control client.
    ///
    /// - Parameters:
    ///   - baseURL: The emulator's root URL.
    ///   - session: The URL session to use; `.shared` by default.
    public init(baseURL: URL, session: URLSession = .shared) {
        self.baseURL = baseURL
        self.session = session
    }

    /// The user picks a file on the signature page: the pattern and the validation endpoint judge it, and an
    /// accepted file becomes a document of the session.
    ///
    /// - Parameters:
    ///   - sessionId: The session.
    ///   - name: The file name, as the browser reports it.
    ///   - contentType: The MIME type the browser reports; `""` for none.
    ///   - length: The size in bytes.
    ///   - language: The page's language for this file; nil uses the emulator's.
    /// - Returns: The verdict and the message the user sees.
    /// - Throws: `EmulatorControlError`, e.g. `BadSignatureSessionOperation` when the session takes no uploads.
    public func upload(
        sessionId: UUID, name: String, contentType: String = "", length: Int64,
        language: RestPkiEmulator.PageLanguage? = nil
    ) async throws(EmulatorControlError) -> UploadOutcome {
        struct Body: Encodable {
            let name: String
            let contentType: String
            let length: Int64
            let language: String?
        }
        let body = Body(name: name, contentType: contentType, length: length, language: language?.rawValue)
        return try await post(sessionId, "uploads", body: EmulatorJSON.encode(body))
    }

    /// The user signs every document and finishes: `Completed`, or `Processing` with background processing.
    ///
    /// - Parameters:
    ///   - sessionId: The session.
    ///   - signerName: The common name of the emulated signer's certificate.
    /// - Returns: The session after the change, with `returnUrl` set when the session has a return URL.
    /// - Throws: `EmulatorControlError`: `BadSignatureSessionOperation` unless the session is `Pending` with at
    ///   least one document; `SignatureSessionNotFound`.
    public func complete(sessionId: UUID, signerName: String? = nil) async throws(EmulatorControlError)
        -> EmulatorSessionView
    {
        struct Body: Encodable { let signerName: String? }
        return try await post(sessionId, "complete", body: EmulatorJSON.encode(Body(signerName: signerName)))
    }

    /// The user cancels: `UserCancelled`.
    ///
    /// - Parameter sessionId: The session.
    /// - Returns: The session after the change.
    /// - Throws: `EmulatorControlError`: `BadSignatureSessionOperation` unless the session is `Pending`.
    public func cancel(sessionId: UUID) async throws(EmulatorControlError) -> EmulatorSessionView {
        try await post(sessionId, "cancel", body: [])
    }

    /// The session times out before the user finishes: `Expired`.
    ///
    /// - Parameter sessionId: The session.
    /// - Returns: The session after the change.
    /// - Throws: `EmulatorControlError`: `BadSignatureSessionOperation` unless the session is `Pending`.
    public func expire(sessionId: UUID) async throws(EmulatorControlError) -> EmulatorSessionView {
        try await post(sessionId, "expire", body: [])
    }

    /// Background processing advances to `percent` (0–100); 100 completes the session.
    ///
    /// - Parameters:
    ///   - sessionId: The session.
    ///   - percent: The progress, 0 to 100.
    /// - Returns: The session after the change.
    /// - Throws: `EmulatorControlError`: `BadSignatureSessionOperation` unless the session is `Processing`; 400
    ///   for a value outside 0–100.
    public func reportProgress(sessionId: UUID, percent: Double) async throws(EmulatorControlError)
        -> EmulatorSessionView
    {
        struct Body: Encodable { let progress: Double }
        return try await post(sessionId, "progress", body: EmulatorJSON.encode(Body(progress: percent)))
    }

    /// Background processing fails: `ProcessingError` with `code` as the processing error code.
    ///
    /// - Parameters:
    ///   - sessionId: The session.
    ///   - code: The processing error code; `EmulatedProcessingError` when nil.
    /// - Returns: The session after the change.
    /// - Throws: `EmulatorControlError`: `BadSignatureSessionOperation` unless the session is `Processing`.
    public func failProcessing(sessionId: UUID, code: String? = nil) async throws(EmulatorControlError)
        -> EmulatorSessionView
    {
        struct Body: Encodable { let code: String? }
        return try await post(sessionId, "processing-error", body: EmulatorJSON.encode(Body(code: code)))
    }

    /// The emulator's view of a session.
    ///
    /// - Parameter id: The session.
    /// - Returns: Its status, documents and uploads.
    /// - Throws: `EmulatorControlError`: `SignatureSessionNotFound`.
    public func session(id: UUID) async throws(EmulatorControlError) -> EmulatorSessionView {
        try await send("GET", "_emulator/sessions/\(EmulatorJSON.id(id))", body: nil)
    }

    private func post<T: Decodable>(_ id: UUID, _ action: String, body: [UInt8]) async throws(EmulatorControlError)
        -> T
    {
        try await send("POST", "_emulator/sessions/\(EmulatorJSON.id(id))/\(action)", body: body)
    }

    private func send<T: Decodable>(_ method: String, _ path: String, body: [UInt8]?) async throws(EmulatorControlError)
        -> T
    {
        var request = URLRequest(url: baseURL.appendingPathComponent(path))
        request.httpMethod = method
        request.timeoutInterval = 60
        if let body {
            request.httpBody = Data(body)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: request)
        } catch {
            throw EmulatorControlError(status: nil, code: nil, message: "\(method) /\(path) failed: \(error)")
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard status == 200 else {
            let apiError = try? JSONDecoder().decode(ErrorModelV2.self, from: data)
            let message = apiError?.message ?? String(decoding: data.prefix(300), as: UTF8.self)
            throw EmulatorControlError(status: status, code: apiError?.code?.rawValue, message: message)
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            throw EmulatorControlError(status: status, code: nil, message: "unreadable answer to /\(path): \(error)")
        }
    }
}

/// A control call the emulator refused or that failed.
public struct EmulatorControlError: Error, Sendable, CustomStringConvertible {
    /// The HTTP status, when the emulator answered.
    public let status: Int?
    /// The emulator's error code (`SignatureSessionNotFound`, `BadSignatureSessionOperation`), when it gave one.
    public let code: String?
    /// What went wrong.
    public let message: String

    /// `HTTP 422 BadSignatureSessionOperation: …`.
    public var description: String {
        [status.map { "HTTP \($0)" }, code, message].compactMap { $0 }.joined(separator: " ") + ""
    }
}
