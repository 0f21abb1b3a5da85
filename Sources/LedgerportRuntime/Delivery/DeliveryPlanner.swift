import Foundation
import LedgerportMapping
import LedgerportSDK
import LedgerportStore

/// Turns stored events into the target operations of their flows under their mapping versions, without applying them.
///
/// It translates each event with the flow's source connector (a scheduled
/// flow's events are stored canonical already). It skips every canonical
/// event whose object already has a newer applied version in the flow, so an
/// older state never overwrites a newer one. Then it evaluates the mapping.
/// The delivery processor applies what it returns; a replay's dry run only
/// shows it. Planning several events at once reads the applied versions of
/// all their objects with one query per flow. Reads the store, never writes.
struct DeliveryPlanner: Sendable {
    let store: any Store
    let connectors: ConnectorHost
    let mappings: MappingCatalog
    /// The alerts that a failure to translate raises on the flow's source connection. Dry runs pass nil, so they raise none.
    var alerts: (book: AlertBook, clock: any WallClock)?

    /// The operations, the object versions they apply and the canonical events skipped as stale.
    struct Plan: Sendable {
        var operations: [TargetOperation] = []
        var appliedVersions: [AppliedObjectVersion] = []
        var staleStates: [StaleState] = []

        /// The ids of the canonical events skipped as stale.
        var skippedStale: [String] {
            staleStates.map(\.eventID)
        }
    }

    /// A canonical event skipped because its object already has a newer applied version in the flow.
    struct StaleState: Sendable {
        var eventID: String
        /// The object's key, such as `invoice:in_1`.
        var objectKey: String
        /// The event's version of the object.
        var version: Int64
        /// The newer version already applied.
        var appliedVersion: Int64
    }

    /// One event to plan: the stored event, the flow it goes through and its source connection, and the mapping version to evaluate.
    struct Request: Sendable {
        var event: StoredEvent
        var mapping: MappingVersionReference
        var flowID: FlowID
        var sourceConnectionID: ConnectionID
    }

    /// Plans `event` for `flow` under `reference`; throws a classified error when the event cannot be translated or mapped.
    func plan(_ event: StoredEvent, mapping reference: MappingVersionReference, flow: Flow, tenant: Tenant) async throws -> Plan {
        let request = Request(event: event, mapping: reference, flowID: flow.id, sourceConnectionID: flow.sourceConnectionID)
        return try await plan([request], tenant: tenant)[0].get()
    }

    /// Plans each request of one tenant; returns, in order, each plan or the error that prevented it.
    ///
    /// The requests are read in place by index, and each mapping version is looked up once per call,
    /// because copying a request or a compiled mapping retains every string and array in it.
    func plan(_ requests: [Request], tenant: Tenant) async -> [Result<Plan, any Error>] {
        var translated = [Result<[CanonicalEvent], any Error>]()
        translated.reserveCapacity(requests.count)
        var compiled = [MappingVersionReference: CompiledMapping]()
        for index in requests.indices {
            let events: [CanonicalEvent]
            do {
                events = try await translate(requests[index].event, sourceConnection: requests[index].sourceConnectionID, tenant: tenant)
            } catch {
                recordTranslationFailure(error, sourceConnection: requests[index].sourceConnectionID, tenant: tenant)
                translated.append(.failure(error))
                continue
            }
            if let alerts {
                alerts.book.recordTranslated(tenantSlug: tenant.slug, connectionID: requests[index].sourceConnectionID.rawValue)
            }
            let reference = requests[index].mapping
            if compiled.index(forKey: reference) == nil {
                do {
                    compiled[reference] = CompiledMapping(try await mappings.mapping(reference, tenant: tenant.id))
                } catch {
                    translated.append(.failure(error))
                    continue
                }
            }
            translated.append(.success(events))
        }

        let applied: [FlowID: [String: Int64]]
        do {
            applied = try await appliedVersions(of: requests, translated: translated, mappings: compiled, tenant: tenant)
        } catch {
            return requests.map { _ in .failure(error) }
        }
        let context: EvaluationContext
        do throws(MappingEvaluationError) {
            context = try EvaluationContext(tenantID: tenant.slug, timeZoneIdentifier: tenant.timeZone)
        } catch {
            return requests.map { _ in .failure(error.connectorError) }
        }
        var plans = [Result<Plan, any Error>]()
        plans.reserveCapacity(requests.count)
        for index in requests.indices {
            switch translated[index] {
            case .failure(let error):
                plans.append(.failure(error))
            case .success(let events):
                guard let compiledMapping = compiled[requests[index].mapping] else {
                    preconditionFailure("a translated request has its compiled mapping")
                }
                plans.append(Result {
                    try evaluate(events, mapping: compiledMapping.mapping, context: context, applied: applied[requests[index].flowID] ?? [:])
                })
            }
        }
        return plans
    }

