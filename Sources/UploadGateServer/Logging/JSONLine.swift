/// Builds one JSON object on one line as UTF-8 bytes, for the decision log: small, allocation-light, and
/// escaping every string through ``JSONText`` (quotes, backslashes, controls, bidirectional and invisible
/// characters), so a file name can never break a line, forge a field or read differently on a terminal.
struct JSONLine {
    private(set) var bytes: [UInt8]
    private var first = true

    init() {
        bytes = []
        bytes.reserveCapacity(512)  // a line with a name hash is about 350 bytes
        bytes.append(UInt8(ascii: "{"))
    }

    mutating func add(_ key: StaticString, _ value: String?) {
        separator(key)
        JSONText.quoted(value, into: &bytes)
    }

    /// Adds a string that `write` appends as is: it must write only text JSON needs no escape for (a timestamp).
    mutating func add(_ key: StaticString, unescaped write: (inout [UInt8]) -> Void) {
        separator(key)
        bytes.append(UInt8(ascii: "\""))
        write(&bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func add(_ key: StaticString, _ value: Bool) {
        separator(key)
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func add(_ key: StaticString, _ value: Int64?) {
        separator(key)
        bytes.append(contentsOf: (value.map { String($0) } ?? "null").utf8)
    }

    /// The finished line, with its newline.
    mutating func finish() -> [UInt8] {
        bytes.append(UInt8(ascii: "}"))
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    private mutating func separator(_ key: StaticString) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
        bytes.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }
}
