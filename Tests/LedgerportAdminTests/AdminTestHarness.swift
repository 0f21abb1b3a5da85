import Foundation
import LedgerportCrypto
import LedgerportHTTPClient
import LedgerportLog
import LedgerportMapping
import LedgerportOdooSandbox
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import StripeConnector

/// A runtime on 127.0.0.1 with its SQLite store in a temporary folder, writing to the Odoo sandbox, for admin API tests.
///
/// The runtime's clock is a ``ManualClock`` that starts at the real time
/// (Stripe signatures are checked against it) and moves only when a test
/// advances it. Use ``withHarness(_:)``, which stops everything and removes
/// the folder also when the test fails.
final class AdminTestHarness: @unchecked Sendable {
    static let proposer = "revops@northwind.example"
    static let reviewers = ["controller@northwind.example", "cfo@northwind.example"]
    static let customerMappingID = MappingID(rawValue: "stripe-customers")
    static let customerFlowID = FlowID(rawValue: "stripe-customers")

    let folder: String
    let clock: ManualClock
    let sandbox: OdooSandboxServer
    let runtime: Runtime
    let configuration: ServeConfiguration
    private let running: Task<Void, any Error>

    private init(
        folder: String, clock: ManualClock, sandbox: OdooSandboxServer, runtime: Runtime, configuration: ServeConfiguration,
        running: Task<Void, any Error>
    ) {
        self.folder = folder
        self.clock = clock
        self.sandbox = sandbox
        self.runtime = runtime
        self.configuration = configuration
        self.running = running
    }

