// CNettle: the one C door to Nettle, used only to hash file names in the decision log (HMAC-SHA256). Nettle is
// already on the machine: GnuTLS, which libmicrohttpd links for TLS, is built on it. Its HMAC state is a plain
// struct, so a keyed state is copied per name without allocating.
#ifndef CNETTLE_SHIM_H
#define CNETTLE_SHIM_H
#include <nettle/hmac.h>
#endif
