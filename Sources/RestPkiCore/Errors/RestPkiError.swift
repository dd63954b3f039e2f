public import Foundation

/// The one error type of the Rest PKI Core client.
///
/// Switch on `kind` to tell failures apart; read `apiError` (or its shortcut `code`) for what the server said
/// on an API error. `description` is a complete sentence for logs; it never contains the API key.
///
/// The set of kinds may grow, so `kind` is a struct with static members (compare with `==`) rather than an
/// enum to switch over exhaustively.
public struct RestPkiError: Error, Sendable, CustomStringConvertible, LocalizedError {
    /// What went wrong, in broad classes.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The server rejected the operation with an `ErrorModelV2` body (HTTP 422): see `apiError`.
        public static let api = Kind("api")
        /// HTTP 401: the API key is missing, unknown or revoked.
        public static let unauthorized = Kind("unauthorized")
        /// HTTP 403: the key is valid, but its application lacks permission.
        public static let forbidden = Kind("forbidden")
        /// Any other status the operation does not expect (400, 404, 415, 500, a redirect, …).
        public static let unexpectedStatus = Kind("unexpectedStatus")
        /// The server could not be reached, or the connection failed mid-exchange.
        public static let transport = Kind("transport")
        /// The response body was not what the operation expects: empty, not JSON, truncated, wrong types, missing
        /// fields, or over the size limit. `expected` names what was expected.
        public static let invalidResponse = Kind("invalidResponse")
        /// One HTTP exchange took longer than its timeout.
        public static let timeout = Kind("timeout")
        /// `waitForCompletion` reached its deadline before the session finished.
        public static let deadlineExceeded = Kind("deadlineExceeded")
        /// The calling task was cancelled.
        public static let cancelled = Kind("cancelled")
        /// An argument or the client's configuration is unusable (endpoint, API key, return URL); nothing was
        /// sent.
        public static let invalidArgument = Kind("invalidArgument")
        /// The policy pre-check refused predefined documents; nothing was sent. See `policyRefusals`.
        public static let policyRefused = Kind("policyRefused")

