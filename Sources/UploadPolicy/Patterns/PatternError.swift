/// A pattern that PCRE2 could not compile.
public struct PatternCompileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// PCRE2's error code (≥ 100 for compile errors).
    public let code: Int32
    /// PCRE2's message, e.g. "missing terminating ] for character class".
    public let message: String
    /// Where PCRE2 detected the problem, in characters from the start of the pattern (PCRE2 itself counts bytes).
    public let offset: Int

    public var description: String { "offset \(offset): \(message)" }
}

/// The outcome of matching one pattern against one name.
public enum PatternMatch: Hashable, Sendable {
    /// The pattern was found in the name.
    case match
    /// The pattern does not occur in the name.
    case noMatch
    /// The match was stopped by a limit before it could decide; callers must fail closed.
    case limitExceeded(PatternLimitKind)
}

/// Which bound stopped a match.
public enum PatternLimitKind: String, Hashable, Sendable {
    /// `matchLimit`: too many backtracking steps.
    case match
    /// `depthLimit` (or the JIT stack): nesting too deep.
    case depth
    /// `heapLimitKiB`: too much backtracking memory.
    case heap
    /// PCRE2 returned an error UploadGate does not expect; treated as a limit so the decision fails closed.
    case internalError = "internal"
}
