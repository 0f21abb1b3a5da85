import Foundation
import LedgerportCrypto
import LedgerportMapping
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// Sets up a tenant the way its people would: connections, published mappings, approved change requests, flows.
///
/// The revenue-ops engineer proposes activating each default Stripe mapping
/// in production; two governance board members approve; the engineer applies
/// the approved requests. Nothing is activated without that approval.
package struct DemoProvisioner {
    package let runtime: Runtime
    package let clock: any WallClock
    /// Extra configuration of the Odoo connection, such as `max_requests_per_second`.
    package var odooConfiguration: JSONObject = [:]
    /// The retry policy of every flow created.
    package var retryPolicy: RetryPolicy = .standard
    /// Whether ``provision(slug:odoo:)`` ends by reloading the runtime's flow router, so the tenant's flows take webhooks at once.
    ///
    /// A reload reads the flows of every tenant, so a caller that provisions
    /// thousands of tenants turns it off and reloads once at the end.
    package var reloadsRouter = true

    package init(runtime: Runtime, clock: any WallClock) {
        self.runtime = runtime
        self.clock = clock
    }

    package static let proposer = "revops@northwind.example"
    package static let reviewers = ["controller@northwind.example", "cfo@northwind.example"]

    package func provision(slug: String, odoo: OdooEndpoint) async throws -> DemoTenant {
        let store = runtime.store
        let environment = EnvironmentName.production
        let tenant = try await store.createTenant(NewTenant(slug: slug, displayName: "Northwind Analytics", timeZone: "Europe/Berlin"), actor: Self.proposer)

        let webhookSecret = Secret("whsec_" + MessageAuthentication.hex(SecureRandom.bytes(count: 24)))
        let stripe = try await createStripeConnection(tenant: tenant.id, environment: environment, webhookSecret: webhookSecret)
        let odooConnection = try await createOdooConnection(tenant: tenant.id, environment: environment, odoo: odoo)

        var flows = [Flow]()
        var requests = [ChangeRequest]()
        for entry in try DefaultMappings.list() where entry.name.hasPrefix("stripe_") {
            let (flow, request) = try await activate(entry, tenant: tenant.id, environment: environment, source: stripe, target: odooConnection)
            flows.append(flow)
            requests.append(request)
        }
        if reloadsRouter {
            try await runtime.router.reload()
        }
        return DemoTenant(
            tenant: tenant, environment: environment, stripeConnection: stripe, odooConnection: odooConnection,
            webhookSecret: webhookSecret, flows: flows, changeRequests: requests
        )
    }

    private func createStripeConnection(tenant: TenantID, environment: EnvironmentName, webhookSecret: Secret) async throws -> ConnectionID {
        let id = ConnectionID(rawValue: "stripe-main")
        let now = clock.now()
        let secrets = [
            // The demo never calls Stripe's API: its events carry every line, and the base URL points at a closed loopback port.
            try runtime.vault.seal(Secret("sk_test_demo_not_a_real_key"), field: "api_key", connection: id, tenant: tenant, activeFrom: now),
            try runtime.vault.seal(webhookSecret, field: "webhook_signing_secret", connection: id, tenant: tenant, activeFrom: now),
        ]
        let connection = NewConnection(
            id: id, environment: environment, connectorID: "stripe", connectorVersion: SemanticVersion(major: 1, minor: 0, patch: 0),
            configuration: ["api_base_url": "http://127.0.0.1:9", "api_version": "2017-08-15"], secretValues: secrets
        )
        return try await runtime.store.createConnection(connection, tenant: tenant, actor: DemoProvisioner.proposer).id
    }

    private func createOdooConnection(tenant: TenantID, environment: EnvironmentName, odoo: OdooEndpoint) async throws -> ConnectionID {
        let id = ConnectionID(rawValue: "odoo-main")
        let secret = try runtime.vault.seal(odoo.apiKey, field: "api_key", connection: id, tenant: tenant, activeFrom: clock.now())
        let connection = NewConnection(
            id: id, environment: environment, connectorID: "odoo", connectorVersion: SemanticVersion(major: 1, minor: 0, patch: 0),
            configuration: .object(odooConfiguration.merging(
                ["base_url": .string(odoo.url), "database": .string(odoo.database), "username": .string(odoo.login)]
            ) { _, base in base }),
            secretValues: [secret]
        )
        return try await runtime.store.createConnection(connection, tenant: tenant, actor: DemoProvisioner.proposer).id
    }

    /// Publishes one default mapping, takes its activation through review, and creates its flow.
    private func activate(
        _ entry: DefaultMappings.Entry, tenant: TenantID, environment: EnvironmentName, source: ConnectionID, target: ConnectionID
    ) async throws -> (Flow, ChangeRequest) {
        let document = try JSONParser.parse(Array(try Data(contentsOf: entry.url)))
        let mappingID = MappingID(rawValue: entry.name.replacingOccurrences(of: "_", with: "-"))
        let version = try await runtime.mappingPublisher.publish(document, file: entry.repositoryPath, mappingID: mappingID, tenant: tenant, actor: Self.proposer)

        let workflow = ChangeRequestWorkflow(store: runtime.store, quorum: Self.reviewers.count)
        let evidence: JSONValue = ["validation": "passed", "digest": .string(version.digest), "file": .string(entry.repositoryPath)]
        var request = try await workflow.proposeActivation(
            of: version.reference, environment: environment, summary: "Activate \(entry.name) \(entry.version) in production",
            evidence: evidence, tenant: tenant, proposer: Self.proposer
        )
        for reviewer in Self.reviewers {
            request = try await workflow.decide(.approve, comment: "Reviewed the mapping and its dry run", reviewer: reviewer, request: request.id, tenant: tenant)
        }
        _ = try await workflow.apply(request.id, tenant: tenant, actor: Self.proposer)
        request = try await runtime.store.changeRequest(request.id, tenant: tenant)

        let mapping = try await runtime.mappings.mapping(version.reference, tenant: tenant)
        let flow = try await runtime.flowProvisioner.createFlow(
            id: FlowID(rawValue: mappingID.rawValue), environment: environment, source: source, target: target, mapping: mapping,
            mappingID: mappingID, retryPolicy: retryPolicy, tenant: tenant, actor: Self.proposer
        )
        return (flow, request)
    }
}
