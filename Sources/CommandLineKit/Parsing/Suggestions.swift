/// "Did you mean …?" for mistyped option names, subcommands and choice values.
public enum Suggestions {
    /// The candidate closest to `input`, or `nil` when none is close enough to be a plausible typo.
    ///
    /// A candidate qualifies when its optimal-string-alignment distance to `input` (insertions, deletions,
    /// substitutions and swaps of neighbours, each costing 1) is at most a third of its length (at least 1) and
    /// less than its whole length (`c` is no typo of `a`), or
    /// when it is the only candidate that starts with `input` (`--max` → `--max-errors`). Comparison ignores
    /// case. Ties go to the candidate listed first.
    ///
    /// - Parameters:
    ///   - input: what the user typed, dashes included or not, as long as the candidates match.
    ///   - candidates: the valid spellings, in preference order.
    public static func closest(to input: String, among candidates: [String]) -> String? {
        let typed = Array(input.lowercased())
        guard !typed.isEmpty else { return nil }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(typed, Array(candidate.lowercased()))
            let bare = candidate.drop { $0 == "-" }
            guard distance <= max(1, bare.count / 3), distance < bare.count else { continue }
            if best == nil || distance < best!.distance { best = (candidate, distance) }
        }
        if let best { return best.candidate }
        let lowered = input.lowercased()
        let bareInput = lowered.drop { $0 == "-" }
        guard bareInput.count >= 2 else { return nil }
        let prefixed = candidates.filter { $0.lowercased().hasPrefix(lowered) }
        return prefixed.count == 1 ? prefixed[0] : nil
    }

    /// Optimal string alignment distance (restricted Damerau–Levenshtein) between two character arrays.
    public static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
