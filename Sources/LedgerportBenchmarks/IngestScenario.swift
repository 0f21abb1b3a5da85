import Foundation
import LedgerportDemo
import LedgerportHTTPServer
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `ingest`: durable webhook ingest through the runtime's HTTP server, next to a no-op handler on the same server stack.
///
/// The runtime is the one `ledgerport serve` builds: libmicrohttpd, the
/// Stripe connector verifying each signature, the store committing events
/// and their deliveries in shared transactions (`synchronous=FULL` by
/// default), and the response sent after the commit. The tenant has Stripe
/// and Odoo connections and the default Stripe flows, so each event also
/// gets its delivery rows. The delivery engine does not run, so delivering
/// takes no CPU time from ingest.
///
/// Three loads run in turn from the same process, each for `seconds`: the
/// no-op server (same configuration, a handler that answers at once), the
/// runtime in a closed loop (its maximum rate), and the runtime paced at
/// `pacedShare` of that rate, or at `pacedRate` (tail latency below
/// saturation). Every
/// request carries a new event id and its own signature.
struct IngestScenario {
    /// The knobs of the scenario.
    struct Options: Sendable {
        /// How long each of the three loads runs, in seconds.
        var seconds = 5.0
        /// Keep-alive connections, each with one request outstanding; more connections make larger group commits.
        var connections = 128
        /// The load generator's threads, each driving its share of the connections.
        var loadThreads = 2
        /// The paced load's rate as a share of the closed loop's.
        var pacedShare = 0.5
        /// The paced load's rate in events per second, instead of a share of the closed loop's.
        var pacedRate: Double?
        /// The runtime's libmicrohttpd threads, as `http.threads` sets them.
        var httpThreads = 2
        /// `full` or `normal`, as `sqlite.synchronous` sets it.
        var synchronous = "full"
        /// The order of the copies' event ids and object ids: growing with their number, or spread like localstripe's.
        var idOrder = StripeEventFactory.IDOrder.sequential
        /// The recording copied for each request, from the demo month.
        var recording = "016-customer.subscription.created.json"
        /// The data folder, or nil for a temporary one.
        var folder: String?
    }

    /// The options the scenario runs with.
    let options: Options

    /// Runs the three loads and reports rates, latencies, commit sizes and CPU time.
    func run() async throws -> BenchReport {
        let factory = try StripeEventFactory.recording(options.recording, idOrder: options.idOrder)
        let bench = try await BenchRuntime.open(folder: options.folder, synchronous: options.synchronous, httpThreads: options.httpThreads)
        defer { bench.remove() }
        let tenant = try await bench.provisionTenant(slug: "ingest-bench", odoo: BenchRuntime.unusedOdoo)
        let server = bench.runtime.server
        try server.start()
        let noop = HTTPServer(configuration: noopConfiguration(like: server.configuration), logger: .disabled, handler: Self.noopHandler)
        try noop.start()

        var report = BenchReport(scenario: "ingest")
        report.set("load_average_start", ProcessResources.loadAverage() ?? 0, decimals: 2)
        report.set("host_calibration_ms", HostCalibration.milliseconds(), decimals: 1)
        let result: Result
        do {
            result = try await measure(factory: factory, tenant: tenant, runtimePort: server.port ?? 0, noopPort: noop.port ?? 0, bench: bench)
        } catch {
            await noop.stop()
            await server.stop()
            await bench.close()
            throw error
        }
        await noop.stop()
        await server.stop()

        let stored = try await StoredCounts.read(tenant: tenant, runtime: bench.runtime)
        await bench.close()
        describe(result, stored: stored, bodyBytes: factory.template.count, into: &report)
        return report
    }

    /// The three loads' outcomes and the runtime's commit statistics during the closed loop.
    struct Result {
        /// The no-op handler's closed loop.
        var noop: PhaseOutcome
        /// The runtime's closed loop.
        var ingest: PhaseOutcome
        /// The runtime at the paced rate.
        var paced: PhaseOutcome
        /// The paced load's rate, in requests per second.
        var pacedRate: Double
        /// The store's commits during the runtime's closed loop.
        var commits: StoreCommitStatistics
        /// The store's commits during the paced load.
        var pacedCommits: StoreCommitStatistics
    }