    /// Raises the source connection's alert for a failure that an operator must look into: an event the connector
    /// cannot read (system) or a source connection it cannot use (configuration).
    private func recordTranslationFailure(_ error: any Error, sourceConnection: ConnectionID, tenant: Tenant) {
        guard let alerts else { return }
        let classified = DeliveryProcessor.classify(error)
        guard classified.failureClass == .system || classified.failureClass == .configuration else { return }
        alerts.book.recordFailure(
            tenantID: tenant.id, tenantSlug: tenant.slug, connectionID: sourceConnection.rawValue, error: classified, origin: .translation,
            connector: .source, at: alerts.clock.now())
    }

    /// Translates a stored event with the flow's source connector; a scheduled flow's events are stored canonical already.
    func translate(_ event: StoredEvent, flow: Flow, tenant: Tenant) async throws -> [CanonicalEvent] {
        try await translate(event, sourceConnection: flow.sourceConnectionID, tenant: tenant)
    }

    /// Translates a stored event with the source connector of `sourceConnection`.
    func translate(_ event: StoredEvent, sourceConnection: ConnectionID, tenant: Tenant) async throws -> [CanonicalEvent] {
        guard let payload = event.payload else {
            throw ConnectorError.system(
                "payload_removed", "deliver event \"\(event.sourceEventID)\": its payload was removed by the retention setting",
                hint: "fetch the object again with a backfill, or raise ingest.payload_retention_days"
            )
        }
        if CanonicalEventPayload.isCanonical(eventType: event.eventType) {
            return [try CanonicalEventPayload.decode(payload, eventID: event.sourceEventID)]
        }
        let (_, source) = try await connectors.source(tenant: tenant.id, connection: sourceConnection)
        let native = NativeEvent(eventID: event.sourceEventID, eventType: event.eventType, payload: payload, receivedAt: event.receivedAt)
        return try await source.translate(native)
    }

    /// Reads the applied versions of every object the translated events would change, with one query per flow.
    private func appliedVersions(
        of requests: [Request], translated: [Result<[CanonicalEvent], any Error>],
        mappings compiled: [MappingVersionReference: CompiledMapping], tenant: Tenant
    ) async throws -> [FlowID: [String: Int64]] {
        var keysByFlow = [FlowID: Set<String>]()
        for index in requests.indices {
            guard case .success(let events) = translated[index], let compiledMapping = compiled[requests[index].mapping] else { continue }
            for event in events where compiledMapping.mapping.handles(event) {
                keysByFlow[requests[index].flowID, default: []].insert(Self.objectKey(of: event))
            }
        }
        var versions = [FlowID: [String: Int64]]()
        for (flow, keys) in keysByFlow {
            versions[flow] = try await store.appliedVersions(objectKeys: keys.sorted(), flow: flow, tenant: tenant.id)
        }
        return versions
    }

    /// Evaluates the mapping for every canonical event it handles whose state is not stale.
    private func evaluate(
        _ events: [CanonicalEvent], mapping: LedgerportMapping.Mapping, context: EvaluationContext, applied: [String: Int64]
    ) throws -> Plan {
        var plan = Plan()
        for event in events where mapping.handles(event) {
            let objectKey = Self.objectKey(of: event)
            if let version = applied[objectKey], version > event.ordering.version {
                plan.staleStates.append(StaleState(eventID: event.id, objectKey: objectKey, version: event.ordering.version, appliedVersion: version))
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

    /// The key the applied version of `event`'s object is stored under, such as `invoice:in_1`.
    private static func objectKey(of event: CanonicalEvent) -> String {
        "\(event.object.objectType.rawValue):\(event.object.id)"
    }
}

/// A compiled mapping shared by the requests of one batch without copying it, since a copy retains every string and array in it.
private final class CompiledMapping: Sendable {
    let mapping: LedgerportMapping.Mapping

    init(_ mapping: LedgerportMapping.Mapping) {
        self.mapping = mapping
    }
}
