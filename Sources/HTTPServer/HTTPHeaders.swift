/// An ordered list of HTTP header fields with case-insensitive name lookup.
///
/// Fields keep the order and spelling in which they were received or added, and a name may occur more than
/// once. Lookups compare names ASCII-case-insensitively (RFC 9110 §5.1) without allocating; with the handful of
/// fields a request carries, a linear scan beats hashing.
///
/// Values are text: bytes that are not valid UTF-8 (obsolete Latin-1 header text) arrive as U+FFFD.
public struct HTTPHeaders: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral, CustomStringConvertible {
    /// One header field: a name and its value.
    public struct Field: Sendable, Hashable {
        /// The field name as received or added, for example `"Content-Type"`.
        public var name: String
        /// The field value, with surrounding whitespace already removed.
        public var value: String

        /// Creates a field.
        ///
        /// - Parameters:
        ///   - name: the field name; the server refuses to send names that are not RFC 9110 tokens.
        ///   - value: the field value; the server refuses to send values containing CR, LF or NUL.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The fields in order.
    public private(set) var fields: [Field]

    /// Creates an empty header list.
    public init() {
        fields = []
    }

    /// Creates a header list from name–value pairs, keeping their order.
    ///
    /// - Parameter pairs: the fields; names may repeat.
    public init(_ pairs: [(String, String)]) {
        fields = pairs.map { Field(name: $0.0, value: $0.1) }
    }

    /// Creates a header list from a literal such as `["Content-Type": "application/json"]`.
    ///
    /// - Parameter elements: the fields in order.
    public init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { Field(name: $0.0, value: $0.1) }
    }

    /// Creates an empty header list with room for `capacity` fields, so adding that many never reallocates.
    ///
    /// - Parameter capacity: the number of fields expected.
    public init(reservingCapacity capacity: Int) {
        fields = []
        fields.reserveCapacity(capacity)
    }

    /// The number of fields, counting repeated names separately.
    public var count: Int { fields.count }

    /// Whether there are no fields.
    public var isEmpty: Bool { fields.isEmpty }

    /// The value of the first field with this name, compared case-insensitively; `nil` if there is none.
    ///
    /// - Parameter name: the field name in any case, for example `"content-type"`.
    /// - Returns: the first matching value.
    public subscript(name: String) -> String? {
        for field in fields where Self.namesEqual(field.name, name) {
            return field.value
        }
        return nil
    }

    /// All values of the fields with this name, in order.
    ///
    /// - Parameter name: the field name in any case.
    /// - Returns: the values; empty if there is no such field.
    public func values(for name: String) -> [String] {
        fields.filter { Self.namesEqual($0.name, name) }.map(\.value)
    }

    /// Whether a field with this name is present.
    ///
    /// - Parameter name: the field name in any case.
    /// - Returns: `true` if at least one field has this name.
    public func contains(_ name: String) -> Bool {
        fields.contains { Self.namesEqual($0.name, name) }
    }

    /// Appends a field, keeping any others with the same name.
    ///
    /// - Parameters:
    ///   - name: the field name.
    ///   - value: the field value.
    public mutating func add(name: String, value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// Replaces every field with this name by one field with this value, or appends it if there was none.
    ///
    /// - Parameters:
    ///   - name: the field name in any case; the spelling given here is kept.
    ///   - value: the new value.
    public mutating func set(name: String, value: String) {
        remove(name: name)
        fields.append(Field(name: name, value: value))
    }

    /// Removes every field with this name.
    ///
    /// - Parameter name: the field name in any case.
    public mutating func remove(name: String) {
        fields.removeAll { Self.namesEqual($0.name, name) }
    }

    /// The same fields with white space after each value removed. libmicrohttpd 0.9.75 drops the spaces and tabs
    /// before a value but keeps those after it, which RFC 9110 §5.5 says are not part of the value.
    var trimmingTrailingWhitespace: HTTPHeaders {
        var trimmed = self
        for index in trimmed.fields.indices {
            let utf8 = trimmed.fields[index].value.utf8
            guard let last = utf8.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") else {
                continue
            }
            let end = utf8.lastIndex { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
            trimmed.fields[index].value = end.map { String(decoding: utf8[...$0], as: UTF8.self) } ?? ""
        }
        return trimmed
    }

    /// Iterates over the fields in order.
    ///
    /// - Returns: an iterator over the fields.
    public func makeIterator() -> IndexingIterator<[Field]> {
        fields.makeIterator()
    }

    /// The fields as `Name: value` lines.
    public var description: String {
        fields.map { "\($0.name): \($0.value)" }.joined(separator: "\n")
    }

    /// Compares two field names ASCII-case-insensitively, without allocating: only the letters A–Z and a–z
    /// match across case, every other byte only itself. Serves values with case-insensitive tokens too
    /// (`Application/JSON`).
    public static func namesEqual(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else {
            return false
        }
        var a = a
        var b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                for index in 0..<x.count {
                    let p = x[index]
                    let q = y[index]
                    // Bytes that differ only in bit 0x20 are the two cases of one letter, if they are letters.
                    if p != q && (p ^ q != 0x20 || !(UInt8(ascii: "a")...UInt8(ascii: "z")).contains(p | 0x20)) {
                        return false
                    }
                }
                return true
            }
        }
    }

    /// Whether `name` is an RFC 9110 token: one or more of ALPHA, DIGIT and `` !#$%&'*+-.^_`|~ ``.
    static func isToken(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy(isTokenByte)
    }

    /// One bit per ASCII byte that may appear in a token (RFC 9110 §5.6.2 `tchar`: `` !#$%&'*+-.^_`|~ ``, digits and
    /// letters): bytes 0–63 in `tokenBitsLow`, 64–127 in `tokenBitsHigh`. Literals rather than a table computed
    /// on first use, so the check per byte is a shift and a mask, with no lazy-initialisation guard (`swift_once`)
    /// on every call; `ValueTypeTests` checks them against the `tchar` list for all 256 byte values.
    private static let tokenBitsLow: UInt64 = 0x03FF_6CFA_0000_0000
    private static let tokenBitsHigh: UInt64 = 0x57FF_FFFF_C7FF_FFFE

    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0..<64: tokenBitsLow & (1 << UInt64(byte)) != 0
        case 64..<128: tokenBitsHigh & (1 << UInt64(byte - 64)) != 0
        default: false
        }
    }
}
