// CPCRE2Floor: the reference the engine benchmark compares with — a plain C loop that does nothing but the
// pattern matching a policy decision needs, with PCRE2's JIT and one reused match data block.
#ifndef CPCRE2_FLOOR_H
#define CPCRE2_FLOOR_H
#include <stddef.h>
#include <stdint.h>

/// Compiles `count` patterns (UTF-8, NUL-terminated) with the engine's flags (UTF, UCP, DOLLAR_ENDONLY,
/// optionally CASELESS) and JIT. Then, `iterations` times over `names` (UTF-8 with lengths), runs every reject
/// pattern (the first `reject_count`) and the accept patterns in order until one matches, as a naive policy
/// evaluator would. Returns the elapsed nanoseconds, or -1 if a pattern does not compile. `matches_out`
/// receives the number of names that matched an accept pattern in the last iteration (to keep the work live).
int64_t cpcre2floor_run(const char *const *patterns, size_t count, size_t reject_count, int caseless,
                        const char *const *names, const size_t *lengths, size_t name_count, size_t iterations,
                        size_t *matches_out);
#endif
