/// A strict, allocation-light reader of JSON text (RFC 8259) over a byte buffer: the one JSON reader of
/// UploadGate. Request bodies are read with it value by value (``ValidationRequest`` in the endpoint), and
/// ``JSONParser`` builds whole documents (policy files, and the located trees `uploadgate lint` maps) on it.
///
/// Why not Foundation: `JSONDecoder` needs a fixed `Decodable` shape, accepts trailing commas, reports
/// positions vaguely, and costs about 8 µs for a three-property request body on this platform — more than
/// everything else a validation does.
///
/// It reads one value at a time and says precisely what is wrong and where: the byte offset (from 0), what was
/// expected and what was found. Strings must be valid UTF-8 and escapes must form whole characters (a lone
/// surrogate escape such as `\ud800` is refused, as .NET refuses it). Nesting deeper than ``maxDepth`` is
/// refused, so no input can exhaust the stack.
public struct JSONScanner: ~Copyable {
    /// The deepest nesting of arrays and objects accepted; System.Text.Json's default `MaxDepth` is also 64.
    public static let maxDepth = 64

    /// The kinds of JSON value, named as messages name them.
    public enum Kind: String, Sendable {
        case object = "an object"
        case array = "an array"
        case string = "a string"
        case number = "a number"
        case boolean = "a boolean"
        case null = "null"
    }

    /// A syntax error: what is wrong, with its byte offset.
    public struct SyntaxError: Error, Sendable {
        /// What is wrong, with the byte offset where it was found.
        public let message: String
        /// That byte offset.
        public let offset: Int
    }

    /// The literals `true`, `false` and `null`.
    public enum Literal: Sendable {
        case `true`, `false`, null
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the next byte to read.
    public private(set) var position = 0

    public init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // A UTF-8 byte order mark is tolerated, as ASP.NET tolerates it.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    }

    // MARK: Structure

