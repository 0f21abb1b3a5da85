import Foundation
import LedgerportCrypto
import LedgerportDemo
import LedgerportHTTPClient
import LedgerportLog
import LedgerportOdooSandbox
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import StripeConnector

/// A runtime, the Odoo sandbox and one provisioned tenant, all on 127.0.0.1, for tests that exercise the whole path.
final class SystemHarness: @unchecked Sendable {
    let folder: String
    let sandbox: OdooSandboxServer
    let runtime: Runtime
    let tenant: DemoTenant
    let transport: CurlHTTPTransport
    let clock: any WallClock
    private let running: Task<Void, any Error>

    private init(folder: String, sandbox: OdooSandboxServer, runtime: Runtime, tenant: DemoTenant, clock: any WallClock, running: Task<Void, any Error>) {
        self.folder = folder
        self.sandbox = sandbox
        self.runtime = runtime
        self.tenant = tenant
        self.clock = clock
        self.running = running
        transport = CurlHTTPTransport(threadCount: 4)
    }

    /// Starts everything and provisions tenant `northwind` with the default Stripe flows.
    static func start(
        clock: any WallClock = SystemClock(), maximumRequestBytes: Int = 1_048_576, odooConfiguration: JSONObject = [:],
        retryPolicy: RetryPolicy = .standard, deliveryWorkers: Int = 16, maximumInFlightPerTenant: Int = 4, deliveryBatchSize: Int = 100
    ) async throws -> SystemHarness {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ledgerport-system-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        FolderCleanup.removeAtExit(folder)

        var sandboxConfiguration = SandboxConfiguration()
        sandboxConfiguration.clock = clock
        let sandbox = try await OdooSandboxServer.start(configuration: sandboxConfiguration, dataFolder: nil, port: 0)
        let runtime = try await openRuntime(
            folder: folder, clock: clock, maximumRequestBytes: maximumRequestBytes, deliveryWorkers: deliveryWorkers,
            maximumInFlightPerTenant: maximumInFlightPerTenant, deliveryBatchSize: deliveryBatchSize
        )

        var provisioner = DemoProvisioner(runtime: runtime, clock: clock)
        provisioner.odooConfiguration = odooConfiguration
        provisioner.retryPolicy = retryPolicy
        let tenant = try await provisioner.provision(slug: "northwind", odoo: try endpoint(of: sandbox))

        let running = Task { try await runtime.run() }
        for _ in 0..<400 where runtime.port == nil {
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        return SystemHarness(folder: folder, sandbox: sandbox, runtime: runtime, tenant: tenant, clock: clock, running: running)
    }

    /// Opens a runtime on `folder/runtime` with a master key in `folder/master.key`, without running it.
    static func openRuntime(
        folder: String, clock: any WallClock = SystemClock(), maximumRequestBytes: Int = 1_048_576, deliveryWorkers: Int = 16,
        maximumInFlightPerTenant: Int = 4, deliveryBatchSize: Int = 100
    ) async throws -> Runtime {
        let keyFile = folder + "/master.key"
        if !FileManager.default.fileExists(atPath: keyFile) {
            try (Hex.encode(SecureRandom.bytes(count: 32)) + "\n").write(toFile: keyFile, atomically: true, encoding: .utf8)
        }
        var configuration = ServeConfiguration()
        configuration.dataDirectory = folder + "/runtime"
        configuration.port = 0
        configuration.masterKeyFile = keyFile
        configuration.maximumRequestBytes = maximumRequestBytes
        configuration.deliveryWorkers = deliveryWorkers
        configuration.maximumInFlightPerTenant = maximumInFlightPerTenant
        configuration.deliveryBatchSize = deliveryBatchSize
        return try await Runtime.open(
            configuration: configuration, environment: ["LEDGERPORT_SPECS_DIR": Checkout.root + "/connector-specs"],
            logger: .disabled, clock: clock
        )
    }

    static func endpoint(of sandbox: OdooSandboxServer) throws -> OdooEndpoint {
        guard let key = sandbox.sandbox.startupAPIKey else {
            throw HarnessError("the sandbox started without an API key")
        }
        return OdooEndpoint(url: sandbox.url, database: sandbox.sandbox.configuration.databaseName, login: "admin", apiKey: key)
    }

    /// The URL of the tenant's Stripe webhook endpoint.
    var webhookURL: String {
        "http://127.0.0.1:\(runtime.port ?? 0)\(tenant.webhookPath)"
    }

    /// Provisions one more tenant on the same runtime and sandbox.
    func provisionTenant(_ slug: String, odooConfiguration: JSONObject = [:]) async throws -> DemoTenant {
        var provisioner = DemoProvisioner(runtime: runtime, clock: clock)
        provisioner.odooConfiguration = odooConfiguration
        return try await provisioner.provision(slug: slug, odoo: try Self.endpoint(of: sandbox))
    }

    /// Signs `body` with `tenant`'s endpoint secret at the clock's time and posts it to that tenant's endpoint.
    func post(_ body: [UInt8], to tenant: DemoTenant) async throws -> HTTPResponse {
        let timestamp = Int64(clock.now().timeIntervalSince1970.rounded(.down))
        let headers: HTTPHeaders = [
            "Content-Type": "application/json",
            "Stripe-Signature": StripeWebhookSigner.signatureHeader(body: body, timestamp: timestamp, secrets: [tenant.webhookSecret]),
        ]
        let url = "http://127.0.0.1:\(runtime.port ?? 0)\(tenant.webhookPath)"
        return try await transport.send(HTTPRequest(method: "POST", url: url, headers: headers, body: body))
    }

    /// Signs `body` with the endpoint's secret at `signedAt` (the clock's time by default) and posts it.
    func post(_ body: [UInt8], signedAt: Date? = nil, headers extra: HTTPHeaders = [:]) async throws -> HTTPResponse {
        let timestamp = Int64((signedAt ?? clock.now()).timeIntervalSince1970.rounded(.down))
        var headers: HTTPHeaders = [
            "Content-Type": "application/json",
            "Stripe-Signature": StripeWebhookSigner.signatureHeader(body: body, timestamp: timestamp, secrets: [tenant.webhookSecret]),
        ]
        for field in extra {
            headers.replaceOrAdd(name: field.name, value: field.value)
        }
        return try await transport.send(HTTPRequest(method: "POST", url: webhookURL, headers: headers, body: body))
    }

    /// Waits until the tenant has no pending or in-flight delivery, or fails after `timeoutSeconds` of wall time.
    func waitForDeliveries(of tenants: [DemoTenant]? = nil, timeoutSeconds: Double = 60) async throws {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while Date() < deadline {
            var open = 0
            for tenant in tenants ?? [tenant] {
                open += try await runtime.store.deliveries(tenant: tenant.tenant.id, state: .pending, after: nil, limit: 1).count
                open += try await runtime.store.deliveries(tenant: tenant.tenant.id, state: .inFlight, after: nil, limit: 1).count
            }
            if open == 0 {
                return
            }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        throw HarnessError("deliveries still open after \(timeoutSeconds) s")
    }

    /// Waits until the first delivery through `flow` matches `condition`, and returns it; fails after `timeoutSeconds` of wall time.
    func delivery(through flow: FlowID, timeoutSeconds: Double = 30, where condition: (Delivery) -> Bool) async throws -> Delivery {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while Date() < deadline {
            let all = try await runtime.store.deliveries(tenant: tenant.tenant.id, state: nil, after: nil, limit: 100)
            if let delivery = all.first(where: { $0.flowID == flow }), condition(delivery) {
                return delivery
            }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        throw HarnessError("no delivery through flow \"\(flow)\" reached the expected state within \(timeoutSeconds) s")
    }

    /// Counts Odoo records of `model` matching `domain`, asking the sandbox over JSON-RPC as its admin.
    func odooCount(_ model: String, _ domain: JSONValue) async throws -> Int {
        try await OdooProbe(url: sandbox.url, database: sandbox.sandbox.configuration.databaseName, transport: transport)
            .call(model: model, method: "search_count", arguments: [domain]).intValue ?? -1
    }

    func stop() async {
        await stopRuntime()
        await sandbox.stop()
        FolderCleanup.remove(folder)
    }

    /// Stops the runtime as SIGTERM stops `ledgerport serve`, and waits until it has stopped; the store stays readable.
    func stopRuntime() async {
        running.cancel()
        _ = try? await running.value
    }
}

/// A harness setup failure.
struct HarnessError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
