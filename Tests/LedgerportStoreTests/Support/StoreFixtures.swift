import Foundation
import LedgerportSDK
import LedgerportStore

/// Small builders for the rows most tests need.
enum StoreFixtures {
    static let actor = "test:alice"

    /// Creates a tenant named `slug` in `Europe/Paris`.
    static func tenant(_ store: any Store, _ slug: String) async throws -> Tenant {
        try await store.createTenant(NewTenant(slug: slug, displayName: "\(slug.capitalized) Ltd", timeZone: "Europe/Paris"), actor: actor)
    }

    /// Creates a Stripe connection `id` in the tenant's test environment.
    @discardableResult
    static func connection(
        _ store: any Store, tenant: Tenant, id: ConnectionID = "stripe-test", environment: EnvironmentName = .test
    ) async throws -> Connection {
        try await store.createConnection(
            NewConnection(
                id: id, environment: environment, connectorID: "stripe", connectorVersion: SemanticVersion(major: 1, minor: 0, patch: 0),
                configuration: ["account": "acct_1"]),
            tenant: tenant.id, actor: actor)
    }

    /// Creates an Odoo connection `id` in `environment`, the target of ``flow(_:source:target:)`` flows.
    @discardableResult
    static func odooConnection(
        _ store: any Store, tenant: Tenant, id: ConnectionID = "odoo-test", environment: EnvironmentName = .test
    ) async throws -> Connection {
        try await store.createConnection(
            NewConnection(
                id: id, environment: environment, connectorID: "odoo", connectorVersion: SemanticVersion(major: 17, minor: 0, patch: 0),
                configuration: ["base_url": "http://127.0.0.1:8069"]),
            tenant: tenant.id, actor: actor)
    }

    /// Builds a real-time flow `id` in the test environment from `source` to `target` through mapping `invoices`.
    static func flow(_ id: FlowID = "invoices", source: ConnectionID = "stripe-test", target: ConnectionID = "odoo-test") -> NewFlow {
        NewFlow(
            id: id, environment: .test, sourceConnectionID: source, targetConnectionID: target, mappingID: "invoices",
            nativeEventTypes: ["invoice.paid"], retryPolicy: ["maximum_attempts": 8])
    }

    /// Builds a flow `id` that runs daily at 02:00, for schedule runs.
    static func scheduledFlow(_ id: FlowID = "usage-import") -> NewFlow {
        var flow = flow(id)
        flow.mode = .scheduled
        flow.schedule = ["daily_at": "02:00"]
        return flow
    }

    /// Builds an event with source id `sourceID` whose body is a small JSON object, with the given deliveries.
    static func event(
        _ sourceID: String, connection: ConnectionID = "stripe-test", receivedAt: Date = Date(timeIntervalSince1970: 1_767_225_600),
        deliveries: [NewDelivery] = []
    ) -> NewEvent {
        NewEvent(
            connectionID: connection, sourceEventID: sourceID, eventType: "invoice.paid", receivedAt: receivedAt,
            correlationID: "corr-\(sourceID)", body: Array("{\"id\":\"\(sourceID)\"}".utf8), orderingKey: "invoice:in_1",
            deliveries: deliveries)
    }

    /// Builds a delivery through flow `invoices` for the business object `orderingKey`, due at `notBefore`.
    static func delivery(
        _ orderingKey: String = "invoice:in_1", orderingVersion: Int64 = 0, notBefore: Date = Date(timeIntervalSince1970: 1_767_225_600)
    ) -> NewDelivery {
        NewDelivery(flowID: "invoices", orderingKey: orderingKey, orderingVersion: orderingVersion, notBefore: notBefore)
    }

    /// Ingests one event with one delivery and returns the delivery's id.
    static func pendingDelivery(
        _ store: any Store, tenant: Tenant, sourceID: String, orderingKey: String = "invoice:in_1", orderingVersion: Int64 = 0,
        clock: ManualClock
    ) async throws -> DeliveryID {
        let outcomes = try await store.insertEvents(
            [event(sourceID, deliveries: [delivery(orderingKey, orderingVersion: orderingVersion, notBefore: clock.now())])], tenant: tenant.id)
        guard case .stored(_, let deliveries) = outcomes.first, let id = deliveries.first else {
            throw StoreError(.storageFailure, "fixture event \"\(sourceID)\" was not stored")
        }
        return id
    }
}
