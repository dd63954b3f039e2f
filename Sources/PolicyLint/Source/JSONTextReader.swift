/// The reader behind ``JSONSourceMap``: RFC 8259 over Unicode scalars, tracking line and column.
struct JSONTextReader {
    typealias Position = JSONSourceMap.Position
    typealias Node = JSONSourceMap.Node

    /// Deeper nesting than this is refused: no policy needs it, and hostile files must not exhaust the stack.
    static let maximumDepth = 512

    private var scalars: [Unicode.Scalar] = []
    private var columns: [Position] = []
    private var index = 0
    private var depth = 0
    private var decodeError: JSONSourceMap.SyntaxError?
    /// Keys that occur again in the same object, with the JSON path of the repeat and where it is.

    init(bytes: [UInt8]) {
        var line = 1
        var column = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var byteOffset = 0
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                scalars.append(scalar)
                columns.append(Position(line: line, column: column))
                byteOffset += UTF8.width(scalar)
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                break decoding
            case .error:
                decodeError = JSONSourceMap.SyntaxError(
                    message: "not UTF-8 text (invalid byte at offset \(byteOffset))",
                    position: Position(line: line, column: column))
                break decoding
            }
        }
        columns.append(Position(line: line, column: column))
    }

    private var position: Position { columns[min(index, columns.count - 1)] }
    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private func fail(_ message: String) -> JSONSourceMap.SyntaxError {
        JSONSourceMap.SyntaxError(message: message, position: position)
    }

    mutating func readDocument() throws(JSONSourceMap.SyntaxError) -> Node {
        if let decodeError { throw decodeError }
        if current == "\u{FEFF}" { index += 1 }
        skipSpace()
        let root = try readValue(at: "")
        skipSpace()
        guard current == nil else { throw fail("unexpected text after the JSON value") }
        return root
    }

    private mutating func skipSpace() {
        while let scalar = current, scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" { index += 1 }
    }

    private mutating func readValue(at path: String) throws(JSONSourceMap.SyntaxError) -> Node {
        let start = position
        let startIndex = index
        guard let scalar = current else { throw fail("unexpected end of text; a value was expected") }
        switch scalar {
        case "{": return try readObject(at: path)
        case "[": return try readArray(at: path)
        case "\"":
            let text = try readString()
            return Node(value: .string(text), start: start, end: position)
        case "t": try readWord("true")
        case "f": try readWord("false")
        case "n": try readWord("null")
        case "-", "0"..."9": try readNumber()
        default: throw fail("unexpected character '\(scalar.escaped(asASCII: true))'; a value was expected")
        }
        let text = String(String.UnicodeScalarView(scalars[startIndex..<index]))
        return Node(value: .literal(text), start: start, end: position)
    }

    private mutating func nest() throws(JSONSourceMap.SyntaxError) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw fail("nested more than \(Self.maximumDepth) levels deep") }
    }

    /// An object. A comma before the closing brace is tolerated here (the engine refuses it with its own located
    /// error), so the rest of the file can still be mapped.
    private mutating func readObject(at path: String) throws(JSONSourceMap.SyntaxError) -> Node {
        let start = position
        try nest()
        index += 1
        var members: [JSONSourceMap.Member] = []
        skipSpace()
        if current == "}" {
            index += 1
        } else {
            while true {
                skipSpace()
                if current == "}", !members.isEmpty {
                    index += 1
                    break
                }
                let keyStart = position
                guard current == "\"" else { throw fail("expected a key in double quotes") }
                let key = try readString().text
                let memberPath = path.isEmpty ? key : path + "." + key
                skipSpace()
                guard current == ":" else { throw fail("expected ':' after the key") }
                index += 1
                skipSpace()
                members.append(JSONSourceMap.Member(key: key, keyStart: keyStart, node: try readValue(at: memberPath)))
                skipSpace()
                if current == "," {
                    index += 1
                } else if current == "}" {
                    index += 1
                    break
                } else {
                    throw fail("expected ',' or '}' after an object member")
                }
            }
        }
        depth -= 1
        return Node(value: .object(members), start: start, end: position)
    }

    /// An array. A comma before the closing bracket is allowed, as the engine's parser allows it.
    private mutating func readArray(at path: String) throws(JSONSourceMap.SyntaxError) -> Node {
        let start = position
        try nest()
        index += 1
        var items: [Node] = []
        skipSpace()
        if current == "]" {
            index += 1
        } else {
            while true {
                skipSpace()
                if current == "]", !items.isEmpty {
                    index += 1
                    break
                }
                items.append(try readValue(at: "\(path)[\(items.count)]"))
                skipSpace()
                if current == "," {
                    index += 1
                } else if current == "]" {
                    index += 1
                    break
                } else {
                    throw fail("expected ',' or ']' after an array item")
                }
            }
        }
        depth -= 1
        return Node(value: .array(items), start: start, end: position)
    }

    private mutating func readString() throws(JSONSourceMap.SyntaxError) -> JSONSourceMap.StringText {
        let line = position.line
        index += 1  // opening quote
        var text = String.UnicodeScalarView()
        var starts: [Int] = []
        while true {
            guard let scalar = current else { throw fail("unterminated string") }
            let column = position.column
            if scalar == "\"" {
                index += 1
                starts.append(column)
                return JSONSourceMap.StringText(text: String(text), line: line, columns: starts)
            }
            guard scalar.value >= 0x20 else { throw fail("control character U+\(scalar.hex) inside a string") }
            index += 1
            guard scalar == "\\" else {
                text.append(scalar)
                starts.append(column)
                continue
            }
            text.append(try readEscape())
            starts.append(column)
        }
    }

    private mutating func readEscape() throws(JSONSourceMap.SyntaxError) -> Unicode.Scalar {
        guard let scalar = current else { throw fail("unterminated string") }
        index += 1
        switch scalar {
        case "\"", "\\", "/": return scalar
        case "b": return "\u{08}"
        case "f": return "\u{0C}"
        case "n": return "\n"
        case "r": return "\r"
        case "t": return "\t"
        case "u":
            let high = try readHexQuad()
            if let scalar = Unicode.Scalar(high) { return scalar }
            // A surrogate: it must be a high one followed by an escaped low one, or the text is not valid.
            if (0xD800...0xDBFF).contains(high), current == "\\", index + 1 < scalars.count, scalars[index + 1] == "u" {
                index += 2
                let low = try readHexQuad()
                if (0xDC00...0xDFFF).contains(low),
                    let combined = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                {
                    return combined
                }
            }
            throw fail(
                "'\\u\(String(high, radix: 16, uppercase: true))' is half of a surrogate pair; a string "
                    + "cannot hold it alone")
        default:
            throw fail("invalid escape '\\\(scalar.escaped(asASCII: true))' in a string")
        }
    }

    private mutating func readHexQuad() throws(JSONSourceMap.SyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let scalar = current, scalar.properties.isASCIIHexDigit,
                let digit = UInt32(String(scalar), radix: 16)
            else { throw fail("expected four hexadecimal digits after \\u") }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    private mutating func readWord(_ word: String) throws(JSONSourceMap.SyntaxError) {
        for expected in word.unicodeScalars {
            guard current == expected else { throw fail("unexpected characters; did you mean '\(word)'?") }
            index += 1
        }
    }

    private mutating func readNumber() throws(JSONSourceMap.SyntaxError) {
        if current == "-" { index += 1 }
        guard let first = current, first.asciiDigitValue != nil else { throw fail("a number needs digits") }
        index += 1
        if first != "0" { while current?.asciiDigitValue != nil { index += 1 } }
        if current == "." {
            index += 1
            guard current?.asciiDigitValue != nil else { throw fail("a number needs digits after '.'") }
            while current?.asciiDigitValue != nil { index += 1 }
        }
        if current == "e" || current == "E" {
            index += 1
            if current == "+" || current == "-" { index += 1 }
            guard current?.asciiDigitValue != nil else { throw fail("a number needs digits in its exponent") }
            while current?.asciiDigitValue != nil { index += 1 }
        }
    }
}

extension Unicode.Scalar {
    /// The value as four or more uppercase hex digits: `00E9`.
    var hex: String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
