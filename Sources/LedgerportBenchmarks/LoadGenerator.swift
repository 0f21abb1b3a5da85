import Foundation

/// Sends HTTP/1.1 requests over keep-alive connections to a server on 127.0.0.1 and times every response.
///
/// The connections are non-blocking sockets shared among a few threads, each
/// running a ``LoadLoop`` over its share with one epoll instance. Each
/// connection has one request outstanding: it writes a request, reads the
/// whole response (status line, header and `Content-Length` body), and sends
/// the next. Few threads and raw sockets keep the generator's own cost small
/// next to the server's, which matters when both share two cores.
///
/// - Closed loop (no rate): a connection sends its next request as soon as
///   the previous response arrived, so the rate is what the server sustains
///   with that many requests outstanding.
/// - Paced (a rate): the requests of a connection are due at fixed intervals,
///   staggered across connections, and each latency counts from the time the
///   request was due rather than from when it was sent. A stalled server
///   therefore also delays, in the count, the requests queued behind the
///   stall (no coordinated omission). The count includes the generator
///   thread's own delay in noticing that a request is due, usually tens of
///   microseconds.
///
/// It does not follow redirects, read chunked bodies or reconnect: a
/// connection that fails stops and counts one failure.
struct LoadGenerator: Sendable {
    /// The target and the shape of the load.
    struct Settings: Sendable {
        /// The server's port on 127.0.0.1.
        var port: UInt16
        /// The number of keep-alive connections.
        var connections: Int
        /// The threads that drive the connections, each over its share.
        var threads = 2
        /// How long requests are sent, in seconds; responses to requests sent before then are still awaited.
        var seconds: Double
        /// Requests per second over all connections together, or nil for a closed loop.
        var rate: Double?
    }

    /// The counts and latencies of one load.
    struct Outcome: Sendable {
        /// Responses with status 200.
        var succeeded: Int
        /// Responses with another status, plus connections that failed.
        var failed: Int
        /// The first status other than 200, to name in an error.
        var firstUnexpectedStatus: Int?
        /// Connections that could not be opened.
        var connectFailures = 0
        /// The time from the first request to the last response, in seconds.
        var elapsedSeconds: Double
        /// The latency of every response with status 200, in microseconds.
        var latencies: [UInt32]

        /// Responses with status 200 per second.
        var requestsPerSecond: Double {
            elapsedSeconds > 0 ? Double(succeeded) / elapsedSeconds : 0
        }
    }

    /// Builds the bytes of one request, given its sequence number on its connection and the connection's index.
    ///
    /// Runs on the connection's thread, so it must be thread-safe; the pair of numbers is unique within a run.
    typealias RequestFactory = @Sendable (_ connection: Int, _ sequence: Int) -> [UInt8]

    /// The target and shape of the load.
    let settings: Settings
    /// Builds each request's bytes.
    let makeRequest: RequestFactory

    /// Runs the load on dedicated threads and returns when every connection has finished.
    func run() async -> Outcome {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: runBlocking())
            }
            thread.name = "bench-load"
            thread.start()
        }
    }

    /// Runs the load, blocking the calling thread until every connection has finished.
    private func runBlocking() -> Outcome {
        precondition(settings.connections > 0 && settings.seconds > 0, "a load needs connections and a duration")
        let start = ProcessResources.monotonicNanoseconds()
        let deadline = start + UInt64(settings.seconds * 1e9)
        let results = OutcomeCollector(capacity: settings.connections)
        let group = DispatchGroup()
        let threads = max(1, min(settings.threads, settings.connections))

        for share in 0..<threads {
            group.enter()
            let thread = Thread {
                // Threads inherit their creator's name on Linux, so a name of their own distinguishes them in a profile.
                Thread.current.name = "bench-load"
                let connections = stride(from: share, to: settings.connections, by: threads).map { index in
                    LoadConnection(index: index, port: settings.port, schedule: pacing(for: index, start: start), start: start, makeRequest: makeRequest)
                }
                for part in LoadLoop(connections: connections, deadline: deadline).run() {
                    results.add(part)
                }
                group.leave()
            }
            thread.start()
        }
        group.wait()

        var outcome = results.merged()
        outcome.elapsedSeconds = Double(max(results.lastResponseNanoseconds, start + 1) - start) / 1e9
        return outcome
    }

    /// Returns the due times of one connection's requests (the first and the interval), or nil for a closed loop.
    private func pacing(for index: Int, start: UInt64) -> LoadConnection.Schedule? {
        guard let rate = settings.rate, rate > 0 else {
            return nil
        }
        let interval = Double(settings.connections) / rate * 1e9
        let offset = interval * Double(index) / Double(settings.connections)
        return LoadConnection.Schedule(firstDue: start + UInt64(offset), intervalNanoseconds: UInt64(interval))
    }
}

/// The results of the connections of one load, merged as each connection finishes.
private final class OutcomeCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [LoadConnection.Result] = []

    init(capacity: Int) {
        parts.reserveCapacity(capacity)
    }

    func add(_ part: LoadConnection.Result) {
        lock.withLock { parts.append(part) }
    }

    /// The time of the last response over all connections, on the monotonic clock.
    var lastResponseNanoseconds: UInt64 {
        lock.withLock { parts.map(\.lastResponseNanoseconds).max() ?? 0 }
    }

    func merged() -> LoadGenerator.Outcome {
        lock.withLock {
            var outcome = LoadGenerator.Outcome(succeeded: 0, failed: 0, firstUnexpectedStatus: nil, connectFailures: 0, elapsedSeconds: 0, latencies: [])
            outcome.latencies.reserveCapacity(parts.reduce(0) { $0 + $1.latencies.count })
            for part in parts {
                outcome.succeeded += part.latencies.count
                outcome.failed += part.failed
                outcome.firstUnexpectedStatus = outcome.firstUnexpectedStatus ?? part.firstUnexpectedStatus
                outcome.connectFailures += part.couldNotConnect ? 1 : 0
                outcome.latencies.append(contentsOf: part.latencies)
            }
            return outcome
        }
    }
}