    private func measure(factory: StripeEventFactory, tenant: DemoTenant, runtimePort: UInt16, noopPort: UInt16, bench: BenchRuntime) async throws -> Result {
        let template = SignedRequestTemplate(factory: factory, path: tenant.webhookPath, secret: tenant.webhookSecret)
        let connections = options.connections
        let makeRequest: (Int) -> LoadGenerator.RequestFactory = { phase in
            { connection, sequence in
                template.request(number: (phase << 40) + sequence * connections + connection)
            }
        }

        // A short first load fills the tenant and connector caches, so the measured loads find them warm.
        _ = try await PhaseOutcome.measure(LoadGenerator(settings: settings(port: runtimePort, seconds: 0.3, rate: nil), makeRequest: makeRequest(1)))
        let noop = try await PhaseOutcome.measure(LoadGenerator(settings: settings(port: noopPort, seconds: options.seconds, rate: nil), makeRequest: makeRequest(2)))

        let before = await bench.runtime.store.commitStatistics()
        let ingest = try await PhaseOutcome.measure(LoadGenerator(settings: settings(port: runtimePort, seconds: options.seconds, rate: nil), makeRequest: makeRequest(3)))
        let after = await bench.runtime.store.commitStatistics()
        let commits = after.since(before)

        let pacedRate = options.pacedRate ?? max(1, ingest.outcome.requestsPerSecond * options.pacedShare)
        let paced = try await PhaseOutcome.measure(LoadGenerator(settings: settings(port: runtimePort, seconds: options.seconds, rate: pacedRate), makeRequest: makeRequest(4)))
        let pacedCommits = await bench.runtime.store.commitStatistics().since(after)
        return Result(noop: noop, ingest: ingest, paced: paced, pacedRate: pacedRate, commits: commits, pacedCommits: pacedCommits)
    }

    private func settings(port: UInt16, seconds: Double, rate: Double?) -> LoadGenerator.Settings {
        LoadGenerator.Settings(port: port, connections: options.connections, threads: options.loadThreads, seconds: seconds, rate: rate)
    }

    /// Returns the runtime server's configuration with port 0, so the no-op server binds another free port.
    private func noopConfiguration(like configuration: HTTPServerConfiguration) -> HTTPServerConfiguration {
        var noop = configuration
        noop.port = 0
        return noop
    }

    /// Responds to every request at once with a small JSON body, like the runtime's response to a stored event.
    static let noopHandler = HTTPServerHandler.immediate { _, responder in
        responder.respond(.json(["received": 1, "stored": 1, "duplicates": 0]))
    }

