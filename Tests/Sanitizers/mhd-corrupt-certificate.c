// The reproduction behind the GnuTLS entries of lsan-suppressions.txt: each MHD_start_daemon that GnuTLS refuses
// for a corrupt PEM certificate (with a good key) leaves 168 bytes in 3 blocks behind, inside libmicrohttpd
// 0.9.75 and GnuTLS 3.7.9; HTTPServer's TLS tests start servers with such material on purpose.
// Usage: mhd-corrupt-certificate COUNT CERT.pem KEY.pem. Run: scripts/sanitizer-repros.sh
#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>

static enum MHD_Result refuse(void *context, struct MHD_Connection *connection, const char *url, const char *method,
                              const char *version, const char *upload, size_t *size, void **state) {
    return MHD_NO;
}

static char *slurp(const char *path) {
    FILE *file = fopen(path, "rb");
    char *text = calloc(1, 16384);
    if (file) {
        fread(text, 1, 16383, file);
        fclose(file);
    }
    return text;
}

int main(int argc, char **argv) {
    int count = argc > 1 ? atoi(argv[1]) : 4;
    for (int i = 0; i < count; i++) {
        char *certificate = slurp(argv[2]), *key = slurp(argv[3]);
        struct MHD_Daemon *daemon = MHD_start_daemon(
            MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_TLS, 0, NULL, NULL, refuse, NULL, MHD_OPTION_HTTPS_MEM_CERT,
            certificate, MHD_OPTION_HTTPS_MEM_KEY, key, MHD_OPTION_END);
        if (daemon) MHD_stop_daemon(daemon);
        free(certificate);
        free(key);
    }
    printf("%d refused starts\n", count);
    return 0;
}
