import Foundation

/// Any JSON value, read with `JSONDecoder` so that booleans, numbers and strings stay apart (a `true` is never
/// a number). Used to bind request bodies the way ASP.NET does (property names case-insensitive) and to read
/// the validation endpoint's answer.
enum JSONValue: Decodable, Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: AnyKey.self) {
            var object: [String: JSONValue] = [:]
            for key in container.allKeys { object[key.stringValue] = try container.decode(JSONValue.self, forKey: key) }
            self = .object(object)
        } else if var container = try? decoder.unkeyedContainer() {
            var array: [JSONValue] = []
            while !container.isAtEnd { array.append(try container.decode(JSONValue.self)) }
            self = .array(array)
        } else {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let value = try? container.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? container.decode(Int64.self) {
                self = .integer(value)
            } else if let value = try? container.decode(Double.self) {
                self = .number(value)
            } else {
                self = .string(try container.decode(String.self))
            }
        }
    }

    /// Parses a whole body; nil when it is not JSON.
    static func parse(_ bytes: some Collection<UInt8>) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))
    }

    /// The JSON type's name, for messages: `null`, `a boolean`, `a number`, `a string`, `an array`, `an object`.
    var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .integer, .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The members of an object found by name case-insensitively, as ASP.NET binds properties.
    ///
    /// - Returns: nil when absent; `.some(.null)` for an explicit null.
    /// - Throws: `BindingProblem` when two members differ only in case (which one wins is undefined).
    func member(_ name: String) throws(BindingProblem) -> JSONValue? {
        guard case .object(let object) = self else { return nil }
        let matches = object.filter { $0.key.lowercased() == name.lowercased() }
        if matches.count > 1 {
            let spellings = matches.keys.sorted().map { "'\($0)'" }.joined(separator: " and ")
            throw BindingProblem(field: name, message: "The property is given more than once (\(spellings)).")
        }
        return matches.first?.value
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

/// Why a request body could not be bound: the JSON path of the field and what is wrong with it.
struct BindingProblem: Error, Sendable {
    /// The field's JSON path, e.g. `documents[0].file.name`, or `$` for the whole body.
    let field: String
    /// What is wrong.
    let message: String

    /// The same problem, with the field prefixed by `path` (for nested objects).
    func nested(under path: String) -> BindingProblem {
        BindingProblem(field: field == "$" ? path : path + "." + field, message: message)
    }
}
