import Foundation
import LedgerportDemo
import LedgerportHTTPClient
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import OdooConnector

/// `deliver`: records per second into the Odoo sandbox over HTTP, and the runtime's CPU time per delivered record.
///
/// Three phases, each writing `records` records (or fewer when `seconds`
/// pass first) into a new sandbox:
/// 1. **runtime**: stored `customer.created` events, each with one pending
///    delivery, go through the delivery engine as in production (claim,
///    read the event, translate, map, upsert one partner, record the
///    attempt and its audit entry). The bench process's CPU time over the
///    phase, divided by the deliveries delivered, is the runtime's CPU time
///    per delivered record; with the sandbox in a child process it contains
///    none of the sandbox's work.
/// 2. **one by one**: the Odoo connector alone upserts partners planned with
///    `batch_size` 1, one `load` call and one read-back per record.
/// 3. **batched**: the same with `batch_size` records per call.
struct DeliverScenario {
    /// The knobs of the scenario.
    struct Options: Sendable {
        /// The longest each phase runs, in seconds.
        var seconds = 10.0
        /// Records each phase writes: events stored and delivered in the runtime phase, partners in the others.
        var records = 2000
        /// Records per call in the batched phase.
        var batchSize = 100
        /// Where the sandbox runs.
        var sandbox = OdooSandboxProcess.Placement.child
        /// The `ledgerport` executable that runs a child sandbox.
        var ledgerportExecutable = BenchExecutables.ledgerport
        /// The delivery engine's workers, as `delivery.workers` sets them.
        var workers = 16
        /// The engine's cap of deliveries in flight for the one tenant, as `delivery.max_in_flight_per_tenant` sets it.
        var maximumInFlightPerTenant = 4
    }

    let options: Options

    /// Runs the three phases, each against a new sandbox, and reports their rates and CPU times.
    ///
    /// The sandbox's lookups slow down as its database grows, so a phase
    /// that followed another on one sandbox would be measured against more records.
    func run() async throws -> BenchReport {
        var report = BenchReport(scenario: "deliver")
        report.set("load_average_start", ProcessResources.loadAverage() ?? 0, decimals: 2)
        let runtimePhase = try await withSandbox { try await measureRuntime(sandbox: $0) }
        let oneByOne = try await withSandbox { sandbox in
            try await ConnectorThroughput(endpoint: sandbox.endpoint, sandbox: sandbox)
                .measure(records: options.records, batchSize: 1, seconds: options.seconds, label: "one")
        }
        let batched = try await withSandbox { sandbox in
            try await ConnectorThroughput(endpoint: sandbox.endpoint, sandbox: sandbox)
                .measure(records: options.records, batchSize: options.batchSize, seconds: options.seconds, label: "batch")
        }
        describe(runtime: runtimePhase, oneByOne: oneByOne, batched: batched, into: &report)
        return report
    }

    /// Runs `body` against a new sandbox and stops the sandbox afterwards, also when `body` throws.
    private func withSandbox(_ body: (OdooSandboxProcess) async throws -> DeliveryPhase) async throws -> DeliveryPhase {
        let sandbox = try await OdooSandboxProcess.start(options.sandbox, executable: options.ledgerportExecutable)
        do {
            let phase = try await body(sandbox)
            await sandbox.stop()
            return phase
        } catch {
            await sandbox.stop()
            throw error
        }
    }

    /// Stores the events, runs the engine until they are delivered or the time is up, and reads the CPU times.
    private func measureRuntime(sandbox: OdooSandboxProcess) async throws -> DeliveryPhase {
        let bench = try await BenchRuntime.open(
            folder: nil, deliveryWorkers: options.workers, maximumInFlightPerTenant: options.maximumInFlightPerTenant
        )
        defer { bench.remove() }
        let tenant = try await bench.provisionTenant(
            slug: "deliver-bench", odoo: sandbox.endpoint, odooSettings: BenchRuntime.unthrottledOdoo(concurrent: options.maximumInFlightPerTenant)
        )
        let factory = try StripeEventFactory.recording("008-customer.created.json")
        let seeded = try await EventSeeder(runtime: bench.runtime, tenant: tenant, factory: factory).seed(0..<options.records)
        guard let flow = tenant.flows.first(where: { $0.nativeEventTypes.contains(factory.eventType) }) else {
            await bench.close()
            throw BenchError("deliver: no flow of the tenant takes \(factory.eventType) events")
        }

        let watch = DeliveryWatch(runtime: bench.runtime, tenant: tenant, flows: [flow.id], sandbox: sandbox)
        do {
            let phase = try await watch.runEngine(until: seeded, seconds: options.seconds)
            await bench.close()
            return phase
        } catch {
            await bench.close()
            throw error
        }
    }

    private func describe(runtime: DeliveryPhase, oneByOne: DeliveryPhase, batched: DeliveryPhase, into report: inout BenchReport) {
        report.set("runtime_records_per_second", runtime.recordsPerSecond, decimals: 1)
        report.set("runtime_cpu_us_per_record", runtime.cpuMicrosecondsPerRecord, decimals: 1)
        report.set("runtime_records_delivered", .integer(runtime.records))
        report.set("runtime_deliveries_not_delivered", .integer(runtime.unfinished))
        report.set("sandbox_cpu_us_per_record", runtime.sandboxCPUMicrosecondsPerRecord, decimals: 1)
        report.set("one_by_one_records", .integer(oneByOne.records))
        report.set("one_by_one_records_per_second", oneByOne.recordsPerSecond, decimals: 1)
        report.set("one_by_one_cpu_us_per_record", oneByOne.cpuMicrosecondsPerRecord, decimals: 1)
        report.set("batched_records", .integer(batched.records))
        report.set("batched_records_per_second", batched.recordsPerSecond, decimals: 1)
        report.set("batched_cpu_us_per_record", batched.cpuMicrosecondsPerRecord, decimals: 1)
        report.set("batch_size", .integer(options.batchSize))
        report.set("sandbox", .text(options.sandbox.rawValue))
        report.set("seconds", options.seconds, decimals: 1)
        report.set("load_average_end", ProcessResources.loadAverage() ?? 0, decimals: 2)
    }
}

/// What one delivery phase did: records written, time, and CPU time of this process and of the sandbox.
struct DeliveryPhase {
    /// Records written (deliveries delivered, or partners upserted).
    var records: Int
    /// Deliveries still pending or in flight when the phase ended.
    var unfinished: Int
    var elapsedSeconds: Double
    /// CPU time of this process over the phase, in seconds.
    var cpuSeconds: Double
    /// CPU time of the child sandbox over the phase, in seconds; 0 when it runs in this process.
    var sandboxCPUSeconds: Double

    /// Records per second of wall time.
    var recordsPerSecond: Double {
        elapsedSeconds > 0 ? Double(records) / elapsedSeconds : 0
    }

    /// This process's CPU time per record, in microseconds.
    var cpuMicrosecondsPerRecord: Double {
        records > 0 ? cpuSeconds * 1e6 / Double(records) : 0
    }

    /// The sandbox's CPU time per record, in microseconds.
    var sandboxCPUMicrosecondsPerRecord: Double {
        records > 0 ? sandboxCPUSeconds * 1e6 / Double(records) : 0
    }
}
