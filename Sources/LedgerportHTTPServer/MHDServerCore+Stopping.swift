import CMicroHTTPD
import Foundation
import LedgerportLog

extension MHDServerCore {
    /// Seconds to let 503 responses to abandoned requests go out before the daemon stops.
    private static let abandonGraceSeconds = 1.0

    /// Stops `daemon` gracefully, blocking the calling thread; never call it on the Swift concurrency pool.
    ///
    /// 1. Stops accepting connections; responses from now on carry `Connection: close`.
    /// 2. Waits until no request is in flight, or until ``HTTPServerConfiguration/stopDeadlineSeconds`` pass.
    /// 3. Responds with 503 to every request still waiting for its handler, dropping the handler's later response,
    ///    and gives those responses about one second to go out.
    /// 4. Stops the daemon, which closes every connection, including requests whose body is still arriving.
    func stop(daemon: OpaquePointer) {
        lock.withLock { isStopping = true }
        let listener = MHD_quiesce_daemon(daemon)

        let drained = waitForRequestsInFlight(until: Date(timeIntervalSinceNow: configuration.stopDeadlineSeconds))
        let abandoned = abandonSuspendedRequests()
        if !drained || abandoned > 0 {
            _ = waitForRequestsInFlight(until: Date(timeIntervalSinceNow: Self.abandonGraceSeconds))
        }

        lock.lock()
        isDaemonStopped = true
        while resumesInProgress > 0 {
            lock.wait()
        }
        lock.unlock()

        MHD_stop_daemon(daemon)
        if listener != MHD_INVALID_SOCKET {
            close(listener)
        }
    }

    /// Waits until no request is in flight or `deadline` passes; returns whether none is left.
    private func waitForRequestsInFlight(until deadline: Date) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        while requestsInFlight > 0 {
            guard lock.wait(until: deadline) else {
                return requestsInFlight == 0
            }
        }
        return true
    }

    /// Starts draining: resumes every suspended request so that it gets 503. Returns how many there were.
    private func abandonSuspendedRequests() -> Int {
        lock.lock()
        isDraining = true
        let exchanges = Array(suspended.values)
        suspended.removeAll()
        for exchange in exchanges {
            exchange.state = .abandoned
        }
        resumesInProgress += exchanges.count
        lock.unlock()

        for exchange in exchanges {
            MHD_resume_connection(exchange.connection)
        }
        endResumes(count: exchanges.count)
        if !exchanges.isEmpty {
            logger.warning("abandoned requests at stop deadline", metadata: [LogMetadataKey.httpAbandonedRequests: .integer(Int64(exchanges.count))])
        }
        return exchanges.count
    }
}
