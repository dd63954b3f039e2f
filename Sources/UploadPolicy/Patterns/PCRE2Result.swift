internal import CPCRE2

/// The one place where PCRE2's integer results become Swift values.
enum PCRE2Result {
    /// Maps the return value of `pcre2_match_8` to a ``PatternMatch``.
    ///
    /// Non-negative means a match (0 only says the ovector was too small, which we do not use). −1 is no match.
    /// The limit errors map to their kind. Anything else is a programming error: it asserts in debug builds and
    /// fails closed in release builds.
    static func match(_ rc: Int32) -> PatternMatch {
        switch rc {
        case 0...: return .match
        case PCRE2_ERROR_NOMATCH: return .noMatch
        case PCRE2_ERROR_MATCHLIMIT: return .limitExceeded(.match)
        case PCRE2_ERROR_DEPTHLIMIT, PCRE2_ERROR_JIT_STACKLIMIT: return .limitExceeded(.depth)
        case PCRE2_ERROR_HEAPLIMIT, PCRE2_ERROR_NOMEMORY: return .limitExceeded(.heap)
        default:
            assertionFailure("unexpected PCRE2 match result \(rc): \(message(for: rc))")
            return .limitExceeded(.internalError)
        }
    }

    /// PCRE2's text for any of its error codes (compile or match).
    static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = buffer.withUnsafeMutableBufferPointer { pcre2_get_error_message_8(code, $0.baseAddress, 256) }
        guard length > 0 else { return "PCRE2 error \(code)" }
        return String(decoding: buffer.prefix(Int(length)), as: UTF8.self)
    }
}
