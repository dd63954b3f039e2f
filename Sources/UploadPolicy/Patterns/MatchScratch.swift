internal import CPCRE2

/// The per-call working memory PCRE2 needs to run a match (its match data).
///
/// One scratch serves every pattern, since UploadGate only asks whether a pattern matches, never where.
/// It is mutated by each match, so it belongs to one thread at a time: make one per thread or per evaluation.
public final class MatchScratch {
    let matchData: OpaquePointer

    /// Allocates match data for one pair of offsets.
    public init() {
        guard let data = pcre2_match_data_create_8(1, nil) else {
            fatalError("PCRE2 could not allocate match data: out of memory")
        }
        matchData = data
    }

    deinit { pcre2_match_data_free_8(matchData) }
}

@available(*, unavailable, message: "Match data is mutated by every match; use one MatchScratch per thread.")
extension MatchScratch: Sendable {}
