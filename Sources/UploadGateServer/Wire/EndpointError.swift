import Foundation

/// Every error the endpoint answers with, its HTTP status, a stable code and a precise message. The body is
/// `{"error": {"code": "…", "message": "…"}}`.
///
/// A struct over fixed codes so new errors can be added without breaking callers.
public struct EndpointError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The HTTP status code.
    public let status: Int
    /// A stable, machine-readable code.
    public let code: String
    /// What is wrong, precisely; never contains secrets.
    public let message: String
    /// Extra headers, such as `Allow` for 405 or `WWW-Authenticate` for 401.
    public let headers: [String: String]

    init(status: Int, code: String, message: String, headers: [String: String] = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    public var description: String { "\(status) \(code): \(message)" }

    /// The JSON error body.
    public var body: [UInt8] {
        var bytes = Array(#"{"error":{"code":""#.utf8)
        JSONText.escape(code, into: &bytes)
        bytes.append(contentsOf: #"","message":""#.utf8)
        JSONText.escape(message, into: &bytes)
        bytes.append(contentsOf: #""}}"#.utf8)
        return bytes
    }

    // MARK: 400

    static func malformedJSON(_ detail: String) -> EndpointError {
        EndpointError(status: 400, code: "request.malformed_json", message: "The body is not valid JSON: \(detail).")
    }

    static let emptyBody = EndpointError(
        status: 400, code: "request.malformed_json",
        message: "The body is empty; send a JSON object such as {\"name\": \"file.pdf\"}.")

    static func notAnObject(_ kind: String) -> EndpointError {
        EndpointError(
            status: 400, code: "request.not_an_object",
            message: "The body must be a JSON object such as {\"name\": \"file.pdf\"}, not \(kind).")
    }

    static let missingName = EndpointError(
        status: 400, code: "request.missing_name",
        message:
            "The body has no 'name' property; send {\"name\": \"file.pdf\", \"contentType\": \"…\", \"length\": …}.")

    static func invalidField(_ field: String, _ problem: String) -> EndpointError {
        EndpointError(status: 400, code: "request.invalid_field", message: "Property '\(field)' \(problem).")
    }

    // MARK: 401

    static func unauthorized(_ message: String, challenge: String?) -> EndpointError {
        EndpointError(
            status: 401, code: "auth.unauthorized", message: message,
            headers: challenge.map { ["WWW-Authenticate": $0] } ?? [:])
    }

    // MARK: 404, 405

    static func unknownPolicy(_ id: String, known: [String]) -> EndpointError {
        EndpointError(
            status: 404, code: "policy.not_found",
            message: "There is no policy '\(echo(id))'. Policies: \(known.joined(separator: ", ")).")
    }

    static func unknownRoute(_ path: String) -> EndpointError {
        EndpointError(
            status: 404, code: "route.not_found",
            message: "Nothing is served at '\(echo(path))'. Try POST /validate or GET /healthz.")
    }

    static func methodNotAllowed(_ method: String, allowed: [String]) -> EndpointError {
        let list = allowed.joined(separator: ", ")
        return EndpointError(
            status: 405, code: "request.method_not_allowed",
            message: "\(method) is not allowed here; use \(list).", headers: ["Allow": list])
    }

    // MARK: 413, 415

    static func bodyTooLarge(limit: Int) -> EndpointError {
        EndpointError(
            status: 413, code: "request.body_too_large", message: "The body is larger than \(limit) bytes.")
    }

    static func unsupportedMediaType(_ received: String?) -> EndpointError {
        let got = received.map { "'\(echo($0))'" } ?? "no Content-Type"
        return EndpointError(
            status: 415, code: "request.unsupported_media_type",
            message: "Send the body as JSON (Content-Type: application/json, text/json or application/*+json); "
                + "got \(got).")
    }

    static func unsupportedCharset(_ charset: String) -> EndpointError {
        EndpointError(
            status: 415, code: "request.unsupported_charset",
            message: "Send the body as UTF-8 (charset=utf-8); got charset '\(echo(charset))'.")
    }

    /// Client-supplied text made safe to quote: controls dropped, at most 100 characters.
    static func echo(_ text: String) -> String {
        let clean = String(
            String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
        return clean.count > 100 ? String(clean.prefix(99)) + "…" : clean
    }
}
