import UploadPolicy

/// A generated name: a prefix, a string repeated many times, and a suffix that makes the match fail.
struct ProbeName: Sendable, Equatable {
    let prefix: String
    let pump: String
    let count: Int
    let suffix: String

    var subject: String { prefix + String(repeating: pump, count: count) + suffix }

    /// `'v' + '_' × 40 + '!.txt'`.
    var summary: String {
        var parts: [String] = []
        if !prefix.isEmpty { parts.append("'\(prefix)'") }
        parts.append("'\(pump)' × \(count)")
        parts.append("'\(suffix)'")
        return parts.joined(separator: " + ")
    }
}

/// What probing found.
enum ProbeOutcome: Sendable, Equatable {
    /// A name made the pattern stop at a limit: confirmed.
    case hit(ProbeName, PatternLimitKind)
    /// No name hit the limit, but one made the pattern work hard: it took `steps` of the `limit` backtracking
    /// steps allowed, `growth` times as many as a name half as long.
    case heavy(ProbeName, steps: UInt32, limit: UInt32, growth: Double)
    /// Every name stayed under a hundredth of the limit.
    case light
}

/// The dynamic half of the catastrophic-backtracking check: matches a compiled pattern against generated
/// names (a prefix, a string the pattern accepts repeated many times, then a character that makes the match
/// fail and whatever the rest of the pattern needs) of growing lengths.
///
/// The pattern is matched exactly as the engine will match it, with the policy's own ``PatternLimits``
/// (4,000 backtracking steps for a whole search by default, where PCRE2 alone allows 10,000,000 at each start
/// position), and names are only as long as the policy's name limit allows. A hit therefore means: a name the
/// policy lets through to its patterns makes the engine give up, and such names are refused with
/// `pattern.limit`. When nothing hits, the longest names are tried again under a tight limit (a hundredth of
/// the real one); a name that exceeds it has its exact step count measured (PCRE2's counts are deterministic),
/// at full and at half length, to show how cost grows.
struct BacktrackingProbe {
    /// The characters tried after the repeated part: punctuation most patterns do not accept, and a symbol
    /// outside ASCII.
    static let failingCharacters = ["!", "\u{2603}", "#"]

    let pattern: CompiledPattern
    /// The longest name tried, in UTF-8 bytes.
    let maximumBytes: Int

    private struct Attempt: Equatable {
        let prefix: String
        let pump: String
        let suffix: String

        func name(bytes: Int) -> ProbeName? {
            let count = (bytes - prefix.utf8.count - suffix.utf8.count) / pump.utf8.count
            return count >= 2 ? ProbeName(prefix: prefix, pump: pump, count: count, suffix: suffix) : nil
        }
    }

    /// Probes the pattern.
    /// - Parameters:
    ///   - seeds: Strings to repeat, with what leads to and follows them in the pattern.
    ///   - measuring: Whether to measure the heaviest name when nothing hits (for a suspected pattern's
    ///     message); without it, a pattern that never hits is simply ``ProbeOutcome/light``.
    func run(seeds: [ProbeSeed], measuring: Bool) -> ProbeOutcome {
        let attempts = Self.attempts(from: seeds)
        guard !attempts.isEmpty else { return .light }
        let scratch = MatchScratch()
        // The longest names first: if none of them hits, no shorter one will for the patterns that matter.
        guard attempts.contains(where: { hits($0, bytes: maximumBytes, scratch) != nil }) else {
            return measuring ? measureHeaviest(attempts, scratch: scratch) : .light
        }
        var length = 8
        while true {
            let bytes = min(length, maximumBytes)
            for attempt in attempts {
                if let hit = hits(attempt, bytes: bytes, scratch) { return hit }
            }
            length *= 2
        }
    }

    /// The outcome when `attempt` at `bytes` makes the pattern stop at a limit.
    private func hits(_ attempt: Attempt, bytes: Int, _ scratch: MatchScratch) -> ProbeOutcome? {
        guard let name = attempt.name(bytes: bytes),
            case .limitExceeded(let kind) = Self.match(pattern, name.subject, scratch)
        else { return nil }
        return .hit(name, kind)
    }

    private static func attempts(from seeds: [ProbeSeed]) -> [Attempt] {
        var attempts: [Attempt] = []
        for seed in seeds where !seed.pump.isEmpty {
            let following = seed.following ?? ""
            for prefix in Set([seed.prefix ?? "", ""]).sorted() {
                for failing in failingCharacters {
                    for suffix in Set([failing, failing + following]).sorted() {
                        let attempt = Attempt(prefix: prefix, pump: seed.pump, suffix: suffix)
                        if !attempts.contains(attempt) { attempts.append(attempt) }
                    }
                }
            }
            if attempts.count >= 64 { break }
        }
        return attempts
    }

    private func measureHeaviest(_ attempts: [Attempt], scratch: MatchScratch) -> ProbeOutcome {
        let limit = pattern.options.limits.matchLimit
        guard let tight = compiled(matchLimit: max(limit / 100, 1)) else { return .light }
        for attempt in attempts {
            guard let name = attempt.name(bytes: maximumBytes),
                case .limitExceeded = Self.match(tight, name.subject, scratch),
                let total = steps(name.subject, scratch: scratch)
            else { continue }
            let half = attempt.name(bytes: maximumBytes / 2).flatMap { steps($0.subject, scratch: scratch) } ?? 1
            return .heavy(name, steps: total, limit: limit, growth: Double(total) / Double(max(half, 1)))
        }
        return .light
    }

    /// The smallest match limit under which matching `subject` completes: PCRE2's step count for it.
    private func steps(_ subject: String, scratch: MatchScratch) -> UInt32? {
        var low: UInt32 = 1
        var high = pattern.options.limits.matchLimit
        while low < high {
            let middle = low + (high - low) / 2
            guard let probe = compiled(matchLimit: middle) else { return nil }
            if case .limitExceeded(.match) = Self.match(probe, subject, scratch) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return low
    }

    private func compiled(matchLimit: UInt32) -> CompiledPattern? {
        var options = pattern.options
        options.limits.matchLimit = matchLimit
        return try? CompiledPattern(pattern.source, options: options)
    }

    private static func match(_ pattern: CompiledPattern, _ subject: String, _ scratch: MatchScratch) -> PatternMatch {
        var subject = subject
        return subject.withUTF8 { pattern.matches(utf8: $0, scratch: scratch) }
    }
}
