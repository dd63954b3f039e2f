// CPCRE2: the one C door to PCRE2.
//
// Why this shim exists: pcre2.h refuses to compile unless PCRE2_CODE_UNIT_WIDTH is defined first. We use the
// 8-bit library only (names are UTF-8), so callers use the `_8` functions (`pcre2_compile_8`, ...): the
// generic names are macros that Swift does not import. Only Sources/UploadPolicy/Patterns imports this module.
#ifndef CPCRE2_SHIM_H
#define CPCRE2_SHIM_H
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#endif
