import Foundation

/// Any JSON value, with booleans, integers, other numbers and strings kept apart (a `true` is never a number).
/// Used to bind request bodies the way ASP.NET does (property names case-insensitive) and to read the validation
/// endpoint's answer.
enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses a whole body; nil when it is not JSON (or nests deeper than the parser allows).
    ///
    /// `JSONSerialization` rather than a `Decodable` walk: probing each value's type through `Decoder` throws
    /// once per wrong guess, and throwing is costly where errors are traced (tests record a backtrace per throw).
    static func parse(_ bytes: some Collection<UInt8>) -> JSONValue? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        else { return nil }
        return JSONValue(object)
    }

    private init?(_ object: Any) {
        switch object {
        case is NSNull:
            self = .null
        case let text as String:
            self = .string(text)
        case let number as NSNumber:
            if type(of: number) == Self.booleanType {
                self = .bool(number.boolValue)
            } else if ["d", "f"].contains(String(cString: number.objCType)) {
                self = .number(number.doubleValue)
            } else {
                self = .integer(number.int64Value)
            }
        case let items as [Any]:
            var array: [JSONValue] = []
            for item in items {
                guard let value = JSONValue(item) else { return nil }
                array.append(value)
            }
            self = .array(array)
        case let members as [String: Any]:
            var fields: [String: JSONValue] = [:]
            for (key, member) in members {
                guard let value = JSONValue(member) else { return nil }
                fields[key] = value
            }
            self = .object(fields)
        default:
            return nil
        }
    }

    /// The class `JSONSerialization` gives `true` and `false` (a boolean `NSNumber` subclass).
    private static let booleanType = type(of: NSNumber(value: true))

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
