/// `pattern.unanchored`: an accept pattern that also matches a name continuing after what it matched, so
/// `\.pdf` accepts `x.pdf.exe`.
///
/// The check builds a name the pattern matches (its witness), appends other extensions, and asks the compiled
/// pattern: if it still matches with every one of them, the pattern does not pin the end of the name. That
/// also catches `\.pdf.*$`, which has an anchor that anchors nothing. When no witness can be built, the check
/// falls back to the pattern's shape (every alternative must end in `$`, `\z` or `\Z`).
enum AnchorCheck {
    static let foreignExtensions = [".exe", ".html", ".zip"]

    static func finding(for site: PatternSite, in context: LintContext) -> LintFinding? {
        guard site.role == .accept, let tree = site.tree else { return nil }
        let end = tree.scalars.count
        let hint =
            site.source.hasSuffix("$")
            ? "let nothing match after the extension: end the pattern right after it with $ (as in \\.pdf$)"
            : "end the pattern with $ (for example \(suggestion(for: site.source)))"
        if let example = counterexample(for: site, tree: tree) {
            let message = "the pattern does not pin the end of the name: it also accepts '\(example)'"
            return context.finding(.unanchoredPattern, at: site.path, message, hint: hint, highlight: end..<end)
        }
        guard tree.root.witness == nil, !tree.root.isEndAnchored else { return nil }
        let message = "the pattern has no end anchor, so it also accepts names that continue after what it matches"
        return context.finding(.unanchoredPattern, at: site.path, message, hint: hint, highlight: end..<end)
    }

    /// A name the pattern accepts although it ends in an extension the pattern never mentions; nil when the
    /// pattern refuses every such name or no starting name could be built.
    private static func counterexample(for site: PatternSite, tree: ParsedPattern) -> String? {
        guard let witness = tree.root.witness, site.compiled.matches(witness) == .match else { return nil }
        let base = site.compiled.matches("x" + witness) == .match ? "x" + witness : witness
        let names = foreignExtensions.map { base + $0 }
        guard names.allSatisfy({ site.compiled.matches($0) == .match }) else { return nil }
        return names[0]
    }

    /// The pattern with `$` added, shown in the hint when it is short.
    private static func suggestion(for source: String) -> String {
        source.unicodeScalars.count <= 40 ? source + "$" : "\\.pdf$"
    }
}
