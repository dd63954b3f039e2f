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

/// The bounds on one search, so that no name can make a pattern run for long.
///
/// PCRE2 stops a match that exceeds any of them and says which; UploadGate then fails closed with
/// ``DecisionCode/patternLimit``. How ``CompiledPattern`` makes one budget cover a whole search (PCRE2 counts
/// per start position, and its JIT counts coarsely) is told in ``MatchContexts`` and ``WholeSearch``.
public struct PatternLimits: Hashable, Sendable {
    /// The most backtracking steps, as PCRE2's interpreter counts them, that one search of a name may take,
    /// over every start position it tries.
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

    /// Bounds that keep any one search of a name of up to 255 bytes under about 0.25 ms.
    ///
    /// 4,000 steps: a catastrophic pattern costs 30–90 ns a step in the interpreter, so a search stops within
    /// about 0.35 ms in the worst case measured (`Benchmarks/WorstCaseBenchmark`, docs/benchmarks.md), while
    /// ordinary patterns need under 800 steps for a whole 255-byte name (about one per character, three for
    /// a lookahead scanning the name), so names of up to about 1,000 bytes pass with any of them.
    public static let `default` = PatternLimits(matchLimit: 4_000, depthLimit: 2_000, heapLimitKiB: 2_048)
}
