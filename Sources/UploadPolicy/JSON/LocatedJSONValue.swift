/// A JSON value with the bytes it was read from, from ``JSONParser/parseLocated(_:)``: for tools that point
/// into a policy file (`uploadgate lint`), not for reading requests. ``TextPositions`` turns the offsets into
/// lines and columns.
public struct LocatedJSONValue: Sendable {
    /// The value; arrays and objects hold located values.
    public enum Content: Sendable {
        case null
        case bool(Bool)
        /// A number written as an integer that fits in 64 bits.
        case integer(Int64)
        /// Any other number.
        case number(Double)
        /// A string and, for each of its Unicode scalars, the offset of the source it was decoded from (its first
        /// byte, or the backslash of its escape); one more entry for the closing quote.
        case string(String, scalarOffsets: [Int])
        case array([LocatedJSONValue])
        case object([Member])
    }

    /// An object member: its key, the bytes of the key (quotes included), and its value.
    public struct Member: Sendable {
        public let key: String
        public let keyRange: Range<Int>
        public let value: LocatedJSONValue
    }

    public let content: Content
    /// The byte offsets of the value's text, from its first byte to just past its last.
    public let range: Range<Int>
}

/// Builds ``LocatedJSONValue`` trees for ``JSONParser``.
struct LocatingBuilder: JSONTreeBuilder {
    let bytes: UnsafeBufferPointer<UInt8>

    func scalar(_ value: JSONValue, _ range: Range<Int>) -> LocatedJSONValue {
        let content: LocatedJSONValue.Content =
            switch value {
            case .null: .null
            case .bool(let bool): .bool(bool)
            case .integer(let integer): .integer(integer)
            case .number(let number): .number(number)
            case .string(let text): .string(text, scalarOffsets: scalarOffsets(ofString: range))
            case .array, .object: preconditionFailure("arrays and objects are built by array(_:_:) and object(_:_:)")
            }
        return LocatedJSONValue(content: content, range: range)
    }

    func member(_ key: String, _ keyRange: Range<Int>, _ value: LocatedJSONValue) -> LocatedJSONValue.Member {
        LocatedJSONValue.Member(key: key, keyRange: keyRange, value: value)
    }

    func array(_ items: [LocatedJSONValue], _ range: Range<Int>) -> LocatedJSONValue {
        LocatedJSONValue(content: .array(items), range: range)
    }

    func object(_ members: [LocatedJSONValue.Member], _ range: Range<Int>) -> LocatedJSONValue {
        LocatedJSONValue(content: .object(members), range: range)
    }

    /// Where each scalar of the string at `range` (quotes included) comes from. The scanner has checked the
    /// string, so only the length of each source character is needed: an escape is 2 bytes, `\uXXXX` 6, a high
    /// surrogate escape with its low one 12, and a UTF-8 sequence the length its first byte says.
    private func scalarOffsets(ofString range: Range<Int>) -> [Int] {
        var offsets: [Int] = []
        var index = range.lowerBound + 1
        let close = range.upperBound - 1
        while index < close {
            offsets.append(index)
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                guard bytes[index + 1] == UInt8(ascii: "u") else {
                    index += 2
                    continue
                }
                index += isHighSurrogate(hexAt: index + 2) ? 12 : 6
            } else {
                index += byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            }
        }
        offsets.append(close)
        return offsets
    }

    /// Whether the four hex digits at `offset` are D800 to DBFF.
    private func isHighSurrogate(hexAt offset: Int) -> Bool {
        let second = bytes[offset + 1] | 0x20  // lowercase, for a letter
        return bytes[offset] | 0x20 == UInt8(ascii: "d")
            && (second == UInt8(ascii: "8") || second == UInt8(ascii: "9") || second == UInt8(ascii: "a")
                || second == UInt8(ascii: "b"))
    }
}
