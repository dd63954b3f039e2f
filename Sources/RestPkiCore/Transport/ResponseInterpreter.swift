import Foundation

/// One HTTP response as received, before interpretation.
struct HTTPReply: Sendable {
    /// The status code.
    var status: Int
    /// Header fields, names lowercased.
    var headers: [String: String]
    /// The body.
    var body: Data
}

/// Turns an `HTTPReply` into a decoded model or the right `RestPkiError`. Pure: no I/O.
struct ResponseInterpreter: Sendable {
    /// The longest body excerpt kept in an error, in characters.
    static let excerptLength = 512

    /// The API key, so that it can be removed from excerpts should a server ever echo it.
    let secret: String

    /// Decodes a 2xx body as `T`, or maps the status and body to an error.
    ///
    /// - Parameters:
    ///   - reply: The response.
    ///   - type: The model expected on success.
    ///   - expected: How to name the model in messages, e.g. `SignatureSessionModel JSON`.
    ///   - operation: What the client was doing, for messages.
    func interpret<T: Decodable>(
        _ reply: HTTPReply, as type: T.Type, expected: String, operation: String
    ) throws(RestPkiError) -> T {
        guard (200..<300).contains(reply.status) else { throw error(for: reply, operation: operation) }
        guard !reply.body.isEmpty else {
            throw RestPkiError(
                .invalidResponse(status: reply.status, expected: expected, problem: "the body is empty", excerpt: nil),
                operation: operation)
        }
        do {
            return try WireCoding.decoder().decode(T.self, from: reply.body)
        } catch let decoding as DecodingError {
            var problem = redact(decoding.explanation)
            if let type = reply.headers["content-type"], !type.lowercased().contains("json") {
                problem += " (Content-Type is \(type))"
            }
            throw RestPkiError(
                .invalidResponse(status: reply.status, expected: expected, problem: problem, excerpt: excerpt(reply)),
                operation: operation)
        } catch {
            throw RestPkiError(
                .invalidResponse(
                    status: reply.status, expected: expected, problem: String(describing: error),
                    excerpt: excerpt(reply)),
                operation: operation)
        }
    }

    /// The error for a non-2xx response.
    func error(for reply: HTTPReply, operation: String) -> RestPkiError {
        switch reply.status {
        case 401:
            return RestPkiError(.unauthorized(excerpt: excerpt(reply)), operation: operation)
        case 403:
            return RestPkiError(.forbidden(excerpt: excerpt(reply)), operation: operation)
        case 422:
            if var body = try? WireCoding.decoder().decode(ErrorModelV2.self, from: reply.body), body.isMeaningful {
                body.message = body.message.map(redact)
                body.detail = body.detail.map(redact)
                body.details = body.details?.mapValues(redact)
                return RestPkiError(.api(status: 422, body: body), operation: operation)
            }
            return RestPkiError(
                .unexpectedStatus(422, summary: "the body is not an ErrorModelV2 error", excerpt: excerpt(reply)),
                operation: operation)
        case 300..<400:
            let target = reply.headers["location"].map { " to \($0)" } ?? ""
            return RestPkiError(
                .unexpectedStatus(
                    reply.status,
                    summary: "a redirect\(target), which the client does not follow so that the API key stays on "
                        + "the configured host; check the endpoint URL (scheme, host, path)",
                    excerpt: nil),
                operation: operation)
        default:
            return RestPkiError(
                .unexpectedStatus(reply.status, summary: summary(of: reply.body), excerpt: excerpt(reply)),
                operation: operation)
        }
    }

    /// The start of the body as printable text, with the API key removed; nil for an empty body.
    func excerpt(_ reply: HTTPReply) -> String? {
        guard !reply.body.isEmpty else { return nil }
        let head = reply.body.prefix(Self.excerptLength * 4)
        let text = redact(String(decoding: head, as: UTF8.self))
        var cleaned = String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
        if cleaned.count > Self.excerptLength || reply.body.count > head.count {
            cleaned = String(cleaned.prefix(Self.excerptLength)) + "…"
        }
        return cleaned
    }

    /// What a JSON error body of another status says: the ASP.NET problem-details `title`, a `message`, a
    /// `detail`, and the `exceptionCode` of a 500.
    private func summary(of body: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { return nil }
        var parts: [String] = []
        for key in ["code", "title", "message", "detail", "exceptionCode"] {
            if let value = object[key] as? String, !value.isEmpty {
                parts.append(key == "title" || key == "message" ? value : "\(key) \(value)")
            }
        }
        if let errors = object["errors"] as? [String: Any], !errors.isEmpty {
            let fields = errors.keys.sorted().prefix(5).joined(separator: ", ")
            parts.append("invalid fields: \(fields)")
        }
        guard !parts.isEmpty else { return nil }
        return redact(parts.joined(separator: "; "))
    }

    /// `text` with every occurrence of the API key replaced by `<redacted>`.
    func redact(_ text: String) -> String {
        secret.isEmpty ? text : text.replacingOccurrences(of: secret, with: "<redacted>")
    }
}
