import Testing

/// `/metrics` parsed from the Prometheus text format (0.0.4), checking its shape on the way: every sample
/// belongs to a family announced by `# TYPE`, names and labels are well formed, values are numbers.
struct PrometheusSamples {
    /// Sample values by `name{label="value",…}` with labels sorted by name.
    private(set) var values: [String: Double] = [:]
    /// Family types by name (`counter`, `gauge`, `histogram`).
    private(set) var types: [String: String] = [:]

    struct FormatError: Error, CustomStringConvertible {
        let description: String
    }

    init(parsing text: String) throws {
        for line in text.split(separator: "\n") {
            if line.hasPrefix("# TYPE ") {
                let parts = line.split(separator: " ")
                guard parts.count == 4 else { throw FormatError(description: "bad TYPE line: \(line)") }
                types[String(parts[2])] = String(parts[3])
                continue
            }
            if line.hasPrefix("#") { continue }
            guard let space = line.lastIndex(of: " "),
                let value = Double(line[line.index(after: space)...]) ?? (line.hasSuffix("+Inf") ? .infinity : nil)
            else { throw FormatError(description: "bad sample line: \(line)") }
            let series = String(line[..<space])
            let name = String(series.prefix { $0 != "{" })
            guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ":") }) else {
                throw FormatError(description: "bad metric name: \(name)")
            }
            let family =
                ["_bucket", "_sum", "_count"].first {
                    name.hasSuffix($0) && types[String(name.dropLast($0.count))] == "histogram"
                }
                .map { String(name.dropLast($0.count)) } ?? name
            guard types[family] != nil else { throw FormatError(description: "sample before its TYPE: \(line)") }
            values[series] = value
        }
    }

    /// The key for a name and labels, as the exposition writes it (labels sorted by name).
    static func key(_ name: String, _ labels: [String: String]) -> String {
        guard !labels.isEmpty else { return name }
        let rendered = labels.sorted { $0.key < $1.key }.map { "\($0.key)=\"\($0.value)\"" }.joined(separator: ",")
        return "\(name){\(rendered)}"
    }

    /// A sample's value; 0 when the series does not exist yet (as a counter that never moved).
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double {
        values[Self.key(name, labels)] ?? 0
    }

    /// Whether the series exists.
    func has(_ name: String, _ labels: [String: String] = [:]) -> Bool {
        values[Self.key(name, labels)] != nil
    }

    /// The sum over every series of `name` whose labels include `labels`.
    func sum(_ name: String, where labels: [String: String]) -> Double {
        values.filter { key, _ in
            key.hasPrefix(name + "{") && labels.allSatisfy { key.contains("\($0.key)=\"\($0.value)\"") }
        }.values.reduce(0, +)
    }
}
