// CICU: the one C door to ICU, used only for Unicode normalisation of file names (NFC, and NFKC for the
// compatibility fold). Only Sources/UploadPolicy/Names/UnicodeNormalizer.swift imports this module.
//
// Why it is a compiled target and not a system-library module map: Foundation on Linux carries its own copy of
// ICU's headers (module _FoundationICU, a newer ICU), and Clang refuses two different definitions of the same
// types (UErrorCode, UChar) in one Swift module. So ICU's headers are included only by CICU.c, and this header
// speaks plain C types. It also hides ICU's versioned symbol names (unorm2_normalize is unorm2_normalize_72),
// which Swift could not reach through ICU's renaming macros.
#ifndef CICU_H
#define CICU_H

#include <stdint.h>

/// ICU's status code for "the destination was too small; the return value is the length needed".
extern const int32_t cicu_buffer_overflow_error;

/// The shared NFC normaliser (never freed, safe to use from any thread), or NULL with `*status` > 0.
const void *cicu_nfc_instance(int32_t *status);

/// The shared NFKC normaliser (never freed, safe to use from any thread), or NULL with `*status` > 0.
const void *cicu_nfkc_instance(int32_t *status);

/// How many leading UTF-16 units of `text` pass the normaliser's quick check with "yes", that is, are in its
/// form whatever follows them. `*status` must be 0 on entry; > 0 after it means an error.
int32_t cicu_span_quick_check_yes(const void *normalizer, const uint16_t *text, int32_t length, int32_t *status);

/// Writes the normal form of `text` (UTF-16) into `destination` and returns its length. When that exceeds
/// `capacity`, `*status` is cicu_buffer_overflow_error and nothing usable was written. `*status` must be 0 on
/// entry; > 0 after it means an error, < 0 a warning.
int32_t cicu_normalize(const void *normalizer, const uint16_t *text, int32_t length, uint16_t *destination,
                       int32_t capacity, int32_t *status);

/// ICU's name for a status code ("U_BUFFER_OVERFLOW_ERROR"), for messages.
const char *cicu_status_name(int32_t status);

#endif
