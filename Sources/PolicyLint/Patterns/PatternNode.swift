/// One piece of a parsed pattern, with where it is in the pattern text.
///
/// The tree covers the PCRE2 syntax policy patterns use. Constructs the lint does not reason about (recursion,
/// conditionals, callouts, verbs) become ``Kind/opaque``: "could match anything", which keeps every analysis
/// conservative.
struct PatternNode: Sendable {
    indirect enum Kind: Sendable {
        /// Matches the empty string (an empty alternative, a comment).
        case empty
        /// Exactly one character from the set: a literal, a class, `.`, `\d`.
        case character(ScalarSet)
        /// The pieces one after another.
        case sequence([PatternNode])
        /// Any one of the branches, tried in order.
        case alternation([PatternNode])
        /// A group; atomic groups `(?>…)` never give back what they matched.
        case group(PatternNode, atomic: Bool)
        /// A repeated piece: `*`, `+`, `?`, `{n,m}`; `max` nil means unbounded. Possessive repeats never backtrack.
        case repetition(PatternNode, min: Int, max: Int?, possessive: Bool)
        /// A zero-width assertion.
        case assertion(Assertion)
        /// `(?=…)`, `(?!…)`, `(?<=…)`, `(?<!…)`.
        case lookaround(PatternNode, negative: Bool)
        /// `\1`, `\k<name>`, `(?P=name)`.
        case backreference
        /// Anything else.
        case opaque
    }

    /// The zero-width assertions the analyses care about.
    enum Assertion: Sendable, Equatable {
        /// `^` (outside multiline mode) or `\A`.
        case start
        /// `$` (UploadGate compiles with `PCRE2_DOLLAR_ENDONLY`) or `\z`: the very end of the name.
        case end
        /// `\Z`, or `$` in multiline mode: the end, or just before a newline.
        case endOrBeforeNewline
        /// `\b`, `\B`, `\G`, `\K`, `^` in multiline mode, callouts.
        case other
    }

    let kind: Kind
    /// Where the piece is, in Unicode scalars from the start of the pattern.
    let range: Range<Int>

    init(_ kind: Kind, _ range: Range<Int>) {
        self.kind = kind
        self.range = range
    }
}

/// A construct PCRE2 reads differently from .NET, found while parsing.
struct DotNetConstruct: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// `[a-z-[aeiou]]`: .NET subtracts the inner class; PCRE2 reads `-`, `[` and the letters as members
        /// and the final `]` as a literal.
        case classSubtraction
        /// `\Z`: the end or before a final newline, like .NET's `$`.
        case endBeforeFinalNewline
        /// `$` under `(?m)`: the end or before any newline.
        case multilineDollar
    }

    let kind: Kind
    /// Where it is, in Unicode scalars.
    let range: Range<Int>
}

/// A parsed pattern: the tree and what the parser noticed on the way.
struct ParsedPattern: Sendable {
    /// The pattern text, as scalars (offsets in nodes count these).
    let scalars: [Unicode.Scalar]
    let root: PatternNode
    let dotNetConstructs: [DotNetConstruct]

    /// Parses `source` as PCRE2 compiles it for UploadGate (UTF, UCP, `$` at the very end only).
    /// - Parameters:
    ///   - source: The pattern; it should already compile with PCRE2.
    ///   - caseInsensitive: The policy's `caseInsensitive` option.
    /// - Returns: nil for syntax the parser does not follow; callers then skip the analyses that need a tree.
    init?(_ source: String, caseInsensitive: Bool) {
        var parser = PatternParser(Array(source.unicodeScalars), caseInsensitive: caseInsensitive)
        guard let root = parser.parse() else { return nil }
        self.scalars = parser.scalars
        self.root = root
        self.dotNetConstructs = parser.dotNetConstructs
    }
}
