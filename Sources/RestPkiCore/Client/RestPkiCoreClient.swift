public import Foundation

#if canImport(FoundationNetworking)
    public import FoundationNetworking
#endif

/// A client of the Rest PKI Core signature-sessions API.
///
/// ```swift
/// let client = RestPkiCoreClient(endpoint: URL(string: "https://core.pki.rest/")!, apiKey: key)
/// let created = try await client.createSignatureSession(.init(returnUrl: callbackURL))
/// // send the browser to created.redirectURL; when it comes back:
/// let id = try RestPkiCoreClient.signatureSessionId(fromReturnURL: requestURL)
/// let session = try await client.signatureSession(id: id!)
/// ```
///
/// Every call sends `X-Api-Key`, `Accept: application/json` and, when configured, `Accept-Language`; every call
/// throws only `RestPkiError`. The API key never appears in errors, logs, `description` or reflection.
///
/// Safe to share between tasks: the client holds no mutable state.
public final class RestPkiCoreClient: Sendable {
    /// The instance root, e.g. `https://core.pki.rest/`; with or without a trailing slash.
    public let endpoint: URL
    /// The client's tuning.
    public let options: Options

    let base: Endpoint
    let secret: APIKey
    let transport: HTTPTransport
    let logger: RestPkiLogger
    let interpreter: ResponseInterpreter

    /// Creates a client. Nothing is sent until the first call.
    ///
    /// An unusable endpoint (not absolute http/https, or with a query) or API key (empty, or containing control
    /// characters) does not trap: every call then throws `RestPkiError` of kind `.invalidArgument`, without
    /// touching the network. Whitespace around the key (a trailing newline from a secrets file) is removed.
    ///
    /// - Parameters:
    ///   - endpoint: The instance root, e.g. `https://core.pki.rest/` or `https://homolog.core.pki.rest`.
    ///   - apiKey: The key, `<appName>|<64 hex digits>`, sent as `X-Api-Key`.
    ///   - session: A session to use instead of the client's own. The client's own session caps response bodies
    ///     while they arrive and never follows redirects (so the key cannot leak to another host); with a
    ///     session of yours, bodies are checked only after arrival and your redirect policy applies.
    ///   - options: Timeouts, size cap, language and polling policy.
    ///   - logger: Where the client logs (at `info` and below); disabled by default.
    public init(
        endpoint: URL, apiKey: String, session: URLSession? = nil, options: Options = Options(),
        logger: RestPkiLogger = .disabled
    ) {
        self.endpoint = endpoint
        self.options = options
        self.base = Endpoint(endpoint)
        self.secret = APIKey(apiKey)
        self.transport = HTTPTransport(session: session)
        self.logger = logger
        self.interpreter = ResponseInterpreter(secret: secret.value)
    }

    /// Creates a signature session (`POST api/signature-sessions`).
    ///
    /// - Parameters:
    ///   - request: What to sign and where to return; see `CreateSignatureSessionRequest`.
    ///   - subscriptionId: Sent as `X-Subscription`, selecting the subscription when the key can act on several.
    /// - Returns: The session id and the `redirectUrl` of the signature page.
    /// - Throws: `RestPkiError`: `.api` (e.g. code `ValidationError`, `SecurityContextNotFound`), `.unauthorized`,
    ///   `.forbidden`, `.unexpectedStatus` (400 for a malformed request), `.transport`, `.timeout`,
    ///   `.invalidResponse`, `.cancelled`, `.invalidArgument`.
    public func createSignatureSession(
        _ request: CreateSignatureSessionRequest, subscriptionId: UUID? = nil
    ) async throws(RestPkiError) -> CreateSignatureSessionResponse {
        let path = "api/signature-sessions"
        let body: Data
        do {
            body = try WireCoding.encoder().encode(request)
        } catch {
            throw RestPkiError(.invalidArgument("the request cannot be encoded: \(error)"), operation: "POST \(path)")
        }
        var headers: [String: String] = [:]
        if let subscriptionId { headers["X-Subscription"] = subscriptionId.uuidString.lowercased() }
        return try await exchange(
            method: "POST", path: path, body: body, extraHeaders: headers, timeout: options.requestTimeout,
            deadline: nil, as: CreateSignatureSessionResponse.self, expected: "a CreateSignatureSessionResponse")
    }

    /// Reads a signature session (`GET api/signature-sessions/{id}`).
    ///
    /// Check `status` on return: `UserCancelled` is normal. With background processing the session may still be
    /// `Processing`; use `waitForCompletion(id:deadline:progress:)` then.
    ///
    /// - Parameter id: The session id, e.g. from `signatureSessionId(fromReturnURL:)`.
    /// - Returns: The session with its documents and their download URLs.
    /// - Throws: `RestPkiError`: `.api` with code `SignatureSessionNotFound` for an unknown id, and the
    ///   transport, status and decoding kinds listed on `createSignatureSession(_:subscriptionId:)`.
    public func signatureSession(id: UUID) async throws(RestPkiError) -> SignatureSessionModel {
        try await signatureSession(id: id, deadline: nil)
    }

    /// Asks once whether a session completed (`GET api/signature-sessions/{id}/when-completed`, a long poll).
    ///
    /// The server holds the call for about 15 s and answers as soon as the session completes, or with
    /// `completed: false` and the current progress when its window closes. The call's own timeout is
    /// `options.longPollTimeout` (45 s by default). To wait longer, loop, or use
    /// `waitForCompletion(id:deadline:progress:)`, which also handles the states this call rejects.
    ///
    /// - Parameter id: The session id.
    /// - Returns: Whether the session completed, and its progress (0–100).
    /// - Throws: `RestPkiError`: `.api` with code `BadSignatureSessionOperation` while the session is still
    ///   `Pending` (and probably for other states the server will not wait on), `SignatureSessionNotFound`, and
    ///   the transport, status and decoding kinds.
    public func completionStatus(id: UUID) async throws(RestPkiError) -> SessionCompletionStatus {
        try await completionStatus(id: id, deadline: nil)
    }

    func signatureSession(id: UUID, deadline: ContinuousClock.Instant?) async throws(RestPkiError)
        -> SignatureSessionModel
    {
        try await exchange(
            method: "GET", path: "api/signature-sessions/\(id.uuidString.lowercased())", body: nil,
            timeout: options.requestTimeout, deadline: deadline, as: SignatureSessionModel.self,
            expected: "a SignatureSessionModel")
    }

    func completionStatus(id: UUID, deadline: ContinuousClock.Instant?) async throws(RestPkiError)
        -> SessionCompletionStatus
    {
        try await exchange(
            method: "GET", path: "api/signature-sessions/\(id.uuidString.lowercased())/when-completed", body: nil,
            timeout: options.longPollTimeout, deadline: deadline, as: SessionCompletionStatus.self,
            expected: "a SessionCompletionStatus")
    }
}

extension RestPkiCoreClient: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The endpoint, without credentials; the API key is shown as `<redacted>`.
    public var description: String {
        "RestPkiCoreClient(endpoint: \(base.redactedString), apiKey: \(secret))"
    }

    /// The same as `description`.
    public var debugDescription: String { description }

    /// Reflection (`dump`, `Mirror`) shows the endpoint and options, never the key.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: ["endpoint": base.redactedString, "apiKey": secret.description, "options": options],
            displayStyle: .class)
    }
}