        /// The kind's name, e.g. `unauthorized`.
        public var description: String { name }
    }

    enum Storage: Sendable {
        case api(status: Int, body: ErrorModelV2)
        case unauthorized(excerpt: String?)
        case forbidden(excerpt: String?)
        case unexpectedStatus(Int, summary: String?, excerpt: String?)
        case transport(reason: String)
        case invalidResponse(status: Int?, expected: String, problem: String, excerpt: String?)
        case timeout(seconds: Double)
        case deadlineExceeded(progress: String)
        case cancelled
        case invalidArgument(String)
        case policyRefused(policy: String, documents: Int, refusals: [DocumentPolicyRefusal])
    }

    let storage: Storage

    /// What the client was doing, e.g. `GET api/signature-sessions/<id>/when-completed`.
    public let operation: String

    init(_ storage: Storage, operation: String) {
        self.storage = storage
        self.operation = operation
    }

    /// The class of failure.
    public var kind: Kind {
        switch storage {
        case .api: return .api
        case .unauthorized: return .unauthorized
        case .forbidden: return .forbidden
        case .unexpectedStatus: return .unexpectedStatus
        case .transport: return .transport
        case .invalidResponse: return .invalidResponse
        case .timeout: return .timeout
        case .deadlineExceeded: return .deadlineExceeded
        case .cancelled: return .cancelled
        case .invalidArgument: return .invalidArgument
        case .policyRefused: return .policyRefused
        }
    }

    /// The HTTP status of the response, when there was one.
    public var statusCode: Int? {
        switch storage {
        case .api(let status, _): return status
        case .unauthorized: return 401
        case .forbidden: return 403
        case .unexpectedStatus(let status, _, _): return status
        case .invalidResponse(let status, _, _, _): return status
        default: return nil
        }
    }

    /// The server's error body, for `kind == .api`.
    public var apiError: ErrorModelV2? {
        if case .api(_, let body) = storage { return body }
        return nil
    }

    /// The server's error code, e.g. `.signatureSessionNotFound`, for `kind == .api`.
    public var code: RestPkiErrorCode? { apiError?.code }

    /// Every document the policy pre-check refused, in request order, for `kind == .policyRefused`; empty
    /// otherwise.
    public var policyRefusals: [DocumentPolicyRefusal] {
        if case .policyRefused(_, _, let refusals) = storage { return refusals }
        return []
    }

    /// The start of the response body (at most 512 characters, API key removed), when it helps diagnosis.
    public var bodyExcerpt: String? {
        switch storage {
        case .unauthorized(let excerpt), .forbidden(let excerpt), .unexpectedStatus(_, _, let excerpt),
            .invalidResponse(_, _, _, let excerpt):
            return excerpt
        default: return nil
        }
    }

    /// What the operation expected to read, for `kind == .invalidResponse`, e.g. `SignatureSessionModel JSON`.
    public var expected: String? {
        if case .invalidResponse(_, let expected, _, _) = storage { return expected }
        return nil
    }

    /// Whether trying again later may succeed: transport failures, timeouts, and HTTP 408, 429, 500, 502, 503
    /// and 504. `waitForCompletion` retries these a few times before giving up.
    public var isTransient: Bool {
        switch storage {
        case .transport, .timeout: return true
        case .unexpectedStatus(let status, _, _): return [408, 429, 500, 502, 503, 504].contains(status)
        default: return false
        }
    }

    /// A complete sentence saying what failed and why.
    public var description: String { message }

    /// The same as `message`, so that `localizedDescription` is useful too.
    public var errorDescription: String? { message }

    /// A complete sentence saying what failed and why; the same as `description`.
    public var message: String {
        switch storage {
        case .api(let status, let body):
            var text = "Rest PKI Core rejected \(operation) (HTTP \(status))"
            text += ": " + (body.code?.rawValue ?? "no error code")
            if let message = body.message { text += ": " + message }
            if let detail = body.detail, detail != body.message { text += " (" + detail + ")" }
            if let results = body.validationResults { text += "; validation: " + results.summary }
            return text + "."
        case .unauthorized(let excerpt):
            return "Rest PKI Core refused the API key for \(operation) (HTTP 401): the X-Api-Key is missing, "
                + "unknown or revoked." + Self.bodySuffix(excerpt)
        case .forbidden(let excerpt):
            return "Rest PKI Core denied \(operation) (HTTP 403): the key is valid but its application lacks "
                + "permission (signature sessions need the Operator role)." + Self.bodySuffix(excerpt)
        case .unexpectedStatus(let status, let summary, let excerpt):
            var text = "Rest PKI Core answered \(operation) with unexpected HTTP \(status)"
            if let summary { text += ": " + summary }
            return text + "." + Self.bodySuffix(excerpt)
        case .transport(let reason):
            return "Could not complete \(operation): \(reason)."
        case .invalidResponse(let status, let expected, let problem, let excerpt):
            let code = status.map { " (HTTP \($0))" } ?? ""
            return "Unreadable answer to \(operation)\(code): expected \(expected), but \(problem)."
                + Self.bodySuffix(excerpt)
        case .timeout(let seconds):
            return "\(operation) timed out after \(Self.format(seconds)) s without a complete response."
        case .deadlineExceeded(let progress):
            return "Gave up \(operation): the deadline passed \(progress)."
        case .cancelled:
            return "\(operation) was cancelled."
        case .invalidArgument(let reason):
            return "Cannot \(operation): \(reason)."
        case .policyRefused(let policy, let documents, let refusals):
            let failing = "\(refusals.count) of \(documents) document\(documents == 1 ? "" : "s")"
            let list = refusals.map(\.description).joined(separator: "; ")
            return "Refused \(operation) before sending it: \(failing) fail policy '\(policy)': \(list)"
        }
    }

    private static func bodySuffix(_ excerpt: String?) -> String {
        guard let excerpt, !excerpt.isEmpty else { return "" }
        return " Body: \"\(excerpt)\""
    }

    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String((seconds * 100).rounded() / 100)
    }
}
