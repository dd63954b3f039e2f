import Foundation
import HTTPServer
import RestPkiCore

/// Every error answer of the emulator, with the status and body the real server gives (or, where that is
/// undocumented, the ASP.NET Core default):
///
/// - 422 with an `ErrorModelV2` body for API errors (`SignatureSessionNotFound`, `BadSignatureSessionOperation`);
/// - 400 with a `ValidationProblemDetails` body for a body or id that cannot be bound;
/// - 401, 404 and 405 with an empty body; 415 with a problem-details body.
///
/// Control routes use the same shapes, so one reader handles both.
struct EmulatorFailure: Error, Sendable {
    let status: Int
    let body: [UInt8]
    let headers: HTTPHeaders

    private init(status: Int, body: [UInt8] = [], headers: HTTPHeaders = [:]) {
        self.status = status
        self.body = body
        self.headers = headers
    }

    /// The response to send.
    var response: HTTPResponse {
        guard !body.isEmpty else { return HTTPResponse(status: HTTPStatus(status), headers: headers) }
        let type = status == 422 ? "application/json; charset=utf-8" : "application/problem+json; charset=utf-8"
        var all: HTTPHeaders = ["Content-Type": type]
        for field in headers { all.add(name: field.name, value: field.value) }
        return HTTPResponse(status: HTTPStatus(status), headers: all, body: body)
    }

    /// 422 with an `ErrorModelV2` body.
    static func api(_ code: RestPkiErrorCode, _ message: String, detail: String? = nil) -> EmulatorFailure {
        let body = ErrorBody(
            code: code.rawValue, message: message, detail: Nullable(detail), details: Nullable(nil),
            validationResults: Nullable(nil))
        return EmulatorFailure(status: 422, body: EmulatorJSON.encode(body))
    }

    /// 422 `SignatureSessionNotFound`, worded as the documented example.
    static func sessionNotFound(_ id: UUID) -> EmulatorFailure {
        .api(.signatureSessionNotFound, "Signature session not found: \(EmulatorJSON.id(id))")
    }

    /// 422 `BadSignatureSessionOperation`.
    static func badOperation(_ message: String) -> EmulatorFailure {
        .api(.badSignatureSessionOperation, message)
    }

    /// 400 `ValidationProblemDetails` naming the field.
    static func invalid(_ problem: BindingProblem) -> EmulatorFailure {
        let body = ProblemDetailsBody(
            type: "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            title: "One or more validation errors occurred.", status: 400, traceId: traceID(),
            errors: [problem.field: [problem.message]])
        return EmulatorFailure(status: 400, body: EmulatorJSON.encode(body))
    }

    /// 400 for a path id that is not a UUID.
    static func invalidID(_ text: String) -> EmulatorFailure {
        let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
        return .invalid(BindingProblem(field: "id", message: "The value '\(shown)' is not valid."))
    }

    /// 401 with an empty body: the key is missing or unknown.
    static let unauthorized = EmulatorFailure(status: 401)

    /// 403 for a signature page link with a wrong token.
    static let forbidden = EmulatorFailure(status: 403)

    /// 404 with an empty body: no such route.
    static let notFound = EmulatorFailure(status: 404)

    /// 405 with an empty body and `Allow`.
    static func methodNotAllowed(_ allowed: [HTTPMethod]) -> EmulatorFailure {
        EmulatorFailure(status: 405, headers: ["Allow": allowed.map(\.rawValue).joined(separator: ", ")])
    }

    /// 415 for a body that is not JSON.
    static func unsupportedMediaType() -> EmulatorFailure {
        let body = ProblemDetailsBody(
            type: "https://tools.ietf.org/html/rfc9110#section-15.5.16", title: "Unsupported Media Type",
            status: 415, traceId: traceID(), errors: nil)
        return EmulatorFailure(status: 415, body: EmulatorJSON.encode(body))
    }

    /// A failure of the HTTP layer (body too large, malformed target), in the problem-details shape.
    static func transport(_ failure: HTTPRequestFailure) -> EmulatorFailure {
        let body = ProblemDetailsBody(
            type: "about:blank", title: failure.message, status: failure.status.code, traceId: traceID(),
            errors: nil)
        return EmulatorFailure(status: failure.status.code, body: EmulatorJSON.encode(body))
    }

    private static func traceID() -> String {
        "00-" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "") + "-00"
    }
}
