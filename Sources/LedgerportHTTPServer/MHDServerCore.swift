import CMicroHTTPD
import Foundation
import LedgerportLog

/// The state an ``HTTPServer`` shares with libmicrohttpd's threads and with handlers.
///
/// libmicrohttpd's callbacks receive it as an unretained pointer. The
/// server keeps it alive until the daemon has stopped, and every
/// ``MHDExchange`` retains it for late responses. One lock guards the
/// exchange states, the set of suspended exchanges and the counters, so that
/// stopping cannot race with a resume: the daemon is stopped only when no
/// connection is suspended and no resume is under way.
final class MHDServerCore: @unchecked Sendable {
    let configuration: HTTPServerConfiguration
    let logger: Logger
    let route: @Sendable (inout HTTPServerRequest) -> HTTPServerHandler
    /// Called on the libmicrohttpd thread for each request the server responds to before routing it.
    let onRejected: (@Sendable (HTTPServerRejection) -> Void)?
    let lock = NSCondition()

    // Guarded by `lock`.
    var suspended: [ObjectIdentifier: MHDExchange] = [:]
    var requestsInFlight = 0
    var resumesInProgress = 0
    /// Set when stopping starts: responses get `Connection: close`.
    var isStopping = false
    /// Set when the stop deadline passed: no new suspensions, suspended requests get 503.
    var isDraining = false
    /// Set just before `MHD_stop_daemon`: connections may no longer be resumed.
    var isDaemonStopped = false

    init(
        configuration: HTTPServerConfiguration, logger: Logger,
        route: @escaping @Sendable (inout HTTPServerRequest) -> HTTPServerHandler,
        onRejected: (@Sendable (HTTPServerRejection) -> Void)? = nil
    ) {
        self.configuration = configuration
        self.logger = logger
        self.route = route
        self.onRejected = onRejected
    }

    /// Counts a new request in flight. Called on the libmicrohttpd thread for the first call of each request.
    func exchangeStarted() {
        lock.withLock { requestsInFlight += 1 }
    }

    /// Marks an exchange closed after libmicrohttpd's completion callback.
    func exchangeFinished(_ exchange: MHDExchange, termination: MHD_RequestTerminationCode) {
        lock.lock()
        let answered = if case .queued = exchange.state { true } else { false }
        exchange.state = .closed
        suspended[ObjectIdentifier(exchange)] = nil
        requestsInFlight -= 1
        lock.broadcast()
        lock.unlock()

        if !answered {
            logger.debug(
                "closed request without response",
                metadata: [
                    LogMetadataKey.httpMethod: .string(exchange.method), LogMetadataKey.httpPath: .string(exchange.loggedPath),
                    LogMetadataKey.httpTermination: .string(String(describing: termination)),
                ]
            )
        }
    }

    /// Reserves a resume of `exchange`, or returns `false` once the daemon is stopping.
    /// Call with `lock` held; balance a `true` with ``endResumes(count:)``.
    func beginResume(of exchange: MHDExchange) -> Bool {
        guard !isDaemonStopped else {
            return false
        }
        suspended[ObjectIdentifier(exchange)] = nil
        resumesInProgress += 1
        return true
    }

    /// Ends resumes begun with ``beginResume(of:)`` or by a drain, and wakes a waiting stop.
    func endResumes(count: Int) {
        lock.withLock {
            resumesInProgress -= count
            lock.broadcast()
        }
    }

    func logDroppedResponse(for exchange: MHDExchange, status: Int) {
        logger.debug(
            "dropped response to finished request",
            metadata: [
                LogMetadataKey.httpMethod: .string(exchange.method), LogMetadataKey.httpPath: .string(exchange.loggedPath),
                LogMetadataKey.httpStatus: .integer(Int64(status)),
            ]
        )
    }
}
