#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <time.h>
#include "CPCRE2Floor.h"

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

int64_t cpcre2floor_run(const char *const *patterns, size_t count, size_t reject_count, int caseless,
                        const char *const *names, const size_t *lengths, size_t name_count, size_t iterations,
                        size_t *matches_out) {
    pcre2_code **codes = calloc(count, sizeof *codes);
    uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_DOLLAR_ENDONLY | (caseless ? PCRE2_CASELESS : 0);
    for (size_t i = 0; i < count; i++) {
        int error;
        PCRE2_SIZE offset;
        codes[i] = pcre2_compile((PCRE2_SPTR)patterns[i], PCRE2_ZERO_TERMINATED, options, &error, &offset, NULL);
        if (!codes[i]) return -1;
        pcre2_jit_compile(codes[i], PCRE2_JIT_COMPLETE);
    }
    pcre2_match_data *data = pcre2_match_data_create(1, NULL);
    size_t matched = 0;
    int64_t start = now_ns();
    for (size_t iteration = 0; iteration < iterations; iteration++) {
        matched = 0;
        for (size_t n = 0; n < name_count; n++) {
            PCRE2_SPTR subject = (PCRE2_SPTR)names[n];
            int rejected = 0;
            for (size_t r = 0; r < reject_count && !rejected; r++) {
                rejected = pcre2_jit_match(codes[r], subject, lengths[n], 0, 0, data, NULL) >= 0;
            }
            if (rejected) continue;
            for (size_t a = reject_count; a < count; a++) {
                if (pcre2_jit_match(codes[a], subject, lengths[n], 0, 0, data, NULL) >= 0) {
                    matched++;
                    break;
                }
            }
        }
    }
    int64_t elapsed = now_ns() - start;
    *matches_out = matched;
    pcre2_match_data_free(data);
    for (size_t i = 0; i < count; i++) pcre2_code_free(codes[i]);
    free(codes);
    return elapsed;
}
