import Foundation
import LedgerportHTTPClient
import LedgerportSDK

// Odoo connector benchmark: partner upserts per second, one per call and batched.
//
// Usage: OdooConnectorBench --url http://127.0.0.1:8069 --database sandbox --login admin
//            [--records 200] [--batch-size 100] [--rounds 3]
// The API key comes from ODOO_API_KEY (or a password from ODOO_PASSWORD), never
// from the command line, so it stays out of process listings.

func option(_ name: String, default value: String? = nil) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return value }
    return arguments[index + 1]
}

func runBenchmark() async -> Int32 {
    guard let url = option("--url"), let database = option("--database") else {
        FileHandle.standardError.write(Data("usage: OdooConnectorBench --url URL --database NAME [--login LOGIN] [--records N] [--batch-size N] [--rounds N]\n".utf8))
        return 64
    }
    let environment = ProcessInfo.processInfo.environment
    var secrets = [String: [Secret]]()
    if let key = environment["ODOO_API_KEY"] { secrets["api_key"] = [Secret(key)] }
    if let password = environment["ODOO_PASSWORD"] { secrets["password"] = [Secret(password)] }
    let records = Int(option("--records", default: "200")!) ?? 200
    let batchSize = Int(option("--batch-size", default: "100")!) ?? 100
    let rounds = Int(option("--rounds", default: "3")!) ?? 3

    let benchmark = PartnerThroughput(
        transport: CurlHTTPTransport(threadCount: 2),
        values: ["base_url": .string(url), "database": .string(database), "username": .string(option("--login", default: "admin")!)],
        secrets: secrets
    )
    let runID = String(UInt64(Date().timeIntervalSince1970))
    do {
        for round in 0..<rounds {
            for (mode, size) in [("single", 1), ("batched", batchSize)] {
                let result = try await benchmark.round(mode: mode, records: records, batchSize: size, runID: "\(runID)_\(round)")
                let rate = String(format: "%.1f", result.recordsPerSecond)
                print("round \(round + 1) \(mode) batch_size=\(size): \(result.records) records in \(String(format: "%.2f", result.seconds)) s = \(rate) records/s, \(result.failures) failed")
            }
        }
        return 0
    } catch {
        FileHandle.standardError.write(Data("benchmark failed: \(error)\n".utf8))
        return 1
    }
}

exit(await runBenchmark())
