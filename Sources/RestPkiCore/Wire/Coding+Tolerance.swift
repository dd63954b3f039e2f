import Foundation

// Container overloads that make every model of this module read and write the wire format the same way,
// whatever strategies the caller's JSONDecoder or JSONEncoder were configured with. The Codable conformances
// synthesised in this module pick these concrete overloads over the generic ones:
//
// - `Date`: read with `RestPkiDateFormat.date(from:)` (lenient ISO-8601), written as ISO-8601 UTC.
// - `UUID`: written lowercase, as every official client sends ids (reading accepts any case already).
// - `Data`: Base64 (`format: byte`) both ways.
// - metadata maps (`[String: [String]]`): a `null` value array reads as an empty array.

extension KeyedDecodingContainer {
    func decode(_ type: Date.Type, forKey key: Key) throws -> Date {
        let text = try decode(String.self, forKey: key)
        guard let date = RestPkiDateFormat.date(from: text) else {
            // Quote only what could be a date: a long string is never quoted in part, so that a secret a server
            // might put there cannot leak half-redacted into an error message.
            let found = text.count <= 40 ? "\"\(text)\"" : "a string of \(text.count) characters"
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "Expected an ISO-8601 date-time, found \(found).")
        }
        return date
    }

    func decodeIfPresent(_ type: Date.Type, forKey key: Key) throws -> Date? {
        guard try contains(key) && !decodeNil(forKey: key) else { return nil }
        return try decode(Date.self, forKey: key)
    }

    func decode(_ type: Data.Type, forKey key: Key) throws -> Data {
        let text = try decode(String.self, forKey: key)
        guard let data = Data(base64Encoded: text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self,
                debugDescription: "Expected Base64 text, found \(text.count) characters that are not Base64.")
        }
        return data
    }

    func decodeIfPresent(_ type: Data.Type, forKey key: Key) throws -> Data? {
        guard try contains(key) && !decodeNil(forKey: key) else { return nil }
        return try decode(Data.self, forKey: key)
    }

    func decodeIfPresent(_ type: [String: [String]].Type, forKey key: Key) throws -> [String: [String]]? {
        guard try contains(key) && !decodeNil(forKey: key) else { return nil }
        return try decode([String: [String]?].self, forKey: key).mapValues { $0 ?? [] }
    }
}

extension KeyedEncodingContainer {
    mutating func encode(_ value: Date, forKey key: Key) throws {
        try encode(RestPkiDateFormat.string(from: value), forKey: key)
    }

    mutating func encodeIfPresent(_ value: Date?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }

    mutating func encode(_ value: UUID, forKey key: Key) throws {
        try encode(value.uuidString.lowercased(), forKey: key)
    }

    mutating func encodeIfPresent(_ value: UUID?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }

    mutating func encode(_ value: Data, forKey key: Key) throws {
        try encode(value.base64EncodedString(), forKey: key)
    }

    mutating func encodeIfPresent(_ value: Data?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }
}

/// A JSON encoder and decoder configured for the Rest PKI Core wire format.
///
/// The models read and write their own dates, ids and Base64 fields (see above), so these only fix what the
/// models cannot: sorted keys for stable output, and no escaping of `/` in URLs.
enum WireCoding {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func decoder() -> JSONDecoder { JSONDecoder() }
}
