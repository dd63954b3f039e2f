#ifndef CLIBFUZZER_H
#define CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's own entry point (compiler-rt FuzzerInterface.h), provided by the runtime that
/// `-sanitize=fuzzer` links. SwiftPM gives every executable its own `main`, so the fuzz targets cannot use
/// libFuzzer's; they call this from theirs instead. It parses the usual libFuzzer flags from argv.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
