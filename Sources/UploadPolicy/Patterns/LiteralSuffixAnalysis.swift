/// Works out, from a pattern's text, which final extensions a name it matches must have.
///
/// `\.pdf$` can only match names whose last extension is `pdf`; `\.(docx?|odt)$` only `doc`, `docx` or `odt`;
/// `(\.tar)?\.gz$` only `gz`. The engine uses this as a prefilter (``AcceptIndex``) so a policy with a thousand
/// accept entries tries only the few that could match. The analysis is conservative: it reads a small, common
/// subset of PCRE2 syntax and answers nil ("could match anything") for everything else, so the index never
/// hides a match.
enum LiteralSuffixAnalysis {
    /// The lowercased final extensions (the text after the last dot) a matching name must end with, or nil when
    /// the pattern does not pin them down.
    static func requiredExtensions(of pattern: String) -> Set<String>? {
        var parser = Parser(Array(pattern.unicodeScalars))
        guard let alternatives = parser.parseAlternatives(), parser.atEnd else { return nil }
        var keys = Set<String>()
        for sequence in alternatives {
            guard let tails = anchoredTails(of: sequence) else { return nil }
            for tail in tails {
                guard tail.allSatisfy(\.isASCII), let dot = tail.lastIndex(of: ".") else { return nil }
                keys.insert(String(tail[tail.index(after: dot)...]).lowercased())
            }
        }
        return keys
    }

    /// The literal strings a match of `sequence` must end with, when it ends in an end anchor preceded by
    /// literal parts.
    private static func anchoredTails(of sequence: [Node]) -> Set<String>? {
        guard case .end = sequence.last else { return nil }
        var tails: Set<String> = [""]
        for node in sequence.dropLast().reversed() {
            guard case .literals(let choices) = node else { break }
            var extended = Set<String>()
            for choice in choices {
                for tail in tails { extended.insert(choice + tail) }
            }
            guard extended.count <= maxChoices else { return nil }
            tails = extended
        }
        return tails
    }

    static let maxChoices = 256

    /// What the analysis knows about one piece of a pattern.
    enum Node: Equatable {
        /// It matches exactly one of these strings.
        case literals(Set<String>)
        /// The end of the subject (`$` under DOLLAR_ENDONLY, or `\z`).
        case end
        /// Anything else: classes, `.`, repeats, anchors, lookarounds.
        case opaque
    }
}
