/// The values a reason template can mention, written `{name}` in the template.
public enum ReasonPlaceholder: String, CaseIterable, Hashable, Sendable {
    /// The file name (display-safe: controls and invisible characters removed, long names shortened).
    case name
    /// The name's final extension, without the dot.
    case `extension`
    /// The type the browser reported, or the one inferred from the extension.
    case type
    /// The label of the accept entry the name picked.
    case label
    /// The types that entry accepts.
    case expectedTypes
    /// The labels of every accept entry: what the policy would accept ("PDF document, Word document or image").
    case accepted
    /// The reported size, human-readable.
    case size
    /// The policy's minimum size, human-readable.
    case minSize
    /// The policy's maximum size, human-readable.
    case maxSize
    /// The name's length in UTF-8 bytes.
    case nameBytes
    /// The policy's byte limit for names.
    case maxNameBytes
    /// The name's length in characters.
    case nameCharacters
    /// The policy's character limit for names.
    case maxNameCharacters
    /// The offending character, as `U+202E`.
    case character
    /// The Windows device name found.
    case device

    /// The placeholder names in a template, in order of appearance; unknown ones included.
    static func names(in template: String) -> [String] {
        var names: [String] = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

/// Shared, immutable reason material of one policy: its overrides and the "accepted" list per language.
final class ReasonContext: Sendable {
    let overrides: [DecisionCode: LocalizedText]
    let acceptedLabels: [Language: String]

    init(overrides: [DecisionCode: LocalizedText], labels: [LocalizedText]) {
        self.overrides = overrides
        var accepted: [Language: String] = [:]
        for language in Language.allCases {
            accepted[language] = ReasonFormatting.list(labels.map { $0.text(in: language) }, in: language)
        }
        self.acceptedLabels = accepted
    }
}

/// What a rejection needs to become text, in any language, later and only if asked.
struct ReasonMessage: Sendable {
    let context: ReasonContext
    /// A rule's own reason (reject rules), taking precedence over policy and built-in texts.
    let ruleReason: LocalizedText?
    /// The values for the template's placeholders: a few pairs searched in order, cheaper to build for every
    /// rejection than a dictionary, of which most are never rendered.
    let arguments: KeyValuePairs<ReasonPlaceholder, ReasonArgument>

    func render(code: DecisionCode, in language: Language) -> String {
        let template =
            ruleReason?.text(in: language) ?? context.overrides[code]?.text(in: language)
            ?? ReasonCatalog.template(for: code, in: language)
        // Braces are ASCII, so the template is cut at byte offsets: no walk over its characters.
        let utf8 = template.utf8
        var output = ""
        output.reserveCapacity(utf8.count + 32)
        var literalStart = utf8.startIndex
        var searchFrom = literalStart
        while let open = utf8[searchFrom...].firstIndex(of: UInt8(ascii: "{")),
            let close = utf8[open...].firstIndex(of: UInt8(ascii: "}"))
        {
            let afterClose = utf8.index(after: close)
            if let placeholder = ReasonPlaceholder(rawValue: String(template[utf8.index(after: open)..<close])) {
                output += template[literalStart..<open]
                output += value(of: placeholder, in: language)
                literalStart = afterClose
            }
            searchFrom = afterClose
        }
        return output + template[literalStart...]
    }

    private func value(of placeholder: ReasonPlaceholder, in language: Language) -> String {
        if placeholder == .accepted { return context.acceptedLabels[language] ?? "" }
        switch arguments.first(where: { $0.key == placeholder })?.value {
        case .text(let text): return ReasonFormatting.displaySafe(text)
        case .localized(let text): return text.text(in: language)
        case .list(let items): return ReasonFormatting.list(items, in: language)
        case .bytes(let count): return ReasonFormatting.size(count, in: language)
        case .count(let count): return String(count)
        case nil: return ""
        }
    }
}

/// A value for a placeholder, formatted per language when rendered.
enum ReasonArgument: Sendable {
    case text(String)
    case localized(LocalizedText)
    case list([String])
    case bytes(Int64)
    case count(Int)
}
