import Foundation
import LedgerportLog
import LedgerportMapping
import LedgerportSDK
import LedgerportStore

/// Turns a stored event into the target operations of one flow under one mapping version, without applying them.
///
/// It translates the event with the flow's source connector (a scheduled
/// flow's events are stored canonical already), skips every
/// canonical event whose object already has a newer applied version in the
/// flow (an older state never overwrites a newer one), and evaluates the
/// mapping. The delivery processor applies what it returns; a replay's dry
/// run only shows it. Reads the store, never writes.
struct DeliveryPlanner: Sendable {
    let store: any Store
    let connectors: ConnectorHost
    let mappings: MappingCatalog

    /// The operations, the object versions they apply and the canonical events skipped as stale.
    struct Plan: Sendable {
        var operations: [TargetOperation] = []
        var appliedVersions: [AppliedObjectVersion] = []
        var skippedStale: [String] = []
    }

    /// Plans `event` for `flow` under `reference`; throws a classified error when the event cannot be translated or mapped.
    func plan(_ event: StoredEvent, mapping reference: MappingVersionReference, flow: Flow, tenant: Tenant, logger: Logger) async throws -> Plan {
        guard let payload = event.payload else {
            throw ConnectorError.system(
                "payload_removed", "deliver event \"\(event.sourceEventID)\": its payload was removed by the retention setting",
                hint: "fetch the object again with a backfill, or raise ingest.payload_retention_days"
            )
        }
        let canonicalEvents: [CanonicalEvent]
        if CanonicalEventPayload.isCanonical(eventType: event.eventType) {
            canonicalEvents = [try CanonicalEventPayload.decode(payload, eventID: event.sourceEventID)]
        } else {
            let (_, source) = try await connectors.source(tenant: tenant.id, connection: flow.sourceConnectionID)
            let native = NativeEvent(eventID: event.sourceEventID, eventType: event.eventType, payload: payload, receivedAt: event.receivedAt)
            canonicalEvents = try await source.translate(native)
        }
        let mapping = try await mappings.mapping(reference, tenant: tenant.id)
        return try await evaluate(canonicalEvents, mapping: mapping, flow: flow, tenant: tenant, logger: logger)
    }

    /// Evaluates the mapping for every canonical event it handles whose state is not stale.
    private func evaluate(
        _ events: [CanonicalEvent], mapping: LedgerportMapping.Mapping, flow: Flow, tenant: Tenant, logger: Logger
    ) async throws -> Plan {
        let context: EvaluationContext
        do throws(MappingEvaluationError) {
            context = try EvaluationContext(tenantID: tenant.slug, timeZoneIdentifier: tenant.timeZone)
        } catch {
            throw error.connectorError
        }
        var plan = Plan()
        for event in events where mapping.handles(event) {
            let objectKey = "\(event.object.objectType.rawValue):\(event.object.id)"
            if let applied = try await store.appliedVersion(objectKey: objectKey, flow: flow.id, tenant: tenant.id), applied > event.ordering.version {
                plan.skippedStale.append(event.id)
                logger.info("skipped stale object state", metadata: ["object.key": .string(objectKey), "object.version": .integer(event.ordering.version), "object.applied_version": .integer(applied)])
                continue
            }
            do throws(MappingEvaluationError) {
                plan.operations += try MappingEvaluator.evaluate(mapping, event: event, context: context)
            } catch {
                throw error.connectorError
            }
            plan.appliedVersions.append(AppliedObjectVersion(objectKey: objectKey, version: event.ordering.version))
        }
        return plan
    }
}
