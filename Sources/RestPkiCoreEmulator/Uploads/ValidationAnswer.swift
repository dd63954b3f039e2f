/// The validation endpoint's answer as Rest PKI Core reads it: `{"accept": bool, "rejectReason": string|null}`,
/// property names case-insensitive (the .NET MVC sample writes `Accept`/`RejectReason`), extra properties
/// ignored, any 2xx status a success (the Java sample answers 202), the `Content-Type` not consulted.
enum ValidationAnswer: Equatable, Sendable {
    /// The file is accepted.
    case accept
    /// The file is rejected, with the endpoint's reason (nil when it gave none).
    case reject(reason: String?)
    /// The answer cannot be read as a verdict; the reason says why.
    case unreadable(String)

    /// Reads an answer.
    ///
    /// - Parameters:
    ///   - status: The HTTP status.
    ///   - body: The body bytes.
    /// - Returns: The verdict, or why there is none.
    static func read(status: Int, body: [UInt8]) -> ValidationAnswer {
        guard (200..<300).contains(status) else { return .unreadable("the endpoint answered HTTP \(status)") }
        guard !body.isEmpty else { return .unreadable("the answer (HTTP \(status)) has an empty body") }
        guard let json = JSONValue.parse(body) else {
            return .unreadable("the answer (HTTP \(status)) is not JSON, or is cut short")
        }
        guard case .object = json else { return .unreadable("the answer is \(json.typeName), not a JSON object") }
        do {
            guard let accept = try json.member("accept") else {
                return .unreadable("the answer has no 'accept' property")
            }
            guard case .bool(let accepted) = accept else {
                return .unreadable("'accept' is \(accept.typeName), not a boolean")
            }
            let reason: String?
            switch try json.member("rejectReason") {
            case nil, .null?: reason = nil
            case .string(let text)?: reason = text
            case let other?: return .unreadable("'rejectReason' is \(other.typeName), not a string or null")
            }
            return accepted ? .accept : .reject(reason: reason)
        } catch {
            return .unreadable("'\(error.field)': \(error.message)")
        }
    }
}
