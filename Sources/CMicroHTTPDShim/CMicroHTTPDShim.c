// See include/CMicroHTTPDShim.h for why this file exists and when it can be deleted.
#include "CMicroHTTPDShim.h"

struct MHD_Daemon *CMicroHTTPD_start(unsigned int flags,
                                     MHD_AccessHandlerCallback handler,
                                     void *handler_cls,
                                     const struct MHD_OptionItem *options) {
    // Port 0 here: HTTPServer always hands libmicrohttpd an already bound socket (MHD_OPTION_LISTEN_SOCKET).
    return MHD_start_daemon(flags, 0, NULL, NULL, handler, handler_cls,
                            MHD_OPTION_ARRAY, (struct MHD_OptionItem *) options,  // MHD only reads it
                            MHD_OPTION_END);
}

const union MHD_ConnectionInfo *CMicroHTTPD_connection_info(struct MHD_Connection *connection,
                                                            enum MHD_ConnectionInfoType info_type) {
    return MHD_get_connection_info(connection, info_type);
}

const union MHD_DaemonInfo *CMicroHTTPD_daemon_info(struct MHD_Daemon *daemon, enum MHD_DaemonInfoType info_type) {
    return MHD_get_daemon_info(daemon, info_type);
}