    /// - Parameters:
    ///   - connectionURLHosts: serve's `admin.connection_url_hosts`.
    ///   - metricsRequireToken: serve's `metrics.require_token`.
    static func start(logger: Logger = .disabled, connectionURLHosts: [String] = [], metricsRequireToken: Bool = true) async throws -> AdminTestHarness {
        let folder = NSTemporaryDirectory() + "ledgerport-admin-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        do {
            return try await start(in: folder, logger: logger, connectionURLHosts: connectionURLHosts, metricsRequireToken: metricsRequireToken)
        } catch {
            // A runtime that failed to open leaves no folder behind.
            try? FileManager.default.removeItem(atPath: folder)
            throw error
        }
    }

    private static func start(
        in folder: String, logger: Logger, connectionURLHosts: [String], metricsRequireToken: Bool
    ) async throws -> AdminTestHarness {
        let keyFile = folder + "/master.key"
        guard FileManager.default.createFile(atPath: keyFile, contents: Data(Hex.encode(SecureRandom.bytes(count: 32)).utf8)) else {
            throw HarnessError("cannot write the master key file \(keyFile)")
        }

        let sandbox = try await OdooSandboxServer.start(configuration: SandboxConfiguration(), dataFolder: folder + "/odoo", port: 0)
        var configuration = ServeConfiguration()
        configuration.dataDirectory = folder + "/runtime"
        configuration.port = 0
        configuration.masterKeyFile = keyFile
        configuration.specsDirectory = specsDirectory
        configuration.sqliteSynchronous = "normal"
        configuration.connectionURLHosts = connectionURLHosts
        configuration.metricsRequireToken = metricsRequireToken
        let clock = ManualClock(Date())
        let runtime: Runtime
        do {
            runtime = try await Runtime.open(configuration: configuration, environment: [:], logger: logger, clock: clock)
        } catch {
            await sandbox.stop()
            throw error
        }
        let running = Task { try await runtime.run() }
        for _ in 0..<400 where runtime.port == nil || !runtime.readiness.isReady {
            try await Task.sleep(nanoseconds: 25_000_000)
        }
        return AdminTestHarness(folder: folder, clock: clock, sandbox: sandbox, runtime: runtime, configuration: configuration, running: running)
    }

    /// Stops the running runtime and opens a new one on the same data folder, as a restart of `ledgerport serve` does.
    ///
    /// The new runtime does not listen or deliver; close it with `closeReopened(_:)`.
    func stopAndReopenRuntime() async throws -> Runtime {
        running.cancel()
        _ = try? await running.value
        return try await Runtime.open(configuration: configuration, environment: [:], logger: .disabled, clock: clock)
    }

    /// Closes a runtime from ``stopAndReopenRuntime()``.
    func closeReopened(_ reopened: Runtime) async {
        await reopened.alerts.finishWrites()
        await reopened.store.close()
    }

    func stop() async {
        running.cancel()
        _ = try? await running.value
        await sandbox.stop()
        try? FileManager.default.removeItem(atPath: folder)
    }

    static var specsDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("connector-specs").path
    }

    // MARK: Provisioning

    /// Creates a tenant with a Stripe and an Odoo connection and the approved customer mapping's flow.
    func provisionTenant(slug: String) async throws -> ProvisionedTenant {
        let store = runtime.store
        let tenant = try await store.createTenant(NewTenant(slug: slug, displayName: slug.capitalized, timeZone: "Europe/Berlin"), actor: Self.proposer)
        let webhookSecret = Secret("whsec_" + Hex.encode(SecureRandom.bytes(count: 16)))
        let now = clock.now()

        let stripeID = ConnectionID(rawValue: "stripe-main")
        let stripeSecrets = [
            try runtime.vault.seal(Secret("sk_test_not_used"), field: "api_key", connection: stripeID, tenant: tenant.id, activeFrom: now),
            try runtime.vault.seal(webhookSecret, field: "webhook_signing_secret", connection: stripeID, tenant: tenant.id, activeFrom: now),
        ]
        _ = try await store.createConnection(
            NewConnection(
                id: stripeID, environment: .production, connectorID: "stripe", connectorVersion: SemanticVersion(major: 1, minor: 0, patch: 0),
                configuration: ["api_base_url": "http://127.0.0.1:9", "api_version": "2017-08-15"], secretValues: stripeSecrets
            ),
            tenant: tenant.id, actor: Self.proposer
        )
        let odooID = ConnectionID(rawValue: "odoo-main")
        let odooKey = try runtime.vault.seal(sandbox.sandbox.startupAPIKey!, field: "api_key", connection: odooID, tenant: tenant.id, activeFrom: now)
        _ = try await store.createConnection(
            NewConnection(
                id: odooID, environment: .production, connectorID: "odoo", connectorVersion: SemanticVersion(major: 1, minor: 0, patch: 0),
                configuration: [
                    "base_url": .string(sandbox.url), "database": .string(sandbox.sandbox.configuration.databaseName), "username": "admin",
                ],
                secretValues: [odooKey]
            ),
            tenant: tenant.id, actor: Self.proposer
        )

        let version = try await publishCustomerMapping(tenant: tenant.id, version: "1.0.0")
        try await approveAndApply(version.reference, tenant: tenant.id)
        let mapping = try await runtime.mappings.mapping(version.reference, tenant: tenant.id)
        _ = try await runtime.flowProvisioner.createFlow(
            id: Self.customerFlowID, environment: .production, source: stripeID, target: odooID, mapping: mapping,
            mappingID: Self.customerMappingID, tenant: tenant.id, actor: Self.proposer
        )
        try await runtime.router.reload()
        return ProvisionedTenant(tenant: tenant, webhookSecret: webhookSecret)
    }

    /// Publishes the default customer mapping under `version`; any version but 1.0.0 writes `ref` as `stripe:<id>`.
    func publishCustomerMapping(tenant: TenantID, version: String) async throws -> MappingVersion {
        let (document, file) = try Self.customerMappingDocument(version: version)
        return try await runtime.mappingPublisher.publish(
            document, file: file, mappingID: Self.customerMappingID, tenant: tenant, actor: Self.proposer
        )
    }

    /// Publishes version 1.1.0 of the customer mapping and proposes its activation in production, as ``proposer``.
    func proposeCustomerMappingChange(tenant: TenantID) async throws -> ChangeRequest {
        let newer = try await publishCustomerMapping(tenant: tenant, version: "1.1.0")
        return try await ChangeRequestWorkflow(store: runtime.store).proposeActivation(
            of: newer.reference, environment: .production, summary: "Prefix refs", evidence: [:], tenant: tenant, proposer: Self.proposer
        )
    }

    /// Returns the default customer mapping's document under `version`, as ``publishCustomerMapping(tenant:version:)``
    /// publishes it, with its file's path in the repository.
    static func customerMappingDocument(version: String) throws -> (document: JSONValue, file: String) {
        guard let entry = try DefaultMappings.list().first(where: { $0.name == "stripe_customer_to_odoo" }) else {
            throw HarnessError("the default customer mapping is missing from the build")
        }
        var document = try JSONParser.parse(Array(try Data(contentsOf: entry.url)))
        if version != "1.0.0" {
            document = withPrefixedReference(document, version: version)
        }
        return (document, entry.repositoryPath)
    }

    /// Proposes, approves (two board members) and, when `applying`, applies the activation of `version` in production.
    @discardableResult
    func approveAndApply(_ version: MappingVersionReference, tenant: TenantID, applying: Bool = true) async throws -> ChangeRequest {
        let workflow = ChangeRequestWorkflow(store: runtime.store)
        var request = try await workflow.proposeActivation(
            of: version, environment: .production, summary: "Activate \(version.mappingID) version \(version.version)", evidence: [:],
            tenant: tenant, proposer: Self.proposer
        )
        for reviewer in Self.reviewers {
            request = try await workflow.decide(.approve, comment: "Reviewed", reviewer: reviewer, request: request.id, tenant: tenant)
        }
        if applying {
            _ = try await workflow.apply(request.id, tenant: tenant, actor: Self.proposer)
            try await runtime.router.reload()
        }
        return request
    }

    private static func withPrefixedReference(_ document: JSONValue, version: String) -> JSONValue {
        guard case .object(var root) = document, case .array(var operations)? = root["operations"],
            case .object(var upsert) = operations[0], case .object(var values)? = upsert["values"]
        else {
            preconditionFailure("the customer mapping's first operation has values")
        }
        values["ref"] = ["concat": ["stripe:", ["path": "object.id"]]]
        upsert["values"] = .object(values)
        operations[0] = .object(upsert)
        root["operations"] = .array(operations)
        root["version"] = .string(version)
        return .object(root)
    }

    func token(tenant: TenantID?, role: APIRole, name: String) async throws -> String {
        let (_, secret) = try await APITokenService(store: runtime.store).create(tenant: tenant, role: role, name: name, actor: "test")
        return secret.revealText()
    }

    // MARK: HTTP

    /// Sends a request to the runtime and parses the JSON reply.
    func request(_ method: String, _ path: String, token: String?, body: JSONValue? = nil) async throws -> (status: Int, json: JSONValue) {
        var headers: HTTPHeaders = ["Content-Type": "application/json"]
        if let token {
            headers.replaceOrAdd(name: "Authorization", value: "Bearer \(token)")
        }
        let response = try await runtime.transport.send(HTTPRequest(
            method: method, url: "http://127.0.0.1:\(runtime.port ?? 0)\(path)", headers: headers,
            body: body.map { JSONWriter.bytes($0) } ?? []
        ))
        let json = response.body.isEmpty ? JSONValue.null : try JSONParser.parse(response.body)
        return (response.status, json)
    }

    /// Posts a signed `customer.created` webhook for `customerID`; returns the HTTP status.
    @discardableResult
    func postCustomerCreated(_ tenant: ProvisionedTenant, customerID: String, eventID: String) async throws -> Int {
        let template = try String(contentsOf: Self.fixture("customer.created.json"), encoding: .utf8)
        let body = Array(template.replacingOccurrences(of: "cus_IOAbXWYWoh3P46", with: customerID)
            .replacingOccurrences(of: "evt_5oX6NlySRa64gr", with: eventID).utf8)
        return try await postSigned(body, to: tenant)
    }

    /// Posts the fixture `name` as a signed webhook, unchanged; returns the HTTP status.
    @discardableResult
    func postFixture(_ name: String, to tenant: ProvisionedTenant) async throws -> Int {
        try await postSigned(Array(try Data(contentsOf: Self.fixture(name))), to: tenant)
    }

    /// Posts `body` signed with the tenant's webhook secret; returns the HTTP status.
    @discardableResult
    func postSigned(_ body: [UInt8], to tenant: ProvisionedTenant) async throws -> Int {
        let timestamp = Int64(clock.now().timeIntervalSince1970.rounded(.down))
        let response = try await runtime.transport.send(HTTPRequest(
            method: "POST", url: "http://127.0.0.1:\(runtime.port ?? 0)/webhooks/\(tenant.tenant.slug)/production/stripe-main",
            headers: [
                "Content-Type": "application/json; charset=utf-8",
                "Stripe-Signature": StripeWebhookSigner.signatureHeader(body: body, timestamp: timestamp, secrets: [tenant.webhookSecret]),
            ],
            body: body
        ))
        return response.status
    }

    /// Makes the next `count` calls on Odoo partners fail with an access error, which the connector classifies as configuration.
    func failNextPartnerCalls(_ count: Int) {
        sandbox.sandbox.injectFault(OdooFault(.accessError, "You are not allowed to modify 'Contact' (res.partner) records."), count: count, model: "res.partner")
    }

    /// Waits until the tenant has no pending or in-flight delivery; throws after 30 s so a stuck delivery fails the test instead of hanging it.
    func waitForIdle(_ tenant: TenantID) async throws {
        for _ in 0..<1_200 {
            let pending = try await runtime.store.deliveries(tenant: tenant, state: .pending, after: nil, limit: 1)
            let inFlight = try await runtime.store.deliveries(tenant: tenant, state: .inFlight, after: nil, limit: 1)
            if pending.isEmpty, inFlight.isEmpty {
                return
            }
            try await Task.sleep(nanoseconds: 25_000_000)
        }
        throw HarnessError("deliveries of tenant \(tenant) still open after 30 s")
    }

    static func fixture(_ name: String) -> URL {
        Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!
    }
}

/// A provisioned tenant and the secret its Stripe endpoint verifies.
struct ProvisionedTenant: Sendable {
    let tenant: Tenant
    let webhookSecret: Secret

    var path: String {
        "/admin/tenants/\(tenant.slug)"
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Runs `body` with a started harness and stops it afterwards, also when `body` throws.
func withHarness(
    logger: Logger = .disabled, connectionURLHosts: [String] = [], metricsRequireToken: Bool = true, _ body: (AdminTestHarness) async throws -> Void
) async throws {
    let harness = try await AdminTestHarness.start(logger: logger, connectionURLHosts: connectionURLHosts, metricsRequireToken: metricsRequireToken)
    do {
        try await body(harness)
    } catch {
        await harness.stop()
        throw error
    }
    await harness.stop()
}
