/// Rewrites a pattern so that one PCRE2 match attempt performs the whole search.
///
/// PCRE2's match limit counts backtracking steps per match attempt, and an unanchored search makes one attempt
/// per start position, each with a fresh count: a pattern that spends just under the limit at every position
/// of a long name runs hundreds of times longer than the limit suggests (`(a|a){0,14}bc` on 250 `a`s: 30 ms
/// with JIT, 0.7 s without). `\A(?s:.*?)(?:P)` finds the same matches as a search for `P`, but as a single
/// attempt anchored at the start, whose lazy prefix walks the start positions, so one limit bounds it all.
///
/// Only patterns whose meaning does not depend on where an attempt starts are rewritten; for the others
/// ``source(searching:)`` returns nil: `\G` (the attempt's start), recursion into the whole pattern (`(?R)`,
/// `(?0)`, `\g<0>`), and backtracking verbs (`(*SKIP)`, `(*PRUNE)`, `(*COMMIT)`… act on start positions).
/// Start-of-pattern options such as `(*LIMIT_MATCH=…)` or `(*UCP)` must stay first and are moved in front.
enum WholeSearch {
    /// The rewritten pattern, or nil when `pattern` cannot be rewritten without changing what it matches.
    static func source(searching pattern: String) -> String? {
        var rest = Substring(pattern)
        var leading = ""
        while let option = leadingOption(of: rest) {
            leading += option
            rest = rest.dropFirst(option.count)
        }
        let startDependent = ["\\G", "(*", "(?R", "(?0", "(?+0", "(?-0", "\\g<", "\\g'", "\\g0", "\\g{0", "\\g+0"]
        guard !startDependent.contains(where: { rest.contains($0) }) else { return nil }
        return leading + "\\A(?s:.*?)(?:" + rest + ")"
    }

    /// Start-of-pattern options (pcre2pattern(3)) that change neither matches nor where attempts start;
    /// `NOTEMPTY` and `NOTEMPTY_ATSTART` are left out since the rewritten match is never empty at the start.
    private static let options: Set<Substring> = [
        "UTF", "UCP", "NO_AUTO_POSSESS", "NO_DOTSTAR_ANCHOR", "NO_JIT", "NO_START_OPT", "CR", "LF", "CRLF",
        "ANYCRLF", "ANY", "NUL", "BSR_ANYCRLF", "BSR_UNICODE",
    ]
    private static let limitOptions: Set<Substring> = ["LIMIT_HEAP", "LIMIT_MATCH", "LIMIT_DEPTH", "LIMIT_RECURSION"]

    /// The `(*NAME)` or `(*LIMIT_…=digits)` item at the start of `text`, when it is a known option.
    private static func leadingOption(of text: Substring) -> Substring? {
        guard text.hasPrefix("(*"), let close = text.firstIndex(of: ")") else { return nil }
        let body = text[text.index(text.startIndex, offsetBy: 2)..<close]
        let parts = body.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let isOption =
            parts.count == 1
            ? options.contains(parts[0])
            : limitOptions.contains(parts[0]) && !parts[1].isEmpty && parts[1].allSatisfy(\.isASCIIDigit)
        return isOption ? text[...close] : nil
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
