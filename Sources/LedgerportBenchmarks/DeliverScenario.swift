import Foundation
import LedgerportDemo
import LedgerportHTTPClient
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import OdooConnector

/// `deliver`: records per second into the Odoo sandbox over HTTP, and the runtime's CPU time per delivered record.
///
/// Up to four phases, each writing `records` records (or fewer when
/// `seconds` pass first) into a new sandbox:
/// 1. **runtime**: stored `customer.created` events, each with one pending
///    delivery, go through the delivery engine as in production (claim, read
///    the events, translate, map, upsert the partners, record each attempt
///    and its audit entry), with `delivery.batch_size` deliveries per worker.
///    The bench process's CPU time over the phase, divided by the
///    deliveries delivered, is the runtime's CPU time per delivered record.
///    With the sandbox in a child process, it contains none of the sandbox's work.
/// 2. **runtime one by one**: the same with `delivery.batch_size` 1, so every
///    delivery makes its own calls.
/// 3. **connector one by one**: the Odoo connector alone upserts partners
///    planned with `batch_size` 1, one `load` call and one read-back per record.
/// 4. **connector batched**: the same with `batch_size` records per call.
struct DeliverScenario {
    /// A phase of the scenario.
    enum Phase: String, CaseIterable, Sendable {
        /// The delivery engine with `delivery.batch_size` deliveries per worker.
        case runtime
        /// The delivery engine with one delivery per worker.
        case runtimeOneByOne = "runtime-one-by-one"
        /// The Odoo connector alone, one by one and batched.
        case connector
    }

    /// The knobs of the scenario.
    struct Options: Sendable {
        /// The maximum time each phase runs, in seconds.
        var seconds = 10.0
        /// Records each phase writes: events stored and delivered in the runtime phases, partners in the others.
        var records = 2000
        /// Records per call in the batched connector phase.
        var batchSize = 100
        /// Deliveries per worker in the runtime phase, as `delivery.batch_size` sets them.
        var deliveryBatchSize = 100
        /// The phases to run; the connector phase runs both connector measurements.
        var phases = Set(Phase.allCases)
        /// The sandbox's placement: a child process or this process.
        var sandbox = OdooSandboxProcess.Placement.child
        /// The `ledgerport` executable that runs a child sandbox.
        var ledgerportExecutable = BenchExecutables.ledgerport
        /// The delivery engine's workers, as `delivery.workers` sets them.
        var workers = 16
        /// The engine's cap of workers for the one tenant, as `delivery.max_in_flight_per_tenant` sets it.
        var maximumInFlightPerTenant = 4
    }

    /// The options the scenario runs with.
    let options: Options

    /// Runs the chosen phases, each against a new sandbox, and reports their rates and CPU times.
    ///
    /// The sandbox's lookups slow down as its database grows, so a phase
    /// that followed another on one sandbox would be measured against more records.
    func run() async throws -> BenchReport {
        var report = BenchReport(scenario: "deliver")
        report.set("load_average_start", ProcessResources.loadAverage() ?? 0, decimals: 2)
        report.set("host_calibration_ms", HostCalibration.milliseconds(), decimals: 1)
        if options.phases.contains(.runtime) {
            let phase = try await withSandbox { try await measureRuntime(sandbox: $0, deliveryBatchSize: options.deliveryBatchSize) }
            describe(phase, prefix: "runtime", into: &report)
            report.set("delivery_batch_size", .integer(options.deliveryBatchSize))
        }
        if options.phases.contains(.runtimeOneByOne) {
            let phase = try await withSandbox { try await measureRuntime(sandbox: $0, deliveryBatchSize: 1) }
            describe(phase, prefix: "runtime_one_by_one", into: &report)
        }
        if options.phases.contains(.connector) {
            let oneByOne = try await withSandbox { sandbox in
                try await ConnectorThroughput(endpoint: sandbox.endpoint, sandbox: sandbox)
                    .measure(records: options.records, batchSize: 1, seconds: options.seconds, label: "one")
            }
            describe(oneByOne, prefix: "connector_one_by_one", into: &report)
            let batched = try await withSandbox { sandbox in
                try await ConnectorThroughput(endpoint: sandbox.endpoint, sandbox: sandbox)
                    .measure(records: options.records, batchSize: options.batchSize, seconds: options.seconds, label: "batch")
            }
            describe(batched, prefix: "connector_batched", into: &report)
            report.set("batch_size", .integer(options.batchSize))
        }
        report.set("sandbox", .text(options.sandbox.rawValue))
        report.set("seconds", options.seconds, decimals: 1)
        report.set("load_average_end", ProcessResources.loadAverage() ?? 0, decimals: 2)
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
    private func measureRuntime(sandbox: OdooSandboxProcess, deliveryBatchSize: Int) async throws -> DeliveryPhase {
        let bench = try await BenchRuntime.open(
            folder: nil, deliveryWorkers: options.workers, maximumInFlightPerTenant: options.maximumInFlightPerTenant,
            deliveryBatchSize: deliveryBatchSize
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

    /// Adds one phase's fields, named `<prefix>_records_per_second` and so on.
    private func describe(_ phase: DeliveryPhase, prefix: String, into report: inout BenchReport) {
        report.set("\(prefix)_records", .integer(phase.records))
        report.set("\(prefix)_records_per_second", phase.recordsPerSecond, decimals: 1)
        report.set("\(prefix)_cpu_us_per_record", phase.cpuMicrosecondsPerRecord, decimals: 1)
        report.set("\(prefix)_sandbox_cpu_us_per_record", phase.sandboxCPUMicrosecondsPerRecord, decimals: 1)
        if phase.unfinished > 0 {
            report.set("\(prefix)_not_delivered", .integer(phase.unfinished))
        }
    }
}

/// The records, time and CPU time of one delivery phase, for this process and for the sandbox.
struct DeliveryPhase {
    /// Records written (deliveries delivered, or partners upserted).
    var records: Int
    /// Deliveries still pending or in flight when the phase ended.
    var unfinished: Int
    /// The wall time of the phase, in seconds.
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
