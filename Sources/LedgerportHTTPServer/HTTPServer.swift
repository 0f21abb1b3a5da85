import CMicroHTTPD
import Foundation
import LedgerportLog

/// An HTTP/1.1 server over libmicrohttpd, for webhooks, the admin API and the Odoo sandbox.
///
/// The server reads each request completely (up to
/// ``HTTPServerConfiguration/maximumBodyBytes``, else 413), routes it, and runs
/// its ``HTTPServerHandler``. The server does not block a libmicrohttpd thread
/// to wait for a response: a request whose response is not ready at once has
/// its connection suspended, and resumed when the response arrives.
///
/// Each response is logged at debug level with method, path, status,
/// duration in milliseconds, body size and header fields, with the values of
/// credential fields replaced (see `HTTPHeaderRedaction`). Bodies are never logged.
///
/// Lifecycle: ``start()`` once, then ``stop()`` once. Both are thread-safe.
/// Releasing a running server stops it, blocking the releasing thread.
///
/// ```swift
/// var router = HTTPRouter()
/// router.add("GET", "/healthz", .immediate { _, responder in responder.respond(.text("ok")) })
/// router.add("POST", "/webhooks/{tenant}/{environment}/{connection}") { request in
///     .json(["received": .string(request.pathParameters["tenant"] ?? "")])
/// }
/// let server = HTTPServer(configuration: HTTPServerConfiguration(port: 8080), logger: logger, router: router)
/// try server.start()
/// // ...
/// await server.stop()
/// ```
package final class HTTPServer: @unchecked Sendable {
    private enum Lifecycle {
        case created
        case running(daemon: MHDDaemonHandle, port: UInt16)
        case stopping
        case stopped
    }

    private let core: MHDServerCore
    private let lock = NSLock()
    private var lifecycle = Lifecycle.created

    /// Creates a server that picks the handler of each request with `route`, which
    /// runs on a libmicrohttpd thread and may set the request's path parameters.
    ///
    /// `onRejected` receives every request the server responds to itself before routing it (a body over
    /// ``HTTPServerConfiguration/maximumBodyBytes``). It runs on a libmicrohttpd thread and must not block.
    package init(
        configuration: HTTPServerConfiguration = HTTPServerConfiguration(), logger: Logger,
        route: @escaping @Sendable (inout HTTPServerRequest) -> HTTPServerHandler,
        onRejected: (@Sendable (HTTPServerRejection) -> Void)? = nil
    ) {
        core = MHDServerCore(configuration: configuration, logger: logger, route: route, onRejected: onRejected)
    }

    /// Creates a server that sends every request to `handler`.
    package convenience init(
        configuration: HTTPServerConfiguration = HTTPServerConfiguration(), logger: Logger, handler: HTTPServerHandler
    ) {
        self.init(configuration: configuration, logger: logger, route: { _ in handler })
    }

    /// Creates a server that dispatches requests through `router`; see the designated initializer for `onRejected`.
    package convenience init(
        configuration: HTTPServerConfiguration = HTTPServerConfiguration(), logger: Logger, router: HTTPRouter,
        onRejected: (@Sendable (HTTPServerRejection) -> Void)? = nil
    ) {
        self.init(configuration: configuration, logger: logger, route: { request in router.route(&request) }, onRejected: onRejected)
    }

    deinit {
        if case .running(let daemon, _) = lifecycle {
            core.stop(daemon: daemon.pointer)
        }
    }

    /// The configuration the server was created with; ``port`` reports the port actually bound.
    package var configuration: HTTPServerConfiguration {
        core.configuration
    }

    /// The port the server listens on while running (the one the system picked when configured with 0), else `nil`.
    package var port: UInt16? {
        lock.withLock {
            if case .running(_, let port) = lifecycle { port } else { nil }
        }
    }

    /// Binds the address and starts the threads; returns once the server accepts connections.
    ///
    /// Throws ``HTTPServerError`` when the host is not a numeric address, the
    /// port is taken, or the server was started before.
    package func start() throws(HTTPServerError) {
        lock.lock()
        defer { lock.unlock() }
        guard case .created = lifecycle else {
            throw .notStartable(state: describe(lifecycle))
        }

        let daemon = try MHDDaemon.start(core: core)
        let port = ledgerport_mhd_bound_port(daemon)
        lifecycle = .running(daemon: MHDDaemonHandle(pointer: daemon), port: port)
        core.logger.info(
            "started HTTP server",
            metadata: [LogMetadataKey.listenAddress: .string(Self.format(host: core.configuration.host, port: port))]
        )
    }

    /// Stops the server: no new connections, requests in progress finish until
    /// ``HTTPServerConfiguration/stopDeadlineSeconds``, then the rest get 503.
    ///
    /// Returns once every libmicrohttpd thread has exited. The waiting happens
    /// on a dedicated thread, not the Swift concurrency pool. Calling it on a
    /// server that never started, or again, does nothing.
    package func stop() async {
        let daemon: MHDDaemonHandle? = lock.withLock {
            guard case .running(let daemon, _) = lifecycle else {
                return nil
            }
            lifecycle = .stopping
            return daemon
        }
        guard let daemon else {
            return
        }
        let core = core
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let thread = Thread {
                core.stop(daemon: daemon.pointer)
                continuation.resume()
            }
            thread.name = "ledgerport-http-stop"
            thread.start()
        }
        lock.withLock { lifecycle = .stopped }
        core.logger.info("stopped HTTP server")
    }

    private func describe(_ lifecycle: Lifecycle) -> String {
        switch lifecycle {
        case .created: "not started"
        case .running: "already running"
        case .stopping: "stopping"
        case .stopped: "stopped"
        }
    }

    /// Formats an address as a URL authority, with brackets around IPv6 (`[::1]:8080`).
    static func format(host: String, port: UInt16) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
