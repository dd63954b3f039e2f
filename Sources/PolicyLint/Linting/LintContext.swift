import UploadPolicy

/// What the checks of one file share: the file's name, its JSON text map, the settings that change how
/// patterns behave, and the way findings get their location and excerpt.
struct LintContext {
    let file: String
    let sourceMap: JSONSourceMap?
    let mimeDatabase: MIMEDatabase
    /// The policy's `caseInsensitive` option (true unless the file says false).
    let caseInsensitive: Bool
    /// Whether the built-in control-character check runs (it refuses names with newlines before any pattern).
    let checksControlCharacters: Bool
    /// The longest name the policy lets reach its patterns, in UTF-8 bytes (1,024 when it sets no limit).
    let maximumNameBytes: Int
    /// The match limits patterns are compiled with.
    let patternLimits: PatternLimits

    /// The settings read from the loaded policy.
    init(file: String, sourceMap: JSONSourceMap?, policy: Policy) {
        self.file = file
        self.sourceMap = sourceMap
        self.mimeDatabase = policy.mimeDatabase
        caseInsensitive = policy.options.caseInsensitive
        checksControlCharacters = policy.options.checks.contains(.controlCharacters)
        maximumNameBytes = min(policy.limits.maxNameBytes ?? Self.unlimitedNameBytes, Self.unlimitedNameBytes)
        patternLimits = policy.options.patternLimits
    }

    /// The settings read from the JSON text of a file that did not load, with the engine's defaults where the
    /// text does not say (or says something invalid).
    init(file: String, sourceMap: JSONSourceMap?, mimeDatabase: MIMEDatabase) {
        self.file = file
        self.sourceMap = sourceMap
        self.mimeDatabase = mimeDatabase
        caseInsensitive = sourceMap?.bool(at: "options.caseInsensitive") ?? Policy.Options.default.caseInsensitive
        checksControlCharacters = sourceMap?.bool(at: "options.checks.controlCharacters") ?? true
        let limit = sourceMap?.integer(at: "limits.maxNameBytes") ?? Policy.Limits.default.maxNameBytes
        maximumNameBytes = min(max(limit ?? Self.unlimitedNameBytes, 1), Self.unlimitedNameBytes)
        patternLimits = .default
    }

    static let unlimitedNameBytes = 1_024

    /// A finding located at `path`; with `highlight`, at those scalars of the string there (a pattern), which
    /// also become the excerpt.
    func finding(
        _ id: FindingID, severity: LintFinding.Severity? = nil, at path: String, _ message: String,
        hint: String? = nil, highlight: Range<Int>? = nil, atKey: Bool = false
    ) -> LintFinding {
        var finding = LintFinding(id: id, severity: severity, file: file, path: path, message: message, hint: hint)
        guard let sourceMap else { return finding }
        let resolution = sourceMap.resolve(path)
        if atKey, let member = resolution.member, resolution.isExact {
            finding.location = TextLocation(line: member.keyStart.line, column: member.keyStart.column)
        } else if let highlight, resolution.isExact, case .string(let text) = resolution.node.value {
            let start = text.position(ofScalar: highlight.lowerBound)
            let end = text.position(ofScalar: max(highlight.upperBound, highlight.lowerBound + 1))
            finding.location = TextLocation(
                line: start.line, column: start.column, endLine: end.line, endColumn: end.column)
            finding.excerpt = Excerpt(text: text.text, highlight: highlight)
        } else {
            let node = resolution.node
            finding.location = TextLocation(
                line: node.start.line, column: node.start.column, endLine: node.end.line, endColumn: node.end.column)
        }
        return finding
    }
}

extension JSONSourceMap {
    /// The string at `path`, if the path leads to one.
    func string(at path: String) -> String? {
        let resolution = resolve(path)
        guard resolution.isExact, case .string(let text) = resolution.node.value else { return nil }
        return text.text
    }

    /// The number of array items at `path` (0 when it is not an array).
    func count(at path: String) -> Int {
        let resolution = resolve(path)
        guard resolution.isExact, case .array(let items) = resolution.node.value else { return 0 }
        return items.count
    }

    /// A `true`/`false` literal at `path`.
    func bool(at path: String) -> Bool? {
        literal(at: path).flatMap { $0 == "true" ? true : $0 == "false" ? false : nil }
    }

    /// A whole number at `path`; `.some(nil)` for `null`.
    func integer(at path: String) -> Int?? {
        guard let text = literal(at: path) else { return nil }
        if text == "null" { return .some(nil) }
        return Int(text).map { .some($0) }
    }

    /// The text of a non-string scalar value (`true`, `12`, `null`), read back from its extent.
    private func literal(at path: String) -> String? {
        let resolution = resolve(path)
        guard resolution.isExact, case .literal(let text) = resolution.node.value else { return nil }
        return text
    }
}
