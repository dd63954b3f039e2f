import Foundation
public import UploadPolicy

/// The body Rest PKI Core POSTs for each file a user picks: `{"name": …, "contentType": …, "length": …}`.
///
/// Decoded as ASP.NET Core binds it: property names case-insensitive (`Name`, `NAME` and `name` are the same),
/// unknown properties ignored, `contentType` and `length` optional and nullable. What does not fit is an
/// ``EndpointError`` naming the property and the problem.
public enum ValidationRequest {
    /// Decodes a request body into the engine's input.
    /// - Parameter body: The raw JSON bytes.
    /// - Returns: The file to decide on.
    /// - Throws: ``EndpointError`` 400 (`request.malformed_json`, `request.missing_name`, `request.invalid_field`).
    public static func decode(_ body: [UInt8]) throws(EndpointError) -> FileCandidate {
        let fields: Fields
        do {
            fields = try JSONDecoder().decode(Fields.self, from: Data(body))
        } catch let error as EndpointError {
            throw error
        } catch DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty {
            throw EndpointError.malformedJSON("the body must be a JSON object")
        } catch let DecodingError.dataCorrupted(context) {
            let detail = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
            throw EndpointError.malformedJSON(detail ?? context.debugDescription)
        } catch {
            throw EndpointError.malformedJSON(String(describing: error))
        }
        guard let name = fields.name else { throw EndpointError.missingName }
        return FileCandidate(name: name, contentType: fields.contentType, length: fields.length)
    }

    /// The three properties, found case-insensitively among any others.
    private struct Fields: Decodable {
        var name: String?
        var contentType: String?
        var length: Int64?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            var seen: [String: String] = [:]
            for key in container.allKeys {
                let property = key.stringValue.lowercased()
                guard ["name", "contenttype", "length"].contains(property) else { continue }
                if let first = seen[property] {
                    throw EndpointError.invalidField(
                        key.stringValue, "is given twice (as '\(first)' and '\(key.stringValue)'); send it once")
                }
                seen[property] = key.stringValue
                switch property {
                case "name":
                    name = try Self.value(String.self, in: container, key, expected: "a string")
                case "contenttype":
                    contentType = try Self.value(String.self, in: container, key, expected: "a string or null")
                default:
                    length = try Self.value(Int64.self, in: container, key, expected: "a whole number of bytes or null")
                }
            }
        }

        /// A property's value, nil for JSON null (except `name`, which must be a string).
        private static func value<T: Decodable>(
            _ type: T.Type, in container: KeyedDecodingContainer<AnyKey>, _ key: AnyKey, expected: String
        ) throws -> T? {
            if try container.decodeNil(forKey: key) {
                if T.self == String.self, key.stringValue.lowercased() == "name" {
                    throw EndpointError.invalidField(key.stringValue, "must be \(expected), not null")
                }
                return nil
            }
            do {
                return try container.decode(T.self, forKey: key)
            } catch {
                throw EndpointError.invalidField(key.stringValue, "must be \(expected)")
            }
        }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
