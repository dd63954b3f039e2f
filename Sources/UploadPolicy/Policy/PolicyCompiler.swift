/// Turns one parsed policy file into a ``Policy``: checks every key and value, compiles every pattern, and
/// records each problem in its ``JSONReader``.
struct PolicyCompiler {
    var reader: JSONReader
    let mimeDatabase: MIMEDatabase

    static let topLevelKeys = [
        "$schema", "id", "title", "description", "accept", "reject", "limits", "options", "reasons", "examples",
    ]

    mutating func compile(_ json: JSONValue, contentHash: String) -> Policy? {
        guard let top = reader.object(json, at: "", allowed: Self.topLevelKeys) else { return nil }

        let id = reader.required(top, "id", at: "").flatMap { readID($0) }
        let title = top["title"].flatMap { reader.localizedText($0, at: "title") }
        let summary = top["description"].flatMap { reader.string($0, at: "description") }
        let options = top["options"].map { readOptions($0) } ?? .default
        let limits = top["limits"].map { readLimits($0) } ?? .default
        let patternOptions = PatternOptions(caseInsensitive: options.caseInsensitive, limits: options.patternLimits)

        var acceptEntries: [Policy.AcceptEntry] = []
        if let value = reader.required(top, "accept", at: ""),
            let items = reader.array(value, at: "accept", nonEmpty: true)
        {
            for (index, item) in items.enumerated() {
                if let entry = readAcceptEntry(item, at: JSONReader.index("accept", index), options: patternOptions) {
                    acceptEntries.append(entry)
                }
            }
        }
        var rejectRules: [Policy.RejectRule] = []
        if let value = top["reject"], let items = reader.array(value, at: "reject") {
            for (index, item) in items.enumerated() {
                if let rule = readRejectRule(item, at: JSONReader.index("reject", index), options: patternOptions) {
                    rejectRules.append(rule)
                }
            }
        }
        let reasons = top["reasons"].map { readReasons($0) } ?? [:]
        let examples = top["examples"].map { readExamples($0) } ?? []

        guard let id, reader.errors.isEmpty else { return nil }
        let index = AcceptIndex(
            requiredExtensions: acceptEntries.map {
                LiteralSuffixAnalysis.requiredExtensions(of: $0.name.source)
            })
        return Policy(
            id: id, title: title, summary: summary, acceptEntries: acceptEntries, rejectRules: rejectRules,
            limits: limits, options: options, reasons: reasons, examples: examples, source: reader.file,
            contentHash: contentHash, mimeDatabase: mimeDatabase, inspector: NameInspector(enabled: options.checks),
            acceptIndex: index,
            reasonContext: ReasonContext(overrides: reasons, labels: acceptEntries.map(\.label)))
    }

    // MARK: Identity

    /// Ids appear in URLs (`/validate/{id}`) and metrics: lowercase letters, digits, `.`, `_`, `-`.
    private mutating func readID(_ value: JSONValue) -> String? {
        guard let id = reader.string(value, at: "id") else { return nil }
        let allowed = id.utf8.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2E || byte == 0x5F
                || byte == 0x2D
        }
        guard allowed, (1...64).contains(id.utf8.count), id.first != ".", id.first != "-" else {
            reader.fail(
                .invalidValue, "id",
                "'\(id)' is not a valid id: use 1–64 lowercase letters, digits, '.', '_' or '-', not starting with '.' or '-'"
            )
            return nil
        }
        return id
    }

    // MARK: Rules

    private mutating func readAcceptEntry(_ value: JSONValue, at path: String, options: PatternOptions)
        -> Policy.AcceptEntry?
    {
        guard let members = reader.object(value, at: path, allowed: ["label", "name", "types"]) else { return nil }
        let label = reader.required(members, "label", at: path).flatMap {
            reader.localizedText($0, at: JSONReader.join(path, "label"))
        }
        let pattern = reader.required(members, "name", at: path).flatMap {
            compilePattern($0, at: JSONReader.join(path, "name"), options: options)
        }
        var types: [String] = []
        var rules: [TypeRule] = []
        if let value = members["types"],
            let items = reader.array(value, at: JSONReader.join(path, "types"), nonEmpty: true)
        {
            for (index, item) in items.enumerated() {
                let itemPath = JSONReader.index(JSONReader.join(path, "types"), index)
                guard let text = reader.string(item, at: itemPath) else { continue }
                guard let rule = TypeRule(text, database: mimeDatabase) else {
                    reader.fail(
                        .invalidType, itemPath,
                        "'\(text)' is not a MIME type; write type/subtype (e.g. application/pdf), type/* or */*, without parameters"
                    )
                    continue
                }
                types.append(text)
                rules.append(rule)
            }
        }
        guard let label, let pattern else { return nil }
        return Policy.AcceptEntry(path: path, label: label, name: pattern, types: types, typeRules: rules)
    }

    private mutating func readRejectRule(_ value: JSONValue, at path: String, options: PatternOptions)
        -> Policy.RejectRule?
    {
        guard let members = reader.object(value, at: path, allowed: ["name", "reason"]) else { return nil }
        let pattern = reader.required(members, "name", at: path).flatMap {
            compilePattern($0, at: JSONReader.join(path, "name"), options: options)
        }
        let reason = members["reason"].flatMap { readReasonText($0, at: JSONReader.join(path, "reason")) }
        guard let pattern else { return nil }
        return Policy.RejectRule(path: path, name: pattern, reason: reason)
    }

    private mutating func compilePattern(_ value: JSONValue, at path: String, options: PatternOptions)
        -> CompiledPattern?
    {
        guard let source = reader.string(value, at: path, nonEmpty: true) else { return nil }
        do {
            return try CompiledPattern(source, options: options)
        } catch let error as PatternCompileError {
            reader.fail(.invalidPattern, path, error.message, offset: error.offset)
        } catch {
            reader.fail(.invalidPattern, path, "\(error)")
        }
        return nil
    }

    // MARK: Reasons

    private mutating func readReasons(_ value: JSONValue) -> [DecisionCode: LocalizedText] {
        let codes = ReasonCatalog.codes.map(\.rawValue)
        guard let members = reader.object(value, at: "reasons", allowed: codes) else { return [:] }
        var reasons: [DecisionCode: LocalizedText] = [:]
        for (key, text) in members where codes.contains(key) {
            if let text = readReasonText(text, at: JSONReader.join("reasons", key)) {
                reasons[DecisionCode(rawValue: key)] = text
            }
        }
        return reasons
    }

    /// A localised reason whose placeholders all exist.
    private mutating func readReasonText(_ value: JSONValue, at path: String) -> LocalizedText? {
        guard let text = reader.localizedText(value, at: path) else { return nil }
        for (language, template) in text.texts.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            for name in ReasonPlaceholder.names(in: template) where ReasonPlaceholder(rawValue: name) == nil {
                let known = ReasonPlaceholder.allCases.map { "{\($0.rawValue)}" }.joined(separator: ", ")
                reader.fail(
                    .unknownPlaceholder, "\(path).\(language.rawValue)",
                    "unknown placeholder '{\(name)}'; known placeholders: \(known)")
            }
        }
        return text
    }
}
