// Turns Swift's DecodingError into a short explanation that names the JSON path, for RestPkiError messages.

extension DecodingError {
    /// A phrase that completes "expected X, but …", e.g. "the required field `documents[0].id` is missing".
    var explanation: String {
        switch self {
        case .typeMismatch(let type, let context):
            return "\(Self.path(context.codingPath)) has the wrong JSON type (\(Self.clean(context, type)))"
        case .valueNotFound(let type, let context):
            return "\(Self.path(context.codingPath)) is null where a \(Self.name(type)) is required"
        case .keyNotFound(let key, let context):
            return "the required field \(Self.path(context.codingPath + [key])) is missing"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                let underlying = context.underlyingError.map { " (\(String(describing: $0).prefix(200)))" } ?? ""
                return "the body is not valid JSON, or is cut short\(underlying)"
            }
            return "\(Self.path(context.codingPath)) is malformed: \(context.debugDescription)"
        @unknown default:
            return "it could not be decoded (\(self))"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue, key.stringValue.hasPrefix("Index ") || key.stringValue == String(index) {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text.isEmpty ? "the top-level value" : "`\(text)`"
    }

    private static func clean(_ context: Context, _ type: Any.Type) -> String {
        context.debugDescription.isEmpty ? "expected \(name(type))" : context.debugDescription
    }

    private static func name(_ type: Any.Type) -> String {
        let text = String(describing: type)
        switch text {
        case "String": return "string"
        case "Bool": return "boolean"
        case "Double", "Float", "Int", "Int32", "Int64": return "number"
        default: return text.hasPrefix("Dictionary") || text.hasPrefix("[") ? "JSON object or array" : text
        }
    }
}
