/// Parses whole JSON documents (policy files) into ``JSONValue`` trees, on ``JSONScanner``: the same strict
/// RFC 8259 rules and messages as request bodies, plus the line and column of a problem.
public enum JSONParser {
    /// Parses a complete JSON text.
    /// - Throws: ``JSONSyntaxError`` naming the problem, its byte offset, line and column.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        try parse(bytes, building: PlainBuilder())
    }

    /// Parses a complete JSON text held in an array.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in try parse(buffer) }
    }

    /// Parses a complete JSON text as ``parse(_:)`` does (same rules, same errors), recording where
    /// every value, key and string character is in the text. It costs more than ``parse(_:)``; it is
    /// for tools that point into a file, such as `uploadgate lint`.
    public static func parseLocated(_ bytes: [UInt8]) throws(JSONSyntaxError) -> LocatedJSONValue {
        try bytes.withUnsafeBufferPointer { buffer throws(JSONSyntaxError) in
            try parse(buffer, building: LocatingBuilder(bytes: buffer))
        }
    }

    private static func parse<Builder: JSONTreeBuilder>(_ bytes: UnsafeBufferPointer<UInt8>, building builder: Builder)
        throws(JSONSyntaxError) -> Builder.Node
    {
        var scanner = JSONScanner(bytes)
        do throws(JSONScanner.SyntaxError) {
            guard scanner.peek() != nil else { throw JSONScanner.SyntaxError(message: "the text is empty", offset: 0) }
            let value = try readValue(&scanner, builder, depth: 0)
            try scanner.expectEnd()
            return value
        } catch {
            throw JSONSyntaxError(error.message, at: error.offset, in: bytes)
        }
    }

    private static func readValue<Builder: JSONTreeBuilder>(
        _ scanner: inout JSONScanner, _ builder: Builder, depth: Int
    ) throws(JSONScanner.SyntaxError) -> Builder.Node {
        let kind = try scanner.peekKind()
        let start = scanner.position  // after white space
        switch kind {
        case .string:
            let text = try readString(&scanner)
            return builder.scalar(.string(text), start..<scanner.position)
        case .number:
            let range = try scanner.number()
            let text = String(decoding: scanner.slice(range), as: UTF8.self)
            return builder.scalar(Int64(text).map(JSONValue.integer) ?? .number(Double(text) ?? .infinity), range)
        case .boolean, .null:
            let value: JSONValue =
                switch try scanner.literal() {
                case .true: .bool(true)
                case .false: .bool(false)
                case .null: .null
                }
            return builder.scalar(value, start..<scanner.position)
        case .array:
            try checkDepth(depth, &scanner)
            try scanner.expect(UInt8(ascii: "["), "'['")
            var items: [Builder.Node] = []
            if !scanner.consume(UInt8(ascii: "]")) {
                repeat {
                    items.append(try readValue(&scanner, builder, depth: depth + 1))
                } while scanner.consume(UInt8(ascii: ","))
                try scanner.expect(UInt8(ascii: "]"), "',' or ']'")
            }
            return builder.array(items, start..<scanner.position)
        case .object:
            try checkDepth(depth, &scanner)
            try scanner.expect(UInt8(ascii: "{"), "'{'")
            var members: [Builder.Member] = []
            if !scanner.consume(UInt8(ascii: "}")) {
                repeat {
                    guard scanner.peek() == UInt8(ascii: "\"") else {
                        throw scanner.unexpected("a property name in double quotes")
                    }
                    let keyStart = scanner.position
                    let key = try readString(&scanner)
                    let keyRange = keyStart..<scanner.position
                    try scanner.expect(UInt8(ascii: ":"), "':' after the property name")
                    members.append(builder.member(key, keyRange, try readValue(&scanner, builder, depth: depth + 1)))
                } while scanner.consume(UInt8(ascii: ","))
                try scanner.expect(UInt8(ascii: "}"), "',' or '}'")
            }
            return builder.object(members, start..<scanner.position)
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

/// What ``JSONParser`` builds from the values it reads: ``JSONValue`` trees (``PlainBuilder``), or
/// ``LocatedJSONValue`` ones (``LocatingBuilder``). The parser is specialized for each, so recording locations
/// costs nothing to plain parsing.
protocol JSONTreeBuilder {
    associatedtype Node
    associatedtype Member
    /// A string, number, boolean or null read from the bytes at `range`.
    func scalar(_ value: JSONValue, _ range: Range<Int>) -> Node
    /// An object member; `keyRange` holds the key with its quotes.
    func member(_ key: String, _ keyRange: Range<Int>, _ value: Node) -> Member
    func array(_ items: [Node], _ range: Range<Int>) -> Node
    func object(_ members: [Member], _ range: Range<Int>) -> Node
}

/// Builds ``JSONValue`` trees, ignoring locations.
struct PlainBuilder: JSONTreeBuilder {
    func scalar(_ value: JSONValue, _ range: Range<Int>) -> JSONValue { value }

    func member(_ key: String, _ keyRange: Range<Int>, _ value: JSONValue) -> (key: String, value: JSONValue) {
        (key, value)
    }

    func array(_ items: [JSONValue], _ range: Range<Int>) -> JSONValue { .array(items) }

    func object(_ members: [(key: String, value: JSONValue)], _ range: Range<Int>) -> JSONValue { .object(members) }
}
