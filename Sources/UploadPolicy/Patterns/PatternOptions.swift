/// How a policy pattern is compiled and how much work one match may cost.
///
/// Every pattern is compiled in UTF + UCP mode (so `\w`, `\d` and `\b` follow Unicode, as in .NET) with
/// `$` matching only at the very end of the name (as `\z`), and `\C` forbidden (it could split a character).
public struct PatternOptions: Hashable, Sendable {
    /// Match letters without regard to case (PCRE2_CASELESS, Unicode-aware under UCP).
    public var caseInsensitive: Bool
    /// The bounds applied to every match.
    public var limits: PatternLimits

    public init(caseInsensitive: Bool = true, limits: PatternLimits = .default) {
        self.caseInsensitive = caseInsensitive
        self.limits = limits
    }
}

/// The bounds on one match, so that no name can make a pattern run for long.
///
/// PCRE2 stops a match that exceeds any of them and says which; UploadGate then fails closed with
/// ``DecisionCode/patternLimit``. The JIT honours `matchLimit` and reports an exhausted JIT stack instead of the
/// depth and heap limits, which bind when the interpreter runs.
public struct PatternLimits: Hashable, Sendable {
    /// The most times PCRE2 may call its internal `match()` (backtracking steps) for one match attempt.
    public var matchLimit: UInt32
    /// The deepest backtracking nesting allowed (interpreter only).
    public var depthLimit: UInt32
    /// The most heap memory, in KiB, one match may use for backtracking (interpreter only).
    public var heapLimitKiB: UInt32

    public init(matchLimit: UInt32, depthLimit: UInt32, heapLimitKiB: UInt32) {
        self.matchLimit = matchLimit
        self.depthLimit = depthLimit
        self.heapLimitKiB = heapLimitKiB
    }

    /// Bounds that keep any one match well under a millisecond on names of up to a few thousand characters.
    public static let `default` = PatternLimits(matchLimit: 100_000, depthLimit: 2_000, heapLimitKiB: 2_048)
}
