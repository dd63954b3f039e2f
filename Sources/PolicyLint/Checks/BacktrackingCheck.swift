/// `pattern.catastrophic`: the static analysis names suspects, the probe tries to confirm them.
///
/// Confirmed (an error): a generated name within the policy's name limit makes the pattern stop at PCRE2's
/// limit. Suspected (a warning): the pattern has a risky shape but no such name was found; the message then
/// says how hard the probe's worst name made the pattern work. A pattern the static pass did not suspect is
/// still probed through its unbounded repeats, and reported when a probe confirms.
enum BacktrackingCheck {
    static func finding(for site: PatternSite, in context: LintContext) -> LintFinding? {
        guard let tree = site.tree else { return nil }
        let analysis = BacktrackingAnalysis(tree.root)
        let probe = BacktrackingProbe(pattern: site.compiled, maximumBytes: context.maximumNameBytes)
        let outcome = probe.run(seeds: analysis.allSeeds, measuring: !analysis.suspects.isEmpty)
        var suspect = analysis.suspects.first
        if case .hit(let name, _) = outcome {
            suspect = analysis.suspects.first { $0.pumps.contains(name.pump) } ?? suspect
        } else if suspect == nil {
            return nil
        }

        let range = suspect?.range ?? 0..<tree.scalars.count
        let text = Self.shortened(String(String.UnicodeScalarView(tree.scalars[range])))
        let shape = suspect.map { describe($0.kind, text) } ?? "'\(text)' backtracks heavily on some names"
        let fix = suspect.map { hint($0.kind) }
        let maximum = context.maximumNameBytes
        switch outcome {
        case .hit(let name, let limit):
            let message =
                "\(shape); confirmed: the name \(name.summary) (\(name.subject.utf8.count) bytes) makes "
                + "PCRE2 stop at its \(limit.rawValue) limit, so the engine refuses such names with pattern.limit"
            return context.finding(
                .catastrophicPattern, severity: .error, at: site.path, message, hint: fix, highlight: range)
        case .heavy(let name, let steps, let limit, let growth):
            let message =
                "\(shape); suspected: no name of up to \(maximum) bytes reached the match limit, but "
                + "\(name.summary) takes \(grouped(steps)) of the \(grouped(limit)) backtracking steps allowed, "
                + "\(String(format1: growth))× as many as a name half as long"
            return context.finding(
                .catastrophicPattern, severity: .warning, at: site.path, message, hint: fix, highlight: range)
        case .light:
            let message =
                "\(shape); suspected: names of up to \(maximum) bytes built to trigger it stayed under a "
                + "hundredth of the match limit"
            return context.finding(
                .catastrophicPattern, severity: .warning, at: site.path, message, hint: fix, highlight: range)
        }
    }

    private static func describe(_ kind: BacktrackingSuspect.Kind, _ text: String) -> String {
        switch kind {
        case .nestedRepeat:
            "'\(text)' repeats a piece that itself repeats, so a long name can be split in exponentially many ways"
        case .overlappingAlternatives:
            "'\(text)' repeats alternatives that can match the same text, so a long name can be split in "
                + "exponentially many ways"
        case .adjacentRepeats:
            "'\(text)' has unbounded repeats that compete for the same characters, so matching takes polynomial time"
        }
    }

    private static func hint(_ kind: BacktrackingSuspect.Kind) -> String {
        switch kind {
        case .nestedRepeat:
            "let each character match one way: e.g. [\\w\\s]* for (\\w+\\s?)*, or make the inner repeat possessive "
                + "(\\w++)"
        case .overlappingAlternatives:
            "make the alternatives start with different characters, or wrap the group in (?>…)"
        case .adjacentRepeats:
            "separate the repeats with a character neither accepts, or make the first possessive (\\w*+)"
        }
    }

    /// Long constructs cut to their first 60 characters in messages; the excerpt shows where they are.
    static func shortened(_ text: String) -> String {
        guard text.unicodeScalars.count > 60 else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.prefix(59))) + "…"
    }

    /// 62500 → "62,500".
    static func grouped(_ number: UInt32) -> String {
        var digits = String(number)
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        return groups.joined(separator: ",")
    }
}

extension String {
    /// A number with one decimal: 3.9.
    init(format1 value: Double) {
        let tenths = Int((value * 10).rounded())
        self = "\(tenths / 10).\(tenths % 10)"
    }
}
