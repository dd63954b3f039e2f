// The CICU door: each function hands its arguments to the ICU function of the same name, converting only
// between ICU's types and the plain C types of CICU.h.
#include "CICU.h"

#include <unicode/unorm2.h>
#include <unicode/utypes.h>

_Static_assert(sizeof(UChar) == sizeof(uint16_t), "ICU's UChar is a UTF-16 code unit");
_Static_assert(sizeof(UErrorCode) == sizeof(int32_t), "ICU's UErrorCode fits an int32_t");

const int32_t cicu_buffer_overflow_error = U_BUFFER_OVERFLOW_ERROR;

const void *cicu_nfc_instance(int32_t *status) {
    return unorm2_getNFCInstance((UErrorCode *)status);
}

const void *cicu_nfkc_instance(int32_t *status) {
    return unorm2_getNFKCInstance((UErrorCode *)status);
}

int32_t cicu_span_quick_check_yes(const void *normalizer, const uint16_t *text, int32_t length, int32_t *status) {
    return unorm2_spanQuickCheckYes((const UNormalizer2 *)normalizer, (const UChar *)text, length,
                                    (UErrorCode *)status);
}

int32_t cicu_normalize(const void *normalizer, const uint16_t *text, int32_t length, uint16_t *destination,
                       int32_t capacity, int32_t *status) {
    return unorm2_normalize((const UNormalizer2 *)normalizer, (const UChar *)text, length, (UChar *)destination,
                            capacity, (UErrorCode *)status);
}

const char *cicu_status_name(int32_t status) {
    return u_errorName((UErrorCode)status);
}
