internal import CPCRE2

/// The PCRE2 match contexts one pattern is matched with: the budgets of the three stages of a bounded search
/// (see ``CompiledPattern/matches(utf8:scratch:)``).
///
/// PCRE2's interpreter counts every backtracking step, so ``PatternLimits/matchLimit`` bounds its work; it is
/// the budget for names of up to 1,023 bytes, and grows with longer ones (4× up to 4,095 bytes, 16× up to
/// 16,383, 64× beyond), since even an ordinary pattern takes a step or two per character. The JIT,
/// many times faster, counts coarsely: it does not count the steps of a single-character repeat, so one
/// counted step can hide a scan of the whole name (`(.*a){12}` spends about 1 µs per counted step on a
/// 250-byte name). The JIT stages are therefore budgeted in proportion to the name: with the length `n` rounded
/// up to a power of four from 64, a search that tries every start position gets `fastPathWork / n²` counted
/// steps per position (only while that is at least one, so for names under 256 bytes) and a single attempt
/// gets `fastPathWork / n`, so each scans about `fastPathWork` characters at most. Ordinary patterns need one
/// or two counted steps per position, so they are decided on the JIT stages.
///
/// Immutable after `init`: shared by every thread.
final class MatchContexts: @unchecked Sendable {
    /// The interpreter's budgets, for the last stage, by rounded length: 1,024, 4,096, 16,384 bytes, longer.
    private let interpreter: [OpaquePointer]
    /// Per-position JIT budgets by rounded length; only lengths whose budget is at least one step.
    private let perPosition: [OpaquePointer]
    /// Single-attempt JIT budgets by rounded length.
    private let singleAttempt: [OpaquePointer]

    /// Characters a JIT stage may scan at most: about 65 µs of work.
    static let fastPathWork = 65_536
    /// The rounded lengths: 64, 256, …, 65,536 bytes. Longer names go to the interpreter stage directly.
    private static let lengths = (3...8).map { 1 << (2 * $0) }

    init(limits: PatternLimits) {
        func context(_ matchLimit: Int, scale: UInt32 = 1) -> OpaquePointer {
            guard let context = pcre2_match_context_create_8(nil) else {
                fatalError("PCRE2 could not allocate a match context: out of memory")
            }
            pcre2_set_match_limit_8(context, UInt32(min(matchLimit, Int(limits.matchLimit))) &* scale)
            pcre2_set_depth_limit_8(context, limits.depthLimit &* scale)
            pcre2_set_heap_limit_8(context, limits.heapLimitKiB &* scale)
            return context
        }
        interpreter = [1, 4, 16, 64].map { context(Int(limits.matchLimit), scale: $0) }
        perPosition = Self.lengths.map { Self.fastPathWork / ($0 * $0) }.prefix { $0 > 0 }.map { context($0) }
        singleAttempt = Self.lengths.map { context(Self.fastPathWork / $0) }
    }

    deinit {
        for context in interpreter + perPosition + singleAttempt { pcre2_match_context_free_8(context) }
    }

    /// The JIT budget per start position for a subject of `length` bytes, or nil when it would be under a step.
    func perPosition(forLength length: Int) -> OpaquePointer? {
        Self.tier(of: length).flatMap { $0 < perPosition.count ? perPosition[$0] : nil }
    }

    /// The JIT budget for one attempt on a subject of `length` bytes, or nil when the subject is too long.
    func singleAttempt(forLength length: Int) -> OpaquePointer? {
        Self.tier(of: length).map { singleAttempt[$0] }
    }

    /// The interpreter's budget for a subject of `length` bytes.
    func interpreter(forLength length: Int) -> OpaquePointer {
        interpreter[[1_024, 4_096, 16_384].firstIndex { length < $0 } ?? 3]
    }

    private static func tier(of length: Int) -> Int? {
        lengths.firstIndex { length < $0 }
    }
}
