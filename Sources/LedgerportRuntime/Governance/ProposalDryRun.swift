import Foundation
import LedgerportLog
import LedgerportMapping
import LedgerportSDK
import LedgerportStore

/// Runs a proposed mapping version, and the version in force, over a tenant's newest stored events, for a change request's evidence.
///
/// The events come from the source connections of the environment's flows
/// that use the mapping, at most ``eventsPerConnection`` of each and of the
/// types those flows take, and are
/// translated as a delivery would translate them. Without such a flow, the
/// flows of other environments lend their events. A new mapping has no flow
/// anywhere, so its events come from the environment's source connections
/// that emit event types the mapping reads. The result gives what a
/// reviewer needs before approving: how many operations the change adds,
/// removes and changes, the first changed fields, and the amounts per
/// currency under each version. It never writes to the store or calls a target.
package struct ProposalDryRun: Sendable {
    let planner: DeliveryPlanner

    /// The newest events read from each source connection.
    package static let eventsPerConnection = 20
    /// The maximum number of operation changes kept in the evidence; the counts cover them all.
    package static let keptChanges = 20

    package init(store: any Store, connectors: ConnectorHost, mappings: MappingCatalog) {
        planner = DeliveryPlanner(store: store, connectors: connectors, mappings: mappings)
    }

    /// Builds the `dry_run` member of a proposal's evidence.
    ///
    /// An event that cannot be translated is counted in `events_unreadable` and left out. Any other failure gives a
    /// `problem` member instead of failing the proposal.
    package func evidence(
        proposed: MappingVersionReference, inForce: MappingVersionReference?, environment: EnvironmentName, tenant: Tenant
    ) async -> JSONValue {
        do {
            return try await run(proposed: proposed, inForce: inForce, environment: environment, tenant: tenant)
        } catch {
            return ["problem": .string("the dry run could not run: \(DeliveryProcessor.classify(error).description)")]
        }
    }

    private func run(
        proposed: MappingVersionReference, inForce: MappingVersionReference?, environment: EnvironmentName, tenant: Tenant
    ) async throws -> JSONValue {
        let store = planner.store
        let using = try await store.flows(tenant: tenant.id, environment: nil).filter { $0.mappingID == proposed.mappingID }
        // A first activation in an environment has no flow there yet, so the other environments' flows lend their events.
        let inEnvironment = using.filter { $0.environment == environment }
        let flows = inEnvironment.isEmpty ? using : inEnvironment
        let new = try await planner.mappings.mapping(proposed, tenant: tenant.id)
        var evidence: JSONObject = ["events_per_connection": .number(JSONNumber(Self.eventsPerConnection))]
        let sources: [EventSource]
        if flows.isEmpty {
            sources = try await sourceConnections(in: environment, readingFor: new, tenant: tenant.id)
            guard !sources.isEmpty else {
                return [
                    "problem": .string(
                        "not run: no flow uses mapping \"\(proposed.mappingID)\" yet, and no source connection in environment "
                            + "\"\(environment)\" emits the events it reads, so the tenant has no events to run it over")
                ]
            }
            evidence["connections"] = .array(sources.map { .string("\($0.connection) (\(environment))") })
        } else {
            sources = flows.map { flow in
                // A real-time flow's event types limit the sample to events the mapping reads. A scheduled flow stores
                // canonical events, so its sample takes any type.
                EventSource(
                    connection: flow.sourceConnectionID,
                    eventTypes: flow.mode == .realtime && !flow.nativeEventTypes.isEmpty ? flow.nativeEventTypes : nil)
            }
            evidence["flows"] = .array(flows.map { .string("\($0.id) (\($0.environment))") })
        }
        let (documents, read, unreadable) = try await recentEvents(from: sources, handledBy: new, tenant: tenant)
        evidence["events"] = .number(JSONNumber(documents.count))
        evidence["events_read"] = .number(JSONNumber(read))
        evidence["events_unreadable"] = .number(JSONNumber(unreadable))
        let context = try EvaluationContext(tenantID: tenant.slug, timeZoneIdentifier: tenant.timeZone)

        guard let inForce else {
            let report = MappingDryRun.run(new, events: documents, context: context)
            let operations = report.results.flatMap(\.operations)
            evidence["operations"] = .number(JSONNumber(operations.count))
            let totals = try Self.totals(operations)
            evidence["amounts"] = .array(totals.keys.sorted().map { ["currency": .string($0.rawValue), "to": Self.money(totals[$0]!)] })
            return .object(evidence)
        }

        let old = try await planner.mappings.mapping(inForce, tenant: tenant.id)
        let diff = try MappingDiff.compute(from: old, to: new, events: documents, context: context)
        let counts = diff.counts
        evidence["operations"] = [
            "added": .number(JSONNumber(counts.added)), "removed": .number(JSONNumber(counts.removed)),
            "changed": .number(JSONNumber(counts.changed)), "unchanged": .number(JSONNumber(counts.unchanged)),
        ]
        evidence["amounts"] = .array(diff.amounts.map { ["currency": .string($0.currency.rawValue), "from": Self.money($0.from), "to": Self.money($0.to)] })

        let changes = diff.events.flatMap { event in event.changes.map { (event.eventID, $0) } }
        evidence["changes"] = .array(changes.prefix(Self.keptChanges).map { eventID, change in
            [
                "event_id": .string(eventID), "change": .string(change.kind.rawValue), "action": .string(change.action.rawValue),
                "model": .string(change.model), "external_id": .string(change.externalID),
                // As `mapping diff --json` writes them: a side that does not send the field has no member, because null would clear it.
                "fields": .array(change.fields.map { field in
                    var members: JSONObject = ["path": .string(field.path)]
                    if let from = field.from { members["from"] = from }
                    if let to = field.to { members["to"] = to }
                    return .object(members)
                }),
            ]
        })
        return .object(evidence)
    }

    /// A source connection the sample reads, and the native event types it reads there (nil for any).
    private struct EventSource {
        let connection: ConnectionID
        let eventTypes: [String]?
    }

    /// Returns the environment's source connections that emit native event types `mapping` reads, each with those types.
    private func sourceConnections(
        in environment: EnvironmentName, readingFor mapping: LedgerportMapping.Mapping, tenant: TenantID
    ) async throws -> [EventSource] {
        let canonicalTypes = Set(mapping.source.eventTypes)
        return try await planner.store.connections(tenant: tenant, environment: environment)
            .sorted { $0.id.rawValue < $1.id.rawValue }
            .compactMap { connection in
                guard let types = planner.connectors.nativeEventTypes(of: connection, handling: canonicalTypes), !types.isEmpty else {
                    return nil
                }
                return EventSource(connection: connection.id, eventTypes: types)
            }
    }

    /// Reads the newest events of each source and translates them, keeping the canonical events `mapping` handles.
    ///
    /// The documents come oldest first, in the order the events were stored, so the amounts per currency count
    /// each record with its newest amounts.
    private func recentEvents(
        from sources: [EventSource], handledBy mapping: LedgerportMapping.Mapping, tenant: Tenant
    ) async throws -> (documents: [EventDocument], read: Int, unreadable: Int) {
        var documents = [(event: EventID, document: EventDocument)]()
        var unreadable = 0
        var seen = Set<EventID>()
        for source in sources {
            let newest = try await planner.store.newestEvents(
                tenant: tenant.id, connection: source.connection, eventTypes: source.eventTypes, limit: Self.eventsPerConnection)
            for stored in newest {
                guard seen.insert(stored.id).inserted else { continue }
                let translated: [CanonicalEvent]
                do {
                    translated = try await planner.translate(stored, sourceConnection: source.connection, tenant: tenant)
                } catch {
                    unreadable += 1
                    continue
                }
                for event in translated where mapping.handles(event) {
                    documents.append((stored.id, EventDocument(origin: "event \(stored.sourceEventID)", json: try event.jsonValue())))
                }
            }
        }
        // The position breaks ties, so the canonical events of one stored event keep their translated order.
        let ordered = documents.enumerated().sorted { ($0.element.event.rawValue, $0.offset) < ($1.element.event.rawValue, $1.offset) }
        return (ordered.map(\.element.document), seen.count, unreadable)
    }

    /// Sums the amounts of `operations` per currency, each target record once.
    private static func totals(_ operations: [TargetOperation]) throws -> [CurrencyCode: Money] {
        var totals = [CurrencyCode: Money]()
        for amount in operations.amountsPerRecord {
            totals[amount.currency] = try (totals[amount.currency] ?? .zero(amount.currency)) + amount
        }
        return totals
    }

    /// Writes an amount as `{"minor_units": 1999, "decimal": "19.99"}`, exact, with the currency's exponent.
    private static func money(_ amount: Money) -> JSONValue {
        ["minor_units": .number(JSONNumber(amount.minorUnits)), "decimal": (try? amount.decimalString()).map(JSONValue.string) ?? .null]
    }
}
