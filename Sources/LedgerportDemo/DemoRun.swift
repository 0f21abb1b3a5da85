import Foundation
import LedgerportCrypto
import LedgerportHTTPClient
import LedgerportLog
import LedgerportOdooSandbox
import LedgerportRuntime
import LedgerportSDK
import LedgerportSecrets
import LedgerportStore

/// `ledgerport demo`: the whole path on real input, on loopback, in one process.
///
/// It starts the Odoo sandbox (or uses the Odoo given), opens a runtime with
/// SQLite in the data folder, provisions a tenant through the governance
/// workflow, posts a month of signed Stripe webhooks over HTTP (late,
/// duplicated and out of order), waits for every delivery, and reads the
/// records back from Odoo to compare them with the source per currency.
package enum DemoRun {
    package static func run(_ options: DemoOptions, environment: [String: String], logger: Logger) async throws -> DemoSummary {
        let folder = try DemoFolder(keeping: options.dataDirectory)
        defer { folder.removeIfTemporary() }

        let sandbox: OdooSandboxServer? = options.odoo == nil ? try await startSandbox(folder: folder, logger: logger) : nil
        let odoo = try options.odoo ?? sandboxEndpoint(sandbox!)
        let runtime = try await openRuntime(folder: folder, options: options, environment: environment, logger: logger)

        let running = Task { try await runtime.run() }
        var summary: DemoSummary
        do {
            try await waitUntilListening(runtime)
            summary = try await play(runtime: runtime, odoo: odoo, options: options)
        } catch {
            running.cancel()
            _ = try? await running.value
            await sandbox?.stop()
            throw error
        }
        running.cancel()
        _ = try? await running.value
        await sandbox?.stop()

        summary.dataDirectory = options.dataDirectory == nil ? nil : folder.path
        summary.odooIsSandbox = sandbox != nil
        return summary
    }

    private static func play(runtime: Runtime, odoo: OdooEndpoint, options: DemoOptions) async throws -> DemoSummary {
        let tenant = try await DemoProvisioner(runtime: runtime, clock: runtime.clock).provision(slug: "northwind", odoo: odoo)
        let events = try DemoEvents.load()
        let (_, target) = try await runtime.connectors.target(tenant: tenant.tenant.id, connection: tenant.odooConnection)
        // A wrong key or URL fails here once, instead of parking every delivery with the same message.
        _ = try await target.checkConnection()
        let expectations = try await DemoExpectations.compute(events: events.events, runtime: runtime, tenant: tenant)
        if options.odoo != nil, !options.allowsRepeat,
            let earlier = try await DemoEarlierRun(odoo: odoo, transport: runtime.transport).find(expectations)
        {
            throw DemoError(
                "Odoo at \(odoo.url), database \"\(odoo.database)\", already contains \(earlier.model) \(earlier.qualifiedID) from an earlier demo run; "
                    + "each run creates a new tenant, so this one would post every partner, invoice and payment of the month a second time. "
                    + "Use an empty database, or pass --allow-repeat to post them again")
        }
        let sender = DemoSender(
            url: "http://127.0.0.1:\(runtime.port ?? 0)\(tenant.webhookPath)", secret: tenant.webhookSecret,
            transport: runtime.transport, clock: runtime.clock
        )
        let receipts = try await sender.send(events.sendingPlan())
        try await waitForDeliveries(runtime: runtime, tenant: tenant.tenant.id, timeoutSeconds: options.timeoutSeconds)

        var summary = try await DemoTally.count(runtime: runtime, tenant: tenant, receipts: receipts)
        let readBack = try await DemoReadBack.read(expectations, target: target)
        DemoTally.compare(readBack, parkedEventIDs: try await DemoTally.parkedEventIDs(runtime: runtime, tenant: tenant), into: &summary)
        summary.odooURL = odoo.url
        return summary
    }

    private static func startSandbox(folder: DemoFolder, logger: Logger) async throws -> OdooSandboxServer {
        var configuration = SandboxConfiguration()
        configuration.logger = logger
        return try await OdooSandboxServer.start(configuration: configuration, dataFolder: folder.path + "/odoo-sandbox", port: 0)
    }

    private static func sandboxEndpoint(_ server: OdooSandboxServer) throws -> OdooEndpoint {
        guard let key = server.sandbox.startupAPIKey else {
            throw DemoError("the Odoo sandbox started without an API key")
        }
        return OdooEndpoint(url: server.url, database: server.sandbox.configuration.databaseName, login: "admin", apiKey: key)
    }

    private static func openRuntime(folder: DemoFolder, options: DemoOptions, environment: [String: String], logger: Logger) async throws -> Runtime {
        let keyFile = folder.path + "/master.key"
        if !FileManager.default.fileExists(atPath: keyFile) {
            let key = Hex.encode(SecureRandom.bytes(count: 32))
            guard FileManager.default.createFile(atPath: keyFile, contents: Data((key + "\n").utf8), attributes: [.posixPermissions: 0o600]) else {
                throw DemoError("cannot write the master key to \(keyFile); check the data folder's permissions")
            }
        }
        var configuration = ServeConfiguration()
        configuration.dataDirectory = folder.path + "/runtime"
        configuration.port = 0
        configuration.masterKeyFile = keyFile
        configuration.specsDirectory = options.specsDirectory
        return try await Runtime.open(configuration: configuration, environment: environment, logger: logger)
    }

    private static func waitUntilListening(_ runtime: Runtime) async throws {
        for _ in 0..<200 where runtime.port == nil {
            try await Task.sleep(nanoseconds: 25_000_000)
        }
        guard runtime.port != nil else {
            throw DemoError("the runtime did not start listening within 5 s")
        }
    }

    /// Waits until the tenant has no pending or in-flight delivery left.
    private static func waitForDeliveries(runtime: Runtime, tenant: TenantID, timeoutSeconds: Double) async throws {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while Date() < deadline {
            let pending = try await runtime.store.deliveries(tenant: tenant, state: .pending, after: nil, limit: 1)
            let inFlight = try await runtime.store.deliveries(tenant: tenant, state: .inFlight, after: nil, limit: 1)
            if pending.isEmpty, inFlight.isEmpty {
                return
            }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
    }
}

/// A demo failure that is not a connector's or the store's.
struct DemoError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
