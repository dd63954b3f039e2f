// Header-only module: SwiftPM needs one source file to make a C target.
#include "CLibFuzzer.h"