    private func describe(_ result: Result, stored: StoredCounts, bodyBytes: Int, into report: inout BenchReport) {
        report.set("events_per_second", result.ingest.outcome.requestsPerSecond, decimals: 0)
        report.set("p50_ms", result.ingest.latency.p50Milliseconds, decimals: 3)
        report.set("p99_ms", result.ingest.latency.p99Milliseconds, decimals: 3)
        report.set("max_ms", result.ingest.latency.maxMilliseconds, decimals: 3)
        report.set("noop_events_per_second", result.noop.outcome.requestsPerSecond, decimals: 0)
        report.set("noop_p50_ms", result.noop.latency.p50Milliseconds, decimals: 3)
        report.set("noop_p99_ms", result.noop.latency.p99Milliseconds, decimals: 3)
        report.set("ingest_to_noop_ratio", result.ingest.outcome.requestsPerSecond / max(1, result.noop.outcome.requestsPerSecond), decimals: 3)
        report.set("paced_target_per_second", result.pacedRate, decimals: 0)
        report.set("paced_events_per_second", result.paced.outcome.requestsPerSecond, decimals: 0)
        report.set("paced_p50_ms", result.paced.latency.p50Milliseconds, decimals: 3)
        report.set("paced_p99_ms", result.paced.latency.p99Milliseconds, decimals: 3)
        report.set("paced_max_ms", result.paced.latency.maxMilliseconds, decimals: 3)
        report.set("failed_requests", .integer(result.noop.outcome.failed + result.ingest.outcome.failed + result.paced.outcome.failed))
        report.set("events_stored", .integer(stored.events))
        report.set("events_duplicate", .integer(stored.duplicates))
        report.set("deliveries_created", .integer(stored.deliveries))
        report.set("deliveries_were_created", .flag(stored.deliveries > 0 && stored.deliveries >= stored.events))
        report.set("commits", .integer(result.commits.commits))
        report.set("events_per_commit", Double(result.commits.writes) / Double(max(1, result.commits.commits)), decimals: 1)
        report.set("background_checkpoints", .integer(result.commits.backgroundCheckpoints))
        report.set("writer_checkpoints", .integer(result.commits.writerCheckpoints))
        report.set("paced_background_checkpoints", .integer(result.pacedCommits.backgroundCheckpoints))
        report.set("paced_writer_checkpoints", .integer(result.pacedCommits.writerCheckpoints))
        report.set("largest_wal_pages", .integer(result.pacedCommits.largestLogPages))
        report.set("cpu_us_per_event", result.ingest.cpuMicrosecondsPerRequest, decimals: 1)
        report.set("noop_cpu_us_per_request", result.noop.cpuMicrosecondsPerRequest, decimals: 1)
        let threads = result.ingest.threadMicrosecondsPerRequest
        report.set("writer_cpu_us_per_event", threads.writer, decimals: 1)
        report.set("http_cpu_us_per_event", threads.http, decimals: 1)
        report.set("resume_cpu_us_per_event", threads.resume, decimals: 1)
        report.set("checkpoint_cpu_us_per_event", threads.checkpoint, decimals: 1)
        report.set("other_cpu_us_per_event", threads.rest, decimals: 1)
        report.set("connections", .integer(options.connections))
        report.set("load_threads", .integer(options.loadThreads))
        report.set("seconds", options.seconds, decimals: 1)
        report.set("body_bytes", .integer(bodyBytes))
        report.set("synchronous", .text(options.synchronous))
        report.set("ids", .text(options.idOrder.rawValue))
        report.set("http_threads", .integer(options.httpThreads))
        report.set("load_average_end", ProcessResources.loadAverage() ?? 0, decimals: 2)
    }
}

/// One load's outcome with its latency percentiles and the process CPU time it took.
struct PhaseOutcome {
    /// The counts and latencies of the load.
    var outcome: LoadGenerator.Outcome
    /// The percentiles of the load's latencies.
    var latency: LatencySummary
    /// Process CPU time (server and load generator together) per successful request, in microseconds.
    var cpuMicrosecondsPerRequest: Double
    /// The share of ``cpuMicrosecondsPerRequest`` of each group of threads, in microseconds per successful request.
    var threadMicrosecondsPerRequest: ThreadShares

    /// Runs `generator` and fails when any request failed, naming the first unexpected status.
    static func measure(_ generator: LoadGenerator) async throws -> PhaseOutcome {
        let cpuBefore = ProcessResources.cpuSeconds()
        let threadsBefore = ThreadCPUTimes.read()
        let outcome = await generator.run()
        let threadsAfter = ThreadCPUTimes.read()
        let cpu = ProcessResources.cpuSeconds() - cpuBefore
        guard outcome.failed == 0 else {
            let status = outcome.firstUnexpectedStatus.map { "status \($0)" } ?? "a closed connection"
            throw BenchError(
                "load port \(generator.settings.port): \(outcome.failed) of \(outcome.failed + outcome.succeeded) requests failed, first with \(status); "
                    + "\(outcome.connectFailures) of \(generator.settings.connections) connections could not be opened",
                hint: "rerun with fewer --connections, or check the runtime's log"
            )
        }
        let perRequest = 1e6 / Double(max(1, outcome.succeeded))
        return PhaseOutcome(
            outcome: outcome, latency: LatencySummary(microseconds: outcome.latencies),
            cpuMicrosecondsPerRequest: cpu * perRequest,
            threadMicrosecondsPerRequest: ThreadShares(process: cpu, before: threadsBefore, after: threadsAfter, scale: perRequest)
        )
    }
}
