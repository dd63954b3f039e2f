/// Builds one JSON object on one line, for the decision log: small, allocation-light, and escaping every
/// string as RFC 8259 requires (quotes, backslashes and all control characters), so a file name can never
/// break a line or forge a field.
struct JSONLine {
    private(set) var text = "{"
    private var first = true

    mutating func add(_ key: String, _ value: String?) {
        separator(key)
        guard let value else {
            text += "null"
            return
        }
        text += "\""
        Self.escape(value, into: &text)
        text += "\""
    }

    mutating func add(_ key: String, _ value: Bool) {
        separator(key)
        text += value ? "true" : "false"
    }

    mutating func add(_ key: String, _ value: Int64?) {
        separator(key)
        text += value.map { String($0) } ?? "null"
    }

    /// The finished line, with its newline.
    mutating func finish() -> String {
        text += "}\n"
        return text
    }

    private mutating func separator(_ key: String) {
        if !first { text += "," }
        first = false
        text += "\"\(key)\":"
    }

    static func escape(_ value: String, into output: inout String) {
        guard value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") })
        else {
            output += value
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                output.unicodeScalars.append(scalar)
            }
        }
    }
}
