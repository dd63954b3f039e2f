/// Read-only views of what the engine knows about a compiled policy, for tools that reason about policies
/// (`uploadgate lint`) rather than evaluate them. Nothing here is used on the decision path.
extension Policy.AcceptEntry {
    /// The lowercased final extensions (the text after the last dot) every name this entry matches must end
    /// with, or nil when the pattern does not pin them down.
    ///
    /// The same conservative analysis the engine's extension index uses: `\.pdf$` gives `["pdf"]`,
    /// `\.(docx?|odt)$` gives `["doc", "docx", "odt"]`, and anything the analysis does not understand gives nil
    /// ("could match any name"). A non-nil answer is a necessary condition for a match, never a sufficient one.
    public var requiredExtensions: Set<String>? {
        LiteralSuffixAnalysis.requiredExtensions(of: name.source)
    }
}

extension FileCandidate {
    /// The name as the engine checks and matches it: in Normalization Form C (see `explain`).
    public var normalizedName: String { NameNormalization.nfc(name) }
}
