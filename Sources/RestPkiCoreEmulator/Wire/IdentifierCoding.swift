import Foundation

// Ids in the control routes' bodies are written as lowercase canonical UUIDs, like every API body. The Codable
// conformances synthesised in this module pick these concrete overloads over the generic ones.

extension KeyedEncodingContainer {
    mutating func encode(_ value: UUID, forKey key: Key) throws {
        try encode(value.uuidString.lowercased(), forKey: key)
    }

    mutating func encodeIfPresent(_ value: UUID?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }
}
