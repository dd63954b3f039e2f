import Foundation

/// A parsed JSON document, kept as values so the loader can walk it with paths and report every problem,
/// rather than stopping at the first as a `Decodable` model would.
indirect enum JSONValue: Sendable, Decodable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Parses JSON text.
    /// - Throws: A message saying what is wrong and, where Foundation tells, where.
    static func parse(_ data: Data) throws(JSONSyntaxError) -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw JSONSyntaxError(message: syntaxProblem(in: data) ?? Self.message(for: error))
        }
    }

    /// The first problem in the text, front to back, as `JSONSerialization` words it ("Unescaped control
    /// character around character 31.").
    ///
    /// A `JSONValue` accepts every JSON value, so any decoding error means malformed text, but the decoder's
    /// own error is no use to show: it checks strings and numbers only when a value is read, and `init(from:)`
    /// reads each value as several kinds in turn, so a bad string or number surfaces as "expected a
    /// dictionary but found an array", at whichever key of an object the dictionary happened to visit first.
    private static func syntaxProblem(in data: Data) -> String? {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)
            return nil
        } catch {
            return (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
        }
    }

    private static func message(for error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error,
            let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
        {
            return underlying
        }
        return "\(error)"
    }

    /// The JSON type name used in messages: "a string", "an array", …
    var kind: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer, .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// JSON that could not be parsed.
struct JSONSyntaxError: Error {
    let message: String
}
