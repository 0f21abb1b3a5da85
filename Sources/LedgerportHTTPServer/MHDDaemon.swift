import CMicroHTTPD
import Foundation

/// Starts and stops the libmicrohttpd daemon behind an ``HTTPServer``.
///
/// The daemon runs `threadCount` internal threads, each with its own `poll`
/// loop, and allows suspend and resume (which also gives libmicrohttpd the
/// inter-thread channel that `MHD_quiesce_daemon` needs in this mode).
///
/// Not epoll: with `MHD_USE_EPOLL`, libmicrohttpd 0.9.75 sometimes stopped
/// reading every connection of a load whose clients send the next request
/// as soon as a response arrives. Their requests sat unread in the sockets
/// (`ss` showed them in the receive queues) until the connection timeout
/// closed them, about one `ledgerport-bench ingest --seconds 0.5` run in
/// eight, and every run with one thread and exactly 128 connections. With
/// `poll` neither happened in 24 runs, at the same rate.
enum MHDDaemon {
    static func start(core: MHDServerCore) throws(HTTPServerError) -> OpaquePointer {
        let configuration = core.configuration
        guard var address = ListenAddress(host: configuration.host, port: configuration.port) else {
            throw .invalidHost(configuration.host)
        }
        var flags = MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_POLL.rawValue | MHD_ALLOW_SUSPEND_RESUME.rawValue
        if address.isIPv6 {
            flags |= MHD_USE_IPv6.rawValue
        }

        let context = Unmanaged.passUnretained(core).toOpaque()
        let daemon = address.withSocketAddress { socketAddress in
            var options = options(for: configuration, socketAddress: socketAddress)
            return options.withUnsafeMutableBufferPointer { buffer in
                ledgerport_mhd_start_daemon(
                    flags, MHDCallbacks.accessHandler, context, MHDCallbacks.requestCompleted, context, buffer.baseAddress
                )
            }
        }
        guard let daemon else {
            let detail = String(cString: strerror(errno))
            throw .startFailed(address: "\(configuration.host) port \(configuration.port)", detail: detail)
        }
        return daemon
    }

    private static func options(
        for configuration: HTTPServerConfiguration, socketAddress: UnsafeMutablePointer<sockaddr>
    ) -> [MHD_OptionItem] {
        var options = [
            MHD_OptionItem(option: .SOCK_ADDR, value: 0, ptr_value: UnsafeMutableRawPointer(socketAddress)),
            MHD_OptionItem(option: .CONNECTION_LIMIT, value: configuration.connectionLimit, ptr_value: nil),
            MHD_OptionItem(option: .CONNECTION_TIMEOUT, value: configuration.connectionTimeoutSeconds, ptr_value: nil),
            MHD_OptionItem(option: .CONNECTION_MEMORY_LIMIT, value: configuration.connectionMemoryLimitBytes, ptr_value: nil),
        ]
        if configuration.threadCount > 1 {
            options.append(MHD_OptionItem(option: .THREAD_POOL_SIZE, value: configuration.threadCount, ptr_value: nil))
        }
        options.append(MHD_OptionItem(option: .END, value: 0, ptr_value: nil))
        return options
    }
}

/// A running daemon's pointer, passed to the thread that stops it.
///
/// Sendable because libmicrohttpd allows `MHD_quiesce_daemon` and `MHD_stop_daemon`
/// from any thread, and ``HTTPServer`` makes sure only one thread stops a daemon.
struct MHDDaemonHandle: @unchecked Sendable {
    let pointer: OpaquePointer
}