    /// Skips white space and returns the next byte without consuming it, or nil at the end.
    public mutating func peek() -> UInt8? {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return bytes[position]
            }
        }
        return nil
    }

    /// The kind of the next value, from its first byte; throws if no value can start there.
    public mutating func peekKind() throws(SyntaxError) -> Kind {
        guard let byte = peek() else { throw unexpected("a value") }
        switch byte {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .boolean
        case UInt8(ascii: "n"): return .null
        default: throw unexpected("a value")
        }
    }

    /// Consumes `byte` (after white space) or throws naming what was expected.
    public mutating func expect(_ byte: UInt8, _ what: String) throws(SyntaxError) {
        guard peek() == byte else { throw unexpected(what) }
        position += 1
    }

    /// Consumes `byte` if it comes next (after white space).
    public mutating func consume(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        position += 1
        return true
    }

    /// Throws unless only white space is left.
    public mutating func expectEnd() throws(SyntaxError) {
        guard peek() == nil else { throw unexpected("the end of the text after the JSON value") }
    }

    /// Consumes a literal (`true`, `false`, `null`).
    public mutating func literal() throws(SyntaxError) -> Literal {
        for (word, literal) in [("true", Literal.true), ("false", .false), ("null", .null)] {
            let utf8 = word.utf8
            if bytes.count - position >= utf8.count,
                utf8.enumerated().allSatisfy({ bytes[position + $0.offset] == $0.element })
            {
                position += utf8.count
                return literal
            }
        }
        throw unexpected("a value")
    }

    /// Consumes any value, checking it completely; returns its kind.
    public mutating func skipValue(depth: Int = 0) throws(SyntaxError) -> Kind {
        let kind = try peekKind()
        switch kind {
        case .string: try string(into: nil)
        case .number: _ = try number()
        case .boolean, .null: _ = try literal()
        case .object, .array:
            guard depth < Self.maxDepth else {
                throw SyntaxError(
                    message: "nesting deeper than \(Self.maxDepth) levels at byte offset \(position)", offset: position)
            }
            position += 1
            let close = UInt8(ascii: kind == .object ? "}" : "]")
            if consume(close) { return kind }
            repeat {
                if kind == .object {
                    guard peek() == UInt8(ascii: "\"") else { throw unexpected("a property name in double quotes") }
                    try string(into: nil)
                    try expect(UInt8(ascii: ":"), "':' after the property name")
                }
                _ = try skipValue(depth: depth + 1)
            } while consume(UInt8(ascii: ","))
            try expect(close, kind == .object ? "',' or '}'" : "',' or ']'")
        }
        return kind
    }

    // MARK: Strings

    /// Consumes a string and hands its decoded UTF-8 to `body`: read in place from the input when the string
    /// holds no escape (the usual case, and no copy), or decoded into a buffer first when it does.
    public mutating func withString<Result>(
        _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) throws(SyntaxError) -> Result {
        let start = position
        try string(into: nil)  // checks the whole string and finds its end
        let contents = UnsafeBufferPointer(rebasing: bytes[(start + 1)..<(position - 1)])
        guard contents.contains(UInt8(ascii: "\\")) else {
            return body(contents)
        }
        let end = position
        var decoded: [UInt8] = []
        position = start
        try withUnsafeMutablePointer(to: &decoded) { output throws(SyntaxError) in try string(into: output) }
        assert(position == end)
        return decoded.withUnsafeBufferPointer(body)
    }

    /// Consumes a string, appending its decoded UTF-8 to `output` when given.
    public mutating func string(into output: UnsafeMutablePointer<[UInt8]>?) throws(SyntaxError) {
        let start = position
        try expect(UInt8(ascii: "\""), "a string")
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return
            case UInt8(ascii: "\\"):
                try escape(into: output)
            case 0x00..<0x20:
                throw SyntaxError(
                    message: "control character U+\(Self.hex(UInt32(byte), digits: 4)) inside a string at byte "
                        + "offset \(position); escape it as \\u\(Self.hex(UInt32(byte), digits: 4))",
                    offset: position)
            case 0x20..<0x80:
                // A run of plain ASCII is copied at once: names are mostly that.
                var end = position + 1
                while end < bytes.count, Self.isPlainASCII(bytes[end]) {
                    end += 1
                }
                output?.pointee.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<end]))
                position = end
            default:
                let length = try utf8Sequence()
                output?.pointee.append(contentsOf: bytes[position..<(position + length)])
                position += length
            }
        }
        throw SyntaxError(message: "unterminated string starting at byte offset \(start)", offset: start)
    }

    /// A byte a string holds as itself: printable ASCII other than the quote and the backslash.
    private static func isPlainASCII(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte < 0x80 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
    }

    private mutating func escape(into output: UnsafeMutablePointer<[UInt8]>?) throws(SyntaxError) {
        let start = position
        guard position + 1 < bytes.count else {
            throw SyntaxError(message: "unterminated string at the end", offset: bytes.count)
        }
        let simple: UInt8? =
            switch bytes[position + 1] {
            case UInt8(ascii: "\""): 0x22
            case UInt8(ascii: "\\"): 0x5C
            case UInt8(ascii: "/"): 0x2F
            case UInt8(ascii: "b"): 0x08
            case UInt8(ascii: "f"): 0x0C
            case UInt8(ascii: "n"): 0x0A
            case UInt8(ascii: "r"): 0x0D
            case UInt8(ascii: "t"): 0x09
            default: nil
            }
        if let simple {
            output?.pointee.append(simple)
            position += 2
            return
        }
        guard bytes[position + 1] == UInt8(ascii: "u") else {
            throw SyntaxError(
                message: "invalid escape \(describe(position + 1, prefix: "\\")) at byte offset \(start)", offset: start
            )
        }
        var scalar = try hexQuad(at: position + 2)
        position += 6
        if (0xD800...0xDBFF).contains(scalar) {
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                bytes[position + 1] == UInt8(ascii: "u"),
                case let low = try hexQuad(at: position + 2), (0xDC00...0xDFFF).contains(low)
            else {
                throw SyntaxError(
                    message: "lone surrogate escape \\u\(Self.hex(scalar, digits: 4)) at byte offset \(start); "
                        + "a high surrogate must be followed by a low one", offset: start)
            }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            position += 6
        } else if (0xDC00...0xDFFF).contains(scalar) {
            throw SyntaxError(
                message: "lone surrogate escape \\u\(Self.hex(scalar, digits: 4)) at byte offset \(start); "
                    + "a low surrogate must follow a high one", offset: start)
        }
        if let output {
            for unit in UTF8.encode(Unicode.Scalar(scalar)!)! { output.pointee.append(unit) }
        }
    }

    private func hexQuad(at offset: Int) throws(SyntaxError) -> UInt32 {
        guard offset + 4 <= bytes.count else {
            throw SyntaxError(message: "incomplete \\u escape at byte offset \(offset - 2)", offset: offset - 2)
        }
        var value: UInt32 = 0
        for index in offset..<(offset + 4) {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                throw SyntaxError(
                    message: "invalid \\u escape at byte offset \(offset - 2): four hex digits expected",
                    offset: offset - 2)
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// The length of the well-formed UTF-8 sequence at `position` (Unicode Table 3-7), or throws.
    private func utf8Sequence() throws(SyntaxError) -> Int {
        let lead = bytes[position]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: (length, low) = (3, 0xA0)
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: (length, high) = (3, 0x9F)
        case 0xF0: (length, low) = (4, 0x90)
        case 0xF1...0xF3: length = 4
        case 0xF4: (length, high) = (4, 0x8F)
        default: throw invalidUTF8()
        }
        guard position + length <= bytes.count else { throw invalidUTF8() }
        for index in 1..<length {
            let byte = bytes[position + index]
            let range = index == 1 ? low...high : 0x80...0xBF
            guard range.contains(byte) else { throw invalidUTF8() }
        }
        return length
    }

    private func invalidUTF8() -> SyntaxError {
        SyntaxError(
            message:
                "invalid UTF-8 (byte 0x\(Self.hex(UInt32(bytes[position]), digits: 2))) at byte offset \(position)",
            offset: position)
    }

    // MARK: Numbers

    /// Consumes a number as RFC 8259 writes it and returns where its bytes are.
    public mutating func number() throws(SyntaxError) -> Range<Int> {
        _ = peek()
        let start = position
        guard let end = Self.numberEnd(bytes, from: start) else { throw malformedNumber(from: start) }
        if end < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) {
            throw SyntaxError(
                message: "a number cannot have a leading zero at byte offset \(end - 1)", offset: end - 1)
        }
        position = end
        return start..<end
    }

    /// Why the number starting at `start` is not one: the first place its syntax breaks, and what was needed.
    private func malformedNumber(from start: Int) -> SyntaxError {
        var index = start
        func isDigit(_ at: Int) -> Bool {
            at < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[at])
        }
        func skipDigits() { while isDigit(index) { index += 1 } }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        var needed = "a digit"
        if isDigit(index) {
            skipDigits()
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                needed = "a digit after '.'"
                if isDigit(index) { skipDigits() }
            }
            if isDigit(index - 1), index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                    index += 1
                }
                needed = "a digit in the exponent"
            }
        }
        let found = index < bytes.count ? describe(index) : "the end of the text"
        return SyntaxError(
            message: "malformed number: expected \(needed), found \(found) at byte offset \(index)", offset: index)
    }

    /// The bytes in `range`, e.g. of a number just read.
    public func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[range])
    }

    /// Where a number in JSON syntax starting at `start` ends, or nil when there is none.
    public static func numberEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        func digits() -> Int {
            let first = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - first
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if digits() == 0 {
            return nil
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { return nil }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard digits() > 0 else { return nil }
        }
        return index
    }

    // MARK: Messages

    /// "expected X, found Y at byte offset N".
    public func unexpected(_ expected: String) -> SyntaxError {
        guard position < bytes.count else {
            return SyntaxError(
                message: "expected \(expected), but the text ends at byte offset \(position)", offset: position)
        }
        return SyntaxError(
            message: "expected \(expected), found \(describe(position)) at byte offset \(position)", offset: position)
    }

    /// The byte at `offset` as a message shows it: `'x'` for printable ASCII, else its value.
    private func describe(_ offset: Int, prefix: String = "") -> String {
        let byte = bytes[offset]
        if byte == UInt8(ascii: "'") { return "\"\(prefix)'\"" }
        return (0x21..<0x7F).contains(byte)
            ? "'\(prefix)\(Character(Unicode.Scalar(byte)))'" : "byte 0x\(Self.hex(UInt32(byte), digits: 2))"
    }

    static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
