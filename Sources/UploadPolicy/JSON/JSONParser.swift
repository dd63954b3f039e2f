/// Parses whole JSON documents (policy files) into ``JSONValue`` trees, on ``JSONScanner``: the same strict
/// RFC 8259 rules and messages as request bodies, plus the line and column of a problem.
public enum JSONParser {
    /// Parses a complete JSON text.
    /// - Throws: ``JSONSyntaxError`` naming the problem, its byte offset, line and column.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        var scanner = JSONScanner(bytes)
        do throws(JSONScanner.SyntaxError) {
            guard scanner.peek() != nil else { throw JSONScanner.SyntaxError(message: "the text is empty", offset: 0) }
            let value = try readValue(&scanner, depth: 0)
            try scanner.expectEnd()
            return value
        } catch {
            throw JSONSyntaxError(error.message, at: error.offset, in: bytes)
        }
    }

    /// Parses a complete JSON text held in an array.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in try parse(buffer) }
    }

    private static func readValue(_ scanner: inout JSONScanner, depth: Int) throws(JSONScanner.SyntaxError)
        -> JSONValue
    {
        switch try scanner.peekKind() {
        case .string:
            return .string(try readString(&scanner))
        case .number:
            let range = try scanner.number()
            let text = scanner.slice(range)
            if let integer = Int64(String(decoding: text, as: UTF8.self)) { return .integer(integer) }
            return .number(Double(String(decoding: text, as: UTF8.self)) ?? .infinity)
        case .boolean, .null:
            switch try scanner.literal() {
            case .true: return .bool(true)
            case .false: return .bool(false)
            case .null: return .null
            }
        case .array:
            try checkDepth(depth, &scanner)
            try scanner.expect(UInt8(ascii: "["), "'['")
            var items: [JSONValue] = []
            if scanner.consume(UInt8(ascii: "]")) { return .array(items) }
            repeat {
                items.append(try readValue(&scanner, depth: depth + 1))
            } while scanner.consume(UInt8(ascii: ","))
            try scanner.expect(UInt8(ascii: "]"), "',' or ']'")
            return .array(items)
        case .object:
            try checkDepth(depth, &scanner)
            try scanner.expect(UInt8(ascii: "{"), "'{'")
            var members: [(key: String, value: JSONValue)] = []
            if scanner.consume(UInt8(ascii: "}")) { return .object(members) }
            repeat {
                guard scanner.peek() == UInt8(ascii: "\"") else {
                    throw scanner.unexpected("a property name in double quotes")
                }
                let key = try readString(&scanner)
                try scanner.expect(UInt8(ascii: ":"), "':' after the property name")
                members.append((key, try readValue(&scanner, depth: depth + 1)))
            } while scanner.consume(UInt8(ascii: ","))
            try scanner.expect(UInt8(ascii: "}"), "',' or '}'")
            return .object(members)
        }
    }

    private static func readString(_ scanner: inout JSONScanner) throws(JSONScanner.SyntaxError) -> String {
        var bytes: [UInt8] = []
        try withUnsafeMutablePointer(to: &bytes) { output throws(JSONScanner.SyntaxError) in
            try scanner.string(into: output)
        }
        return String(decoding: bytes, as: UTF8.self)  // the scanner checked it is valid UTF-8
    }

    private static func checkDepth(_ depth: Int, _ scanner: inout JSONScanner) throws(JSONScanner.SyntaxError) {
        guard depth < JSONScanner.maxDepth else {
            throw JSONScanner.SyntaxError(
                message: "nesting deeper than \(JSONScanner.maxDepth) levels at byte offset \(scanner.position)",
                offset: scanner.position)
        }
    }
}
