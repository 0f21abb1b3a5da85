#ifndef LEDGERPORT_CMICROHTTPD_SHIM_H
#define LEDGERPORT_CMICROHTTPD_SHIM_H

#include <stdint.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <microhttpd.h>

// Leaves percent-escapes in the URL path and query arguments as received, so
// that the server decodes each path segment itself and an escaped "/" (%2F)
// cannot add a segment.
static inline size_t ledgerport_mhd_keep_escapes(void *context, struct MHD_Connection *connection, char *text) {
    (void)context;
    (void)connection;
    return strlen(text);
}

// MHD_start_daemon is variadic, which Swift cannot call. This wrapper passes
// the completion callback, keeps escapes in URLs, and takes every other
// option as an array ending with an MHD_OPTION_END item.
static inline struct MHD_Daemon *ledgerport_mhd_start_daemon(
    unsigned int flags,
    MHD_AccessHandlerCallback handler, void *handler_context,
    MHD_RequestCompletedCallback completed, void *completed_context,
    struct MHD_OptionItem *options
) {
    return MHD_start_daemon(
        flags, 0, NULL, NULL, handler, handler_context,
        MHD_OPTION_NOTIFY_COMPLETED, completed, completed_context,
        MHD_OPTION_UNESCAPE_CALLBACK, ledgerport_mhd_keep_escapes, NULL,
        MHD_OPTION_ARRAY, options,
        MHD_OPTION_END
    );
}

// MHD_get_daemon_info is variadic; returns the port the daemon listens on, or 0.
static inline uint16_t ledgerport_mhd_bound_port(struct MHD_Daemon *daemon) {
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info == NULL ? 0 : info->port;
}

// MHD_get_connection_info is variadic; returns the peer's address, or NULL.
static inline const struct sockaddr *ledgerport_mhd_client_address(struct MHD_Connection *connection) {
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    return info == NULL ? NULL : info->client_addr;
}

#endif
