import Foundation
import LedgerportDemo
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `replay`: a large dead-letter set replayed and delivered into the Odoo sandbox.
///
/// The setup parks `deadLetters` deliveries of `customer.created` events
/// the way a wrong Odoo API key would: each is claimed and its attempt
/// recorded as parked with reason `configuration`. The setup writes through
/// the store, not through failing HTTP calls, so it is fast; what follows is
/// the real path. The measurement starts the delivery engine and replays
/// every parked dead letter through the runtime's dead-letter service, as
/// the admin API's bulk replay does (500 per request). It stops when the
/// engine has delivered them all or `seconds` pass.
struct ReplayScenario {
    /// The knobs of the scenario.
    struct Options: Sendable {
        /// The maximum time the replay and its deliveries may take, in seconds.
        var seconds = 120.0
        /// Parked deliveries to replay.
        var deadLetters = 10_000
        /// The sandbox's placement: a child process or this process.
        var sandbox = OdooSandboxProcess.Placement.child
        /// The `ledgerport` executable that runs a child sandbox.
        var ledgerportExecutable = BenchExecutables.ledgerport
        /// The delivery engine's workers.
        var workers = 16
        /// The engine's cap of deliveries in flight for the one tenant.
        var maximumInFlightPerTenant = 4
    }

    /// The options the scenario runs with.
    let options: Options

    /// Parks the deliveries, replays them, and reports how long marking them and delivering them took.
    func run() async throws -> BenchReport {
        let sandbox = try await OdooSandboxProcess.start(options.sandbox, executable: options.ledgerportExecutable)
        let bench: BenchRuntime
        do {
            bench = try await BenchRuntime.open(folder: nil, deliveryWorkers: options.workers, maximumInFlightPerTenant: options.maximumInFlightPerTenant)
        } catch {
            await sandbox.stop()
            throw error
        }
        defer { bench.remove() }
        var report = BenchReport(scenario: "replay")
        report.set("load_average_start", ProcessResources.loadAverage() ?? 0, decimals: 2)
        do {
            let result = try await measure(bench: bench, sandbox: sandbox)
            describe(result, into: &report)
        } catch {
            await bench.close()
            await sandbox.stop()
            throw error
        }
        await bench.close()
        await sandbox.stop()
        return report
    }

    /// The timings of one replay.
    struct Result {
        /// Deliveries parked by the setup.
        var parked: Int
        /// Dead letters the service replayed.
        var replayed: Int
        /// Replays that failed.
        var failed: Int
        /// The time the replays took, in seconds.
        var markSeconds: Double
        /// The delivery of the replayed deliveries, from the engine's start.
        var delivery: DeliveryPhase
    }

    private func measure(bench: BenchRuntime, sandbox: OdooSandboxProcess) async throws -> Result {
        let tenant = try await bench.provisionTenant(
            slug: "replay-bench", odoo: sandbox.endpoint, odooSettings: BenchRuntime.unthrottledOdoo(concurrent: options.maximumInFlightPerTenant)
        )
        let factory = try StripeEventFactory.recording("008-customer.created.json")
        let store = bench.runtime.store
        _ = try await EventSeeder(runtime: bench.runtime, tenant: tenant, factory: factory).seed(0..<options.deadLetters)
        let parked = try await DeadLetterSeeder(store: store, tenant: tenant.tenant.id, clock: bench.runtime.clock).parkAllPending()
        guard let flow = tenant.flows.first(where: { $0.nativeEventTypes.contains(factory.eventType) }) else {
            throw BenchError("replay: no flow of the tenant takes \(factory.eventType) events")
        }

        let watch = DeliveryWatch(runtime: bench.runtime, tenant: tenant, flows: [flow.id], sandbox: sandbox)
        let marking = ReplayMarking(service: bench.runtime.deadLetters, tenant: tenant.tenant.id)
        let (delivery, marked) = try await watch.runEngine(until: parked, seconds: options.seconds) {
            try await marking.replayAll()
        }
        return Result(parked: parked, replayed: marked.replayed, failed: marked.failed, markSeconds: marked.seconds, delivery: delivery)
    }

    private func describe(_ result: Result, into report: inout BenchReport) {
        report.set("dead_letters", .integer(result.parked))
        report.set("replayed", .integer(result.replayed))
        report.set("replay_failures", .integer(result.failed))
        report.set("delivered", .integer(result.delivery.records))
        report.set("not_delivered", .integer(result.parked - result.delivery.records))
        report.set("replay_mark_seconds", result.markSeconds, decimals: 2)
        report.set("replay_marks_per_second", Double(result.replayed) / max(result.markSeconds, 1e-9), decimals: 0)
        report.set("replay_total_seconds", result.delivery.elapsedSeconds, decimals: 2)
        report.set("records_per_second", result.delivery.recordsPerSecond, decimals: 1)
        report.set("runtime_cpu_us_per_record", result.delivery.cpuMicrosecondsPerRecord, decimals: 1)
        report.set("sandbox_cpu_us_per_record", result.delivery.sandboxCPUMicrosecondsPerRecord, decimals: 1)
        report.set("sandbox", .text(options.sandbox.rawValue))
        report.set("seconds", options.seconds, decimals: 1)
        report.set("load_average_end", ProcessResources.loadAverage() ?? 0, decimals: 2)
    }
}
