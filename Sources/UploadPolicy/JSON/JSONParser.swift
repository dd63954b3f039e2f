/// A strict RFC 8259 JSON parser: the one JSON reader of UploadGate, for policy files and request bodies.
///
/// Why not Foundation: `JSONDecoder` needs a fixed `Decodable` shape (the policy loader must walk arbitrary
/// documents and report every problem with its path), it accepts trailing commas, and on this platform it
/// costs about 8 µs for a three-property request body, more than everything else a validation does. This
/// parser validates everything RFC 8259 requires (structure, escapes, UTF-8, numbers), keeps object members
/// in order with duplicates, limits nesting, and reports errors with line and column.
public enum JSONParser {
    /// The deepest nesting of arrays and objects accepted.
    public static let maxDepth = 64

    /// Parses a complete JSON text.
    /// - Throws: ``JSONSyntaxError`` naming the problem and where it is.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        var cursor = Cursor(bytes: bytes)
        do throws(Failure) {
            cursor.skipWhitespace()
            guard cursor.peek() != nil else { throw cursor.failure("the text is empty") }
            let value = try cursor.readValue(depth: 0)
            cursor.skipWhitespace()
            guard cursor.peek() == nil else { throw cursor.failure("unexpected text after the JSON value") }
            return value
        } catch {
            throw cursor.locate(error)
        }
    }

    /// Parses a complete JSON text held in an array.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in try parse(buffer) }
    }

    /// A problem found at an offset, before line and column are worked out.
    struct Failure: Error {
        let message: String
        let offset: Int
    }

    struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

        func failure(_ message: String) -> Failure { Failure(message: message, offset: position) }

        mutating func skipWhitespace() {
            while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { position += 1 }
        }

        func locate(_ failure: Failure) -> JSONSyntaxError {
            var line = 1
            var lineStart = 0
            for index in 0..<min(failure.offset, bytes.count) where bytes[index] == 0x0A {
                line += 1
                lineStart = index + 1
            }
            return JSONSyntaxError(
                message: failure.message, offset: failure.offset, line: line, column: failure.offset - lineStart + 1)
        }

        mutating func readValue(depth: Int) throws(Failure) -> JSONValue {
            guard let byte = peek() else { throw failure("expected a value") }
            switch byte {
            case UInt8(ascii: "\""): return .string(try readString())
            case UInt8(ascii: "{"): return try readObject(depth: depth + 1)
            case UInt8(ascii: "["): return try readArray(depth: depth + 1)
            case UInt8(ascii: "t"):
                try expect("true")
                return .bool(true)
            case UInt8(ascii: "f"):
                try expect("false")
                return .bool(false)
            case UInt8(ascii: "n"):
                try expect("null")
                return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try readNumber()
            default: throw failure("expected a value")
            }
        }

        private mutating func readObject(depth: Int) throws(Failure) -> JSONValue {
            guard depth <= JSONParser.maxDepth else { throw failure("nested more than \(JSONParser.maxDepth) levels") }
            position += 1
            var members: [(key: String, value: JSONValue)] = []
            skipWhitespace()
            if peek() == UInt8(ascii: "}") {
                position += 1
                return .object(members)
            }
            while true {
                skipWhitespace()
                guard peek() == UInt8(ascii: "\"") else { throw failure("expected a property name in quotes") }
                let key = try readString()
                skipWhitespace()
                guard peek() == UInt8(ascii: ":") else { throw failure("expected ':' after a property name") }
                position += 1
                skipWhitespace()
                members.append((key, try readValue(depth: depth)))
                skipWhitespace()
                guard let next = peek() else { throw failure("unterminated object: expected ',' or '}'") }
                position += 1
                if next == UInt8(ascii: "}") { return .object(members) }
                guard next == UInt8(ascii: ",") else {
                    position -= 1
                    throw failure("expected ',' or '}'")
                }
            }
        }

        private mutating func readArray(depth: Int) throws(Failure) -> JSONValue {
            guard depth <= JSONParser.maxDepth else { throw failure("nested more than \(JSONParser.maxDepth) levels") }
            position += 1
            var items: [JSONValue] = []
            skipWhitespace()
            if peek() == UInt8(ascii: "]") {
                position += 1
                return .array(items)
            }
            while true {
                skipWhitespace()
                items.append(try readValue(depth: depth))
                skipWhitespace()
                guard let next = peek() else { throw failure("unterminated array: expected ',' or ']'") }
                position += 1
                if next == UInt8(ascii: "]") { return .array(items) }
                guard next == UInt8(ascii: ",") else {
                    position -= 1
                    throw failure("expected ',' or ']'")
                }
            }
        }

        private mutating func expect(_ literal: StaticString) throws(Failure) {
            let count = literal.utf8CodeUnitCount
            guard position + count <= bytes.count else { throw failure("expected a value") }
            for offset in 0..<count where bytes[position + offset] != literal.utf8Start[offset] {
                throw failure("expected a value")
            }
            position += count
        }
    }
}
