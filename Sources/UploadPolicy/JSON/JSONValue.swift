/// A parsed JSON value. Objects keep their members in order, duplicates included, so readers can refuse
/// ambiguity instead of silently keeping one of two values.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number written as an integer that fits in 64 bits.
    case integer(Int64)
    /// Any other number (a fraction, an exponent, or an integer too large for 64 bits).
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    /// The JSON type name used in messages: "a string", "an array", …
    public var kind: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer, .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.elementsEqual(b) { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }
}

/// JSON text that is not valid, with where the problem is.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, with its byte offset (from ``JSONScanner``).
    public let message: String
    /// That byte offset, from 0.
    public let offset: Int
    /// The 1-based line and column of the problem; the column counts Unicode scalars (``TextPositions``).
    public let line: Int
    public let column: Int

    init(_ message: String, at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        let position = TextPositions(bytes).position(ofByte: offset)
        self.message = message
        self.offset = offset
        self.line = position.line
        self.column = position.column
    }

    public var description: String { "\(message) (line \(line), column \(column))" }
}
