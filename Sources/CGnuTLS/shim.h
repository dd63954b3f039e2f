// CGnuTLS: the one C door to GnuTLS's hashing, used only to hash file names in the decision log (HMAC-SHA256)
// and to draw random keys. GnuTLS is already on the machine: libmicrohttpd links it for TLS.
#ifndef CGNUTLS_SHIM_H
#define CGNUTLS_SHIM_H
#include <gnutls/gnutls.h>
#include <gnutls/crypto.h>
#endif
