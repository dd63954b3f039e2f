internal import CPCRE2

/// A PCRE2 pattern compiled once (with JIT when available) and matched many times.
///
/// Matching is a search, as .NET's `Regex.IsMatch`: the pattern may occur anywhere in the name unless it is
/// anchored. Subjects are passed as UTF-8 with explicit lengths, so a U+0000 inside a name is just a character.
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
    private let matchContext: OpaquePointer

    /// Compiles `source`.
    /// - Parameters:
    ///   - source: The pattern, PCRE2 syntax.
    ///   - options: Case sensitivity and match limits.
    /// - Throws: ``PatternCompileError`` with PCRE2's message and the character offset of the problem.
    public init(_ source: String, options: PatternOptions = PatternOptions()) throws {
        var flags = UInt32(PCRE2_UTF | PCRE2_UCP | PCRE2_DOLLAR_ENDONLY | PCRE2_NEVER_BACKSLASH_C)
        if options.caseInsensitive { flags |= UInt32(PCRE2_CASELESS) }

        var errorCode: Int32 = 0
        var errorOffset = 0
        let utf8 = Array(source.utf8)
        let compiled = utf8.withUnsafeBufferPointer { pattern in
            pcre2_compile_8(pattern.baseAddress, pattern.count, flags, &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            let characters = String(decoding: utf8.prefix(min(errorOffset, utf8.count)), as: UTF8.self).count
            throw PatternCompileError(
                code: errorCode, message: PCRE2Result.message(for: errorCode), offset: characters)
        }
        guard let context = pcre2_match_context_create_8(nil) else {
            pcre2_code_free_8(compiled)
            fatalError("PCRE2 could not allocate a match context: out of memory")
        }
        pcre2_set_match_limit_8(context, options.limits.matchLimit)
        pcre2_set_depth_limit_8(context, options.limits.depthLimit)
        pcre2_set_heap_limit_8(context, options.limits.heapLimitKiB)

        self.source = source
        self.options = options
        self.code = compiled
        self.matchContext = context
        self.isJITCompiled = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
    }

    deinit {
        pcre2_match_context_free_8(matchContext)
        pcre2_code_free_8(code)
    }

    /// Searches `subject` (UTF-8 bytes of a valid string) for the pattern.
    /// - Parameters:
    ///   - subject: The name's UTF-8 bytes. They must be valid UTF-8, as every Swift string is.
    ///   - scratch: Per-thread match data; never shared between threads.
    /// - Returns: `.match`, `.noMatch`, or `.limitExceeded` when a bound stopped the search.
    public func matches(utf8 subject: UnsafeBufferPointer<UInt8>, scratch: MatchScratch) -> PatternMatch {
        // An empty buffer may have a nil base address; PCRE2 needs a valid pointer even for length 0.
        let rc: Int32
        if let base = subject.baseAddress {
            rc = pcre2_match_8(
                code, base, subject.count, 0, UInt32(PCRE2_NO_UTF_CHECK), scratch.matchData, matchContext)
        } else {
            var empty: UInt8 = 0
            rc = pcre2_match_8(code, &empty, 0, 0, UInt32(PCRE2_NO_UTF_CHECK), scratch.matchData, matchContext)
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
