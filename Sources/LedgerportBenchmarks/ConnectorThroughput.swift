import Foundation
import LedgerportDemo
import LedgerportHTTPClient
import LedgerportSDK
import OdooConnector

/// Partner upserts through the Odoo connector alone, planned by its batch planner, up to a count or a time.
///
/// Every round plans 100 (or `batch_size`, whichever is larger) new
/// partners with fresh external ids, so each record is a real create.
/// The connector, its HTTP transport and the sandbox are the same in every
/// round; nothing of the runtime runs.
struct ConnectorThroughput {
    /// The sandbox's URL, database and credentials.
    let endpoint: OdooEndpoint
    /// The sandbox, whose CPU time is read around each measurement.
    let sandbox: OdooSandboxProcess
    private let transport = CurlHTTPTransport(threadCount: 2)

    /// Creates a measurement against `sandbox` at `endpoint`, with a libcurl transport of two threads.
    init(endpoint: OdooEndpoint, sandbox: OdooSandboxProcess) {
        self.endpoint = endpoint
        self.sandbox = sandbox
    }

    /// Upserts `records` partners with `batchSize` records per call, or fewer when `seconds` pass first.
    ///
    /// `label` keeps the external ids of two measurements on one sandbox apart.
    func measure(records limit: Int, batchSize: Int, seconds: Double, label: String) async throws -> DeliveryPhase {
        let connector = try makeConnector(batchSize: batchSize)
        _ = try await connector.checkConnection()
        let roundSize = min(limit, max(100, batchSize))

        let cpuBefore = ProcessResources.cpuSeconds()
        let sandboxBefore = sandbox.childCPUSeconds
        let start = ProcessResources.monotonicNanoseconds()
        let deadline = start + UInt64(seconds * 1e9)
        var records = 0
        var round = 0
        while records < limit, ProcessResources.monotonicNanoseconds() < deadline {
            let operations = (0..<min(roundSize, limit - records)).map { Self.partner(label: label, round: round, index: $0) }
            for batch in try connector.plan(operations) where ProcessResources.monotonicNanoseconds() < deadline {
                for outcome in await connector.apply(batch) {
                    if case .failure(let error) = outcome {
                        throw BenchError("deliver: upsert partners \(batch.operations.count) at a time: \(error)")
                    }
                    records += 1
                }
            }
            round += 1
        }
        return DeliveryPhase(
            records: records, unfinished: 0, elapsedSeconds: Double(ProcessResources.monotonicNanoseconds() - start) / 1e9,
            cpuSeconds: ProcessResources.cpuSeconds() - cpuBefore, sandboxCPUSeconds: (sandbox.childCPUSeconds ?? 0) - (sandboxBefore ?? 0)
        )
    }

    private func makeConnector(batchSize: Int) throws -> OdooConnector {
        let values: JSONObject = [
            "base_url": .string(endpoint.url), "database": .string(endpoint.database), "username": .string(endpoint.login),
            "batch_size": .number(JSONNumber(batchSize)),
        ]
        let context = ConnectorContext(
            tenantID: "bench", connectionID: "bench-odoo", environment: "production", http: transport, clock: SystemClock(), logger: .disabled
        )
        return try OdooConnector(configuration: ConnectorConfiguration(values: values, secrets: ["api_key": [endpoint.apiKey]]), context: context)
    }

    private static func partner(label: String, round: Int, index: Int) -> TargetOperation {
        TargetOperation(action: .upsert, model: "res.partner", externalID: "bench_\(label)_\(round)_\(index)", values: [
            "name": .string("Bench Customer \(round)-\(index)"), "email": .string("bench\(round)x\(index)@example.com"), "is_company": .bool(true),
        ])
    }
}
