import LedgerportLog
import LedgerportSDK
import OdooConnector

/// Measures how many partner upserts per second the connector writes into an Odoo server, one record per call and batched.
///
/// Each round upserts `records` new partners with fresh external ids, so
/// every record is a real create (no unchanged shortcut). "Single" plans
/// with `batch_size` 1, so each record is one `load` call plus its read-back;
/// "batched" plans with the given batch size. Time is measured with the
/// monotonic clock around `plan` and `apply` only.
struct PartnerThroughput {
    /// The result of one round.
    struct Round {
        var mode: String
        var records: Int
        var seconds: Double
        var failures: Int

        var recordsPerSecond: Double { seconds > 0 ? Double(records) / seconds : 0 }
    }

    var transport: any HTTPTransport
    var values: JSONObject
    var secrets: [String: [Secret]]

    func round(mode: String, records: Int, batchSize: Int, runID: String) async throws -> Round {
        var configuration = values
        configuration["batch_size"] = .number(JSONNumber(batchSize))
        let context = ConnectorContext(
            tenantID: "bench", connectionID: "bench-odoo", environment: "test", http: transport, clock: SystemClock(), logger: .disabled
        )
        let connector = try OdooConnector(configuration: ConnectorConfiguration(values: configuration, secrets: secrets), context: context)
        _ = try await connector.checkConnection()

        let operations = (0..<records).map { index in
            TargetOperation(action: .upsert, model: "res.partner", externalID: "bench_\(runID)_\(mode)_\(index)", values: [
                "name": .string("Bench Customer \(index)"), "email": .string("bench\(index)@example.com"), "is_company": .bool(true),
            ])
        }
        let clock = ContinuousClock()
        var failures = 0
        let elapsed = try await clock.measure {
            for batch in try connector.plan(operations) {
                for outcome in await connector.apply(batch) {
                    if case .failure = outcome { failures += 1 }
                }
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Round(mode: mode, records: records, seconds: seconds, failures: failures)
    }
}
