import Foundation
import LedgerportSDK
import LedgerportStore

/// Delivers through a flow the events its source connection stored while the flow did not take them.
///
/// Ingest stores every verified event, but creates deliveries only for the
/// flows that take it at that moment. Events that arrived before a flow was
/// created, while it was paused, or before a type was added to it stay
/// stored without a delivery (`ledgerport_events_without_flow_total` counts
/// them). This service gives them deliveries under the mapping version now
/// active in the flow's environment. Events that already have a delivery
/// through the flow are left alone, so running it twice delivers nothing twice.
package struct StoredEventDeliverer: Sendable {
    package let store: any Store
    /// Called after deliveries were created, so a running delivery engine looks for them at once.
    package let wake: @Sendable () -> Void

    package init(store: any Store, wake: @escaping @Sendable () -> Void) {
        self.store = store
        self.wake = wake
    }

    /// Creates the deliveries, or only counts them when `dryRun` is true.
    ///
    /// - Throws: ``ConnectorError`` `configuration` when the flow's mapping has no active version;
    ///   ``StoreError`` `not_found` for a missing flow, and `conflict` when the flow is paused or scheduled
    ///   (the store checks that inside its transaction).
    package func deliver(flow id: FlowID, since: Date, dryRun: Bool, tenant: TenantID, actor: String) async throws -> StoredEventDeliveryCount {
        let flow = try await store.flow(id, tenant: tenant)
        let operation = "deliver stored events through flow \"\(id)\""
        guard let activation = try await store.activeMappingVersion(mapping: flow.mappingID, environment: flow.environment, tenant: tenant) else {
            throw ConnectorError.configuration(
                "flow_mapping_not_active",
                "\(operation): mapping \"\(flow.mappingID)\" has no active version in environment \"\(flow.environment)\"",
                hint: "activate a version through a change request first")
        }
        let target = try await store.connection(flow.targetConnectionID, tenant: tenant)
        let request = StoredEventDelivery(
            flow: id, since: since, mapping: activation.mapping, connectorVersion: target.connectorVersion, dryRun: dryRun)
        let count = try await store.deliverStoredEvents(request, tenant: tenant, actor: actor)
        if !dryRun, count.delivered > 0 {
            wake()
        }
        return count
    }
}
