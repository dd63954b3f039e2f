// CMicroHTTPDShim: non-variadic doors to the three variadic libmicrohttpd functions HTTPServer needs.
//
// Why it exists: MHD_start_daemon(), MHD_get_connection_info() and MHD_get_daemon_info() are variadic, and Swift
// cannot call C variadic functions ("Variadic function is unavailable"). CMicroHTTPD_start() takes every option
// as one MHD_OptionItem array (MHD_OPTION_ARRAY), so the option list is built in Swift and this target holds no
// policy at all; the two info functions only drop the unused variadic tail.
//
// When it can go: when Swift can call C variadic functions, or when HTTPServer moves to a libmicrohttpd API
// without variadic entry points (the MHD2 API's MHD_daemon_create() plus option setters). Calling
// MHD_start_daemon_va() through Swift's withVaList would also work, but needs function pointers smuggled
// through CVarArg; plain C calls are clearer.
#ifndef CMICROHTTPD_SHIM_H
#define CMICROHTTPD_SHIM_H

#include <microhttpd.h>

/// Starts a libmicrohttpd daemon: MHD_start_daemon(flags, 0, NULL, NULL, handler, handler_cls,
/// MHD_OPTION_ARRAY, options, MHD_OPTION_END).
///
/// - Parameters:
///   - flags: a combination of `enum MHD_FLAG` values.
///   - handler: the access handler called for every request.
///   - handler_cls: the closure passed to `handler` as its first argument.
///   - options: an array terminated by `{MHD_OPTION_END, 0, NULL}`; it must stay valid for the call only.
/// - Returns: the daemon, or NULL when libmicrohttpd refuses the configuration (it logs why through the
///   MHD_OPTION_EXTERNAL_LOGGER given in `options`, if any).
struct MHD_Daemon *CMicroHTTPD_start(unsigned int flags,
                                     MHD_AccessHandlerCallback handler,
                                     void *handler_cls,
                                     const struct MHD_OptionItem *options);

/// MHD_get_connection_info(connection, info_type) for the info types that take no extra argument.
/// - Returns: the information, or NULL when libmicrohttpd has none of that type for this connection.
const union MHD_ConnectionInfo *CMicroHTTPD_connection_info(struct MHD_Connection *connection,
                                                            enum MHD_ConnectionInfoType info_type);

/// MHD_get_daemon_info(daemon, info_type) for the info types that take no extra argument.
/// - Returns: the information, or NULL when libmicrohttpd has none of that type for this daemon.
const union MHD_DaemonInfo *CMicroHTTPD_daemon_info(struct MHD_Daemon *daemon, enum MHD_DaemonInfoType info_type);

#endif
