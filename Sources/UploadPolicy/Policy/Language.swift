/// A language UploadGate writes reasons in.
public enum Language: String, CaseIterable, Hashable, Sendable, Codable {
    /// English, the fallback.
    case english = "en"
    /// Brazilian Portuguese.
    case brazilianPortuguese = "pt-BR"

    /// The language for a BCP 47 tag, matching the primary subtag: `pt`, `pt-BR` and `pt-PT` give Portuguese,
    /// `en-GB` gives English; anything else nil.
    public init?(tag: String) {
        let primary = tag.split(separator: "-", maxSplits: 1).first.map { $0.lowercased() } ?? ""
        switch primary {
        case "en": self = .english
        case "pt": self = .brazilianPortuguese
        default: return nil
        }
    }
}

/// Text given in one or more languages; a policy may write a plain string (every language) or an object keyed
/// by language tag (`{"en": "…", "pt-BR": "…"}`).
public struct LocalizedText: Hashable, Sendable {
    /// The texts by language; never empty.
    public let texts: [Language: String]

    /// The same text in every language.
    public init(_ text: String) { texts = Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, text) }) }

    /// Texts by language.
    /// - Precondition: `texts` is not empty.
    public init(_ texts: [Language: String]) {
        precondition(!texts.isEmpty, "LocalizedText needs at least one language")
        self.texts = texts
    }

    /// The text in `language`, else English, else any.
    public func text(in language: Language) -> String {
        texts[language] ?? texts[.english] ?? texts.values.sorted().first!
    }
}
