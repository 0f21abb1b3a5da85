import Foundation
import LedgerportCore
import LedgerportMapping
import LedgerportSDK
import LedgerportStore

/// Creates flows, deriving the native event types each takes from its source spec and its mapping.
///
/// A flow is created only once a version of its mapping is active in the
/// flow's environment, that is after the governance board approved it: a
/// flow without one would store its events and deliver none.
///
/// A flow takes exactly the source's native event types whose canonical
/// types its mapping handles (per the source spec's `event_types`), so a
/// Stripe invoice flow receives `invoice.*` webhooks and not customer ones,
/// and no delivery is created for an event its mapping would not read.
package struct FlowProvisioner: Sendable {
    package let store: any Store
    package let registry: ConnectorRegistry

    /// Creates a flow from a source connection, through a stored mapping version, to a target connection.
    package func createFlow(
        id: FlowID, environment: EnvironmentName, source: ConnectionID, target: ConnectionID, mapping: LedgerportMapping.Mapping,
        mappingID: MappingID, mode: FlowMode = .realtime, schedule: FlowSchedule? = nil, retryPolicy: RetryPolicy = .standard,
        tenant: TenantID, actor: String
    ) async throws -> Flow {
        let sourceConnection = try await ConnectionLookup.connection(
            source, operation: "create flow \"\(id)\" with source connection \"\(source)\"", tenant: tenant, store: store)
        guard let entry = registry.entry(id: sourceConnection.connectorID, version: sourceConnection.connectorVersion),
            entry.spec.spec.kind == .source
        else {
            throw ConnectorError.configuration(
                "flow_source_invalid", "create flow \"\(id)\": connection \"\(source)\" is not a source connection of this build",
                hint: "pass a Stripe or HubSpot connection as the source"
            )
        }
        let targetConnection = try await ConnectionLookup.connection(
            target, operation: "create flow \"\(id)\" with target connection \"\(target)\"", tenant: tenant, store: store)
        if let violation = FlowEnvironmentRule.violation(flow: id, environment: environment, source: sourceConnection, target: targetConnection) {
            throw violation
        }
        guard try await store.activeMappingVersion(mapping: mappingID, environment: environment, tenant: tenant) != nil else {
            throw try await mappingNotActive(flow: id, mapping: mappingID, environment: environment, tenant: tenant)
        }
        let nativeTypes = entry.spec.spec.nativeEventTypes(handling: Set(mapping.source.eventTypes))
        guard !nativeTypes.isEmpty else {
            throw ConnectorError.configuration(
                "flow_takes_no_events",
                "create flow \"\(id)\": \(entry.reference) emits none of the event types mapping \(mapping.identity) handles",
                hint: "choose a mapping for this source's objects"
            )
        }
        if mode == .scheduled {
            guard schedule != nil else {
                throw ConnectorError.configuration(
                    "flow_schedule_missing", "create flow \"\(id)\": a scheduled flow needs a schedule",
                    hint: "give one of \(FlowSchedule.forms)")
            }
            let listable = entry.spec.spec.objects.filter { $0.backfill && $0.canonicalObject == mapping.source.objectType }
            guard !listable.isEmpty else {
                throw ConnectorError.configuration(
                    "flow_source_cannot_list",
                    "create flow \"\(id)\": \(entry.reference) cannot list \(mapping.source.objectType) objects, "
                        + "so a scheduled run of mapping \(mapping.identity) would find nothing",
                    hint: "create a real-time flow for this mapping, or schedule a mapping of objects the source can list")
            }
        }
        let flow = NewFlow(
            id: id, environment: environment, sourceConnectionID: source, targetConnectionID: target, mappingID: mappingID,
            nativeEventTypes: nativeTypes, mode: mode, schedule: try schedule.map { try JSONValueEncoder().encode($0) },
            retryPolicy: try JSONValueEncoder().encode(retryPolicy)
        )
        return try await store.createFlow(flow, tenant: tenant, actor: actor)
    }

    /// Returns the error for a flow whose mapping has no active version, naming the change request that would activate one if it exists.
    private func mappingNotActive(flow id: FlowID, mapping: MappingID, environment: EnvironmentName, tenant: TenantID) async throws -> ConnectorError {
        let slug = try await store.tenant(tenant).slug
        let message = "create flow \"\(id)\": mapping \"\(mapping)\" has no active version in environment \"\(environment)\", "
            + "so the flow would store its events and deliver none"
        let pending = try await store.changeRequests(tenant: tenant, state: nil).first { request in
            (request.state == .open || request.state == .approved) && request.environment == environment
                && request.subject["mapping_id"]?.stringValue == mapping.rawValue
        }
        guard let pending else {
            return ConnectorError.configuration(
                "flow_mapping_not_active", message,
                hint: "activate a version first: \"ledgerport change-request propose --tenant \(slug) --mapping \(mapping) --version N "
                    + "--environment \(environment) --summary TEXT\", two approvals, then \"ledgerport change-request apply ID --tenant \(slug)\""
            )
        }
        let version = pending.subject["version"]?.intValue.map { " version \($0)" } ?? ""
        let step =
            pending.state == .approved
            ? "it is approved: apply it with \"ledgerport change-request apply \(pending.id) --tenant \(slug) --as <email>\""
            : "it is open: once two board members other than its proposer approve it, apply it with "
                + "\"ledgerport change-request apply \(pending.id) --tenant \(slug) --as <email>\""
        return ConnectorError.configuration(
            "flow_mapping_not_active", message,
            hint: "change request \(pending.id) proposes activating\(version) there; \(step), then create the flow")
    }
}
