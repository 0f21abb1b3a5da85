import Foundation
import LedgerportHTTPServer

/// Whether the runtime can do its work yet: its flow routes are loaded and its delivery engine runs.
///
/// `/health` returns 200 as soon as the server listens, but `/ready` returns
/// 503 until both parts are up, so a load balancer or an orchestrator sends no
/// webhook to a process that would store it without routing it. Thread-safe.
package final class Readiness: @unchecked Sendable {
    private let lock = NSLock()
    private var routesLoaded = false
    private var engineRunning = false

    /// Creates the state of a starting runtime: nothing is up yet.
    package init() {}

    func markRoutesLoaded() {
        lock.withLock { routesLoaded = true }
    }

    func markEngineRunning() {
        lock.withLock { engineRunning = true }
    }

    /// Whether the flow routes are loaded and the delivery engine runs.
    package var isReady: Bool {
        lock.withLock { routesLoaded && engineRunning }
    }

    /// The `/ready` handler: 200 `{"status": "ready"}`, or 503 naming what is not up yet.
    var handler: HTTPServerHandler {
        .immediate { [self] _, responder in
            let (routes, engine) = lock.withLock { (routesLoaded, engineRunning) }
            if routes && engine {
                responder.respond(.json(["status": "ready"]))
                return
            }
            let waiting = [routes ? nil : "flow routes not loaded", engine ? nil : "delivery engine not running"].compactMap { $0 }
            responder.respond(.error(
                status: 503, code: "not_ready",
                message: "the runtime is starting: \(waiting.joined(separator: ", ")); retry shortly", headers: ["Retry-After": "1"]
            ))
        }
    }
}
