// CMagic: the one C door to libmagic (content sniffing for `uploadgate check`).
#ifndef CMAGIC_SHIM_H
#define CMAGIC_SHIM_H
#include <magic.h>
#endif
