internal import CPCRE2

/// A PCRE2 pattern compiled once (with JIT when available) and matched many times.
///
/// Matching is a search, as .NET's `Regex.IsMatch`: the pattern may occur anywhere in the name unless it is
/// anchored. Subjects are passed as UTF-8 with explicit lengths, so a U+0000 inside a name is just a character.
///
/// Every search is bounded by ``PatternLimits/matchLimit`` as a whole, whatever the name's length: see
/// ``matches(utf8:scratch:)``.
///
/// Thread safety: a compiled pattern is immutable after `init`, and PCRE2 documents compiled code and an
/// unchanging match context as safe to share between threads (pcre2api(3), MULTITHREADING); JIT code uses the
/// per-call machine stack by default. Each thread passes its own ``MatchScratch``.
public final class CompiledPattern: @unchecked Sendable {
    /// The pattern as written in the policy.
    public let source: String
    /// The options it was compiled with.
    public let options: PatternOptions
    /// Whether PCRE2's JIT compiled it (false only where JIT is unavailable or ran out of memory).
    public let isJITCompiled: Bool

    private let code: OpaquePointer
    /// Whether PCRE2 found the pattern anchored (`^` or `\A` heading every branch): a search is one attempt.
    private let isAnchored: Bool
    /// The ``WholeSearch`` rewrite, which searches in one attempt; nil for anchored patterns (their search is
    /// one attempt already) and for those that cannot be rewritten (a search that outgrows the first stage
    /// then fails closed).
    private let wholeSearchCode: OpaquePointer?
    private let contexts: MatchContexts

    /// Compiles `source`.
    /// - Parameters:
    ///   - source: The pattern, PCRE2 syntax.
    ///   - options: Case sensitivity and match limits.
    /// - Throws: ``PatternCompileError`` with PCRE2's message and the character offset of the problem.
    public init(_ source: String, options: PatternOptions = PatternOptions()) throws {
        var flags = UInt32(PCRE2_UTF | PCRE2_UCP | PCRE2_DOLLAR_ENDONLY | PCRE2_NEVER_BACKSLASH_C)
        if options.caseInsensitive { flags |= UInt32(PCRE2_CASELESS) }

        let code: OpaquePointer
        switch Self.compile(source, flags: flags) {
        case .success(let compiled): code = compiled
        case .failure(let error): throw error
        }
        var allOptions: UInt32 = 0
        pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_ALLOPTIONS), &allOptions)
        let isAnchored = allOptions & UInt32(PCRE2_ANCHORED) != 0

        self.source = source
        self.options = options
        self.code = code
        self.isAnchored = isAnchored
        self.isJITCompiled = pcre2_jit_compile_8(code, UInt32(PCRE2_JIT_COMPLETE)) == 0
        self.wholeSearchCode = isAnchored ? nil : WholeSearch.source(searching: source).flatMap { rewritten in
            guard case .success(let compiled) = Self.compile(rewritten, flags: flags) else { return nil }
            pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE))
            return compiled
        }
        self.contexts = MatchContexts(limits: options.limits)
    }

    deinit {
        pcre2_code_free_8(code)
        if let wholeSearchCode { pcre2_code_free_8(wholeSearchCode) }
    }

    private static func compile(_ source: String, flags: UInt32) -> Result<OpaquePointer, PatternCompileError> {
        var errorCode: Int32 = 0
        var errorOffset = 0
        let utf8 = Array(source.utf8)
        let compiled = utf8.withUnsafeBufferPointer { pattern in
            pcre2_compile_8(pattern.baseAddress, pattern.count, flags, &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            let characters = String(decoding: utf8.prefix(min(errorOffset, utf8.count)), as: UTF8.self).count
            return .failure(
                PatternCompileError(code: errorCode, message: PCRE2Result.message(for: errorCode), offset: characters))
        }
        return .success(compiled)
    }

    /// Searches `subject` (UTF-8 bytes of a valid string) for the pattern, within ``PatternLimits/matchLimit``
    /// backtracking steps for the whole search of a name of up to 1,023 bytes (more for longer names: see
    /// ``MatchContexts``).
    ///
    /// PCRE2 counts steps per start position, and its JIT counts coarsely (``MatchContexts``), so a search runs
    /// in up to three stages, each bounded, each begun only when the one before ran out of budget:
    /// 1. the JIT searches every start position, with a small budget at each (names under 256 bytes);
    /// 2. the JIT makes one attempt, on the pattern if anchored or else on its ``WholeSearch`` rewrite, with a
    ///    budget in proportion to the name;
    /// 3. the interpreter makes that one attempt with the whole budget, counting every step.
    ///
    /// Ordinary patterns are decided in the first stage; catastrophic ones stop in the third.
    /// - Parameters:
    ///   - subject: The name's UTF-8 bytes. They must be valid UTF-8, as every Swift string is.
    ///   - scratch: Per-thread match data; never shared between threads.
    /// - Returns: `.match`, `.noMatch`, or `.limitExceeded` when a bound stopped the search.
    public func matches(utf8 subject: UnsafeBufferPointer<UInt8>, scratch: MatchScratch) -> PatternMatch {
        let length = subject.count
        let attempt = isAnchored ? code : wholeSearchCode
        if isJITCompiled {
            if !isAnchored, let context = contexts.perPosition(forLength: length) {
                let result = match(code, subject, scratch, context, options: 0)
                guard result == .limitExceeded(.match) else { return result }
            }
            if let attempt, let context = contexts.singleAttempt(forLength: length) {
                let result = match(attempt, subject, scratch, context, options: 0)
                guard result == .limitExceeded(.match) else { return result }
            }
        }
        guard let attempt else { return .limitExceeded(.match) }
        return match(attempt, subject, scratch, contexts.interpreter(forLength: length), options: UInt32(PCRE2_NO_JIT))
    }

    private func match(
        _ code: OpaquePointer, _ subject: UnsafeBufferPointer<UInt8>, _ scratch: MatchScratch,
        _ context: OpaquePointer, options: UInt32
    ) -> PatternMatch {
        // An empty buffer may have a nil base address; PCRE2 needs a valid pointer even for length 0.
        let options = options | UInt32(PCRE2_NO_UTF_CHECK)
        let rc: Int32
        if let base = subject.baseAddress {
            rc = pcre2_match_8(code, base, subject.count, 0, options, scratch.matchData, context)
        } else {
            var empty: UInt8 = 0
            rc = pcre2_match_8(code, &empty, 0, 0, options, scratch.matchData, context)
        }
        return PCRE2Result.match(rc)
    }

    /// Searches a string for the pattern, with a scratch made for this call. Convenient; slower in hot loops.
    public func matches(_ subject: String) -> PatternMatch {
        var subject = subject
        let scratch = MatchScratch()
        return subject.withUTF8 { matches(utf8: $0, scratch: scratch) }
    }
}
