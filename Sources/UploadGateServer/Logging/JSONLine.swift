/// Builds one JSON object on one line, for the decision log: small, allocation-light, and escaping every
/// string through ``JSONText`` (quotes, backslashes, controls, bidirectional and invisible characters), so a
/// file name can never break a line, forge a field or read differently on a terminal.
struct JSONLine {
    private(set) var text: String
    private var first = true

    init() {
        text = "{"
        text.reserveCapacity(320)
    }

    mutating func add(_ key: String, _ value: String?) {
        separator(key)
        JSONText.quoted(value, into: &text)
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
        text += first ? "\"" : ",\""
        first = false
        text += key
        text += "\":"
    }
}
