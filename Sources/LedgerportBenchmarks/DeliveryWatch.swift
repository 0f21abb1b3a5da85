import Foundation
import LedgerportDemo
import LedgerportRuntime
import LedgerportStore

/// Runs the runtime's delivery engine and watches its counters until the expected deliveries are done.
///
/// The counters are the runtime's own (`ledgerport_deliveries_delivered_total`
/// and `ledgerport_deliveries_parked_total` of the tenant's flows), read every
/// 10 ms, so watching costs no store query.
struct DeliveryWatch {
    /// The runtime whose engine runs and whose counters are read.
    let runtime: Runtime
    /// The tenant whose deliveries are counted.
    let tenant: DemoTenant
    /// The flows whose deliveries are counted.
    let flows: [FlowID]
    /// The sandbox, whose CPU time is read around the phase.
    let sandbox: OdooSandboxProcess

    /// Starts the engine, waits until `expected` deliveries are delivered or parked or `seconds` pass, then stops it.
    ///
    /// Throws when a delivery was parked, with the first dead letter's message, since every record is expected to arrive.
    func runEngine(until expected: Int, seconds: Double) async throws -> DeliveryPhase {
        try await runEngine(until: expected, seconds: seconds) {}.phase
    }

    /// Starts the engine, runs `afterStart` (such as a replay that makes deliveries due), then waits as ``runEngine(until:seconds:)`` does.
    ///
    /// The phase's time and CPU time include `afterStart`.
    func runEngine<Value>(
        until expected: Int, seconds: Double, afterStart: () async throws -> Value
    ) async throws -> (phase: DeliveryPhase, value: Value) {
        let baseline = counts()
        let cpuBefore = ProcessResources.cpuSeconds()
        let sandboxBefore = sandbox.childCPUSeconds
        let start = ProcessResources.monotonicNanoseconds()
        let deadline = start + UInt64(seconds * 1e9)
        let engine = Task { await runtime.engine.run() }
        let value: Value
        do {
            value = try await afterStart()
        } catch {
            engine.cancel()
            await engine.value
            throw error
        }

        var current = baseline
        while current.finished - baseline.finished < expected, ProcessResources.monotonicNanoseconds() < deadline {
            try? await Task.sleep(nanoseconds: 10_000_000)
            current = counts()
        }
        let elapsed = Double(ProcessResources.monotonicNanoseconds() - start) / 1e9
        let cpu = ProcessResources.cpuSeconds() - cpuBefore
        let sandboxCPU = (sandbox.childCPUSeconds ?? 0) - (sandboxBefore ?? 0)
        engine.cancel()
        await engine.value

        if current.parked > baseline.parked {
            throw BenchError("deliver: \(current.parked - baseline.parked) deliveries were parked; first: \(try await firstDeadLetterMessage())")
        }
        let delivered = current.delivered - baseline.delivered
        let phase = DeliveryPhase(
            records: delivered, unfinished: expected - delivered, elapsedSeconds: elapsed, cpuSeconds: cpu, sandboxCPUSeconds: sandboxCPU
        )
        return (phase, value)
    }

    /// Deliveries delivered and parked so far in the watched flows.
    private func counts() -> (delivered: Int, parked: Int, finished: Int) {
        var delivered = 0.0
        var parked = 0.0
        for flow in flows {
            delivered += runtime.metrics.value("ledgerport_deliveries_delivered_total", labels: ["tenant": tenant.tenant.slug, "flow": flow.rawValue])
            for reason in DeadLetterReason.allCases {
                parked += runtime.metrics.value(
                    "ledgerport_deliveries_parked_total", labels: ["tenant": tenant.tenant.slug, "flow": flow.rawValue, "reason": reason.rawValue]
                )
            }
        }
        return (Int(delivered), Int(parked), Int(delivered + parked))
    }

    private func firstDeadLetterMessage() async throws -> String {
        let letters = try await runtime.store.deadLetters(tenant: tenant.tenant.id, filter: DeadLetterFilter(), after: nil, limit: 1)
        return letters.first.map { "\($0.reason.rawValue): \($0.message)" } ?? "no dead letter found"
    }
}
