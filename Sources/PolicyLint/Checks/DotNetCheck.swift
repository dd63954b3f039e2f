/// `pattern.dotnet_class_subtraction` and `pattern.dotnet_dollar`: constructs imported from .NET that PCRE2
/// reads differently (field notes §3).
///
/// Plain `$` is not reported: UploadGate compiles patterns with `PCRE2_DOLLAR_ENDONLY`, so its `$` matches only
/// at the very end, stricter than .NET's, which also matches before a final newline. `\Z` and `$` under `(?m)`
/// keep the newline exception here too; they are warnings when the policy switches the control-character check
/// off (a name could then end in a newline), notes otherwise.
enum DotNetCheck {
    static func findings(for site: PatternSite, in context: LintContext) -> [LintFinding] {
        guard let tree = site.tree else { return [] }
        return tree.dotNetConstructs.map { construct in
            let text = BacktrackingCheck.shortened(String(String.UnicodeScalarView(tree.scalars[construct.range])))
            switch construct.kind {
            case .classSubtraction:
                let message =
                    "'\(text)' is a .NET class subtraction; PCRE2 has none and reads '-' and '[' as "
                    + "members of the class and the last ']' as a literal character, so the pattern means something "
                    + "else"
                return context.finding(.dotNetClassSubtraction, at: site.path, message, highlight: construct.range)
            case .endBeforeFinalNewline, .multilineDollar:
                let what =
                    construct.kind == .multilineDollar
                    ? "'$' in multiline mode (?m) matches before any newline"
                    : "'\\Z' also matches before a final newline"
                let consequence =
                    context.checksControlCharacters
                    ? "harmless while the controlCharacters check refuses names with newlines"
                    : "with the controlCharacters check off, a name such as 'x.pdf\\n' passes"
                let message = "\(what), as .NET's '$' does; \(consequence)"
                return context.finding(
                    .dotNetDollar, severity: context.checksControlCharacters ? .info : .warning, at: site.path,
                    message, highlight: construct.range)
            }
        }
    }
}
