import Foundation
import LedgerportCrypto
import LedgerportDemo
import LedgerportLog
import LedgerportRuntime
import LedgerportSDK

/// A runtime with its store and master key in a scenario's data folder, built as `ledgerport serve` builds one.
///
/// The folder is a new one under the system's temporary folder unless the
/// scenario names one; a temporary folder is removed by ``remove()``. The
/// runtime is opened but not run: a scenario starts the HTTP server or the
/// delivery engine itself, so that each measures only the parts it names.
final class BenchRuntime: Sendable {
    /// The data folder: `runtime/` for the store, `master.key` for the key.
    let folder: String
    /// The runtime, opened but not running.
    let runtime: Runtime
    private let isTemporary: Bool

    private init(folder: String, runtime: Runtime, isTemporary: Bool) {
        self.folder = folder
        self.runtime = runtime
        self.isTemporary = isTemporary
    }

    /// Opens a runtime in `folder` (created when missing), or in a new temporary folder when nil.
    ///
    /// - Parameters:
    ///   - synchronous: `full` (every commit survives power loss) or `normal`.
    ///   - httpThreads: the libmicrohttpd threads, as `http.threads` sets them.
    ///   - deliveryWorkers: the engine's worker count, as `delivery.workers` sets it.
    ///   - deliveryBatchSize: the deliveries a worker runs together, as `delivery.batch_size` sets it.
    static func open(
        folder: String?, synchronous: String = "full", httpThreads: Int = 2, deliveryWorkers: Int = 16,
        maximumInFlightPerTenant: Int = 4, deliveryBatchSize: Int = 100, logger: Logger = .disabled
    ) async throws -> BenchRuntime {
        let path = folder ?? FileManager.default.temporaryDirectory.appendingPathComponent("ledgerport-bench-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let keyFile = path + "/master.key"
        if !FileManager.default.fileExists(atPath: keyFile) {
            let key = Hex.encode(SecureRandom.bytes(count: 32)) + "\n"
            guard FileManager.default.createFile(atPath: keyFile, contents: Data(key.utf8), attributes: [.posixPermissions: 0o600]) else {
                throw BenchError("write the master key to \(keyFile): the file cannot be created", hint: "check the data folder's permissions")
            }
        }

        var configuration = ServeConfiguration()
        configuration.dataDirectory = path + "/runtime"
        configuration.port = 0
        configuration.masterKeyFile = keyFile
        configuration.sqliteSynchronous = synchronous
        configuration.httpThreads = httpThreads
        configuration.deliveryWorkers = deliveryWorkers
        configuration.maximumInFlightPerTenant = maximumInFlightPerTenant
        configuration.deliveryBatchSize = deliveryBatchSize
        let runtime: Runtime
        do {
            runtime = try await Runtime.open(configuration: configuration, environment: ProcessInfo.processInfo.environment, logger: logger)
        } catch {
            // A temporary folder that no runtime opened would be left in /tmp by every failed start.
            if folder == nil {
                try? FileManager.default.removeItem(atPath: path)
            }
            throw error
        }
        return BenchRuntime(folder: path, runtime: runtime, isTemporary: folder == nil)
    }

    /// Creates a tenant with Stripe and Odoo connections and one approved, active flow per default Stripe mapping, as the demo does.
    ///
    /// - Parameters:
    ///   - odooSettings: further fields of the Odoo connection's configuration, such as its request limits.
    ///   - reloadsRouter: false to leave the flow router as it is, when many tenants are provisioned before one reload.
    func provisionTenant(
        slug: String, odoo: OdooEndpoint, odooSettings: JSONObject = [:], reloadsRouter: Bool = true
    ) async throws -> DemoTenant {
        var provisioner = DemoProvisioner(runtime: runtime, clock: runtime.clock)
        provisioner.odooConfiguration = odooSettings
        provisioner.reloadsRouter = reloadsRouter
        return try await provisioner.provision(slug: slug, odoo: odoo)
    }

    /// Odoo connection limits that the sandbox, not the connection's budget, limits: a rate no run reaches and `concurrent` requests.
    static func unthrottledOdoo(concurrent: Int) -> JSONObject {
        ["max_requests_per_second": 1_000_000, "max_concurrent_requests": .number(JSONNumber(min(16, max(1, concurrent))))]
    }

    /// Closes the store; the runtime must not be running.
    func close() async {
        await runtime.alerts.finishWrites()
        await runtime.store.close()
    }

    /// Removes the data folder when it is a temporary one.
    func remove() {
        if isTemporary {
            // A leftover temporary folder only costs disk space; the measurement is complete.
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    /// An Odoo endpoint for tenants whose deliveries never run: a closed port on 127.0.0.1, which the connectors never contact when built.
    static let unusedOdoo = OdooEndpoint(url: "http://127.0.0.1:9", database: "unused", login: "admin", apiKey: Secret("unused-odoo-api-key"))
}
