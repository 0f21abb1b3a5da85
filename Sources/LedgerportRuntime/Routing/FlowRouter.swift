import Foundation
import LedgerportLog
import LedgerportStore

/// The real-time flows of every source connection, for creating deliveries at ingest.
///
/// The table is rebuilt from the store by ``reload()``: at start, after an
/// administrator changes a flow or activates a mapping, and periodically
/// (the runtime's reload interval) so a change made by another process is
/// seen. A flow whose mapping has no active version in its environment takes
/// no events: nothing goes live before its mapping is approved and activated.
/// Reads never suspend. Thread-safe.
package final class FlowRouter: @unchecked Sendable {
    private struct SourceKey: Hashable {
        let tenantID: TenantID
        let connectionID: ConnectionID
    }

    private let store: any Store
    private let logger: Logger
    private let lock = NSLock()
    private var routes: [SourceKey: [FlowRoute]] = [:]
    /// The same routes by event type, so that each webhook costs two lookups instead of a set test per flow.
    private var routesByEventType: [SourceKey: [String: [FlowRoute]]] = [:]
    private var flowsByID: [TenantID: [FlowID: Flow]] = [:]
    private var reloads = ReloadOrder()

    init(store: any Store, logger: Logger) {
        self.store = store
        self.logger = logger
    }

    /// The real-time flows that take events of `eventType` from a source connection.
    package func routes(tenant: TenantID, sourceConnection: ConnectionID, eventType: String) -> [FlowRoute] {
        lock.withLock { routesByEventType[SourceKey(tenantID: tenant, connectionID: sourceConnection)]?[eventType] ?? [] }
    }

    /// Every routed flow of a source connection, whatever the event type.
    package func routes(tenant: TenantID, sourceConnection: ConnectionID) -> [FlowRoute] {
        lock.withLock { routes[SourceKey(tenantID: tenant, connectionID: sourceConnection)] ?? [] }
    }

    /// A flow by id from the last reload, whether it is routed or not.
    package func flow(_ id: FlowID, tenant: TenantID) -> Flow? {
        lock.withLock { flowsByID[tenant]?[id] }
    }

    /// Every active flow from the last reload.
    package var allFlows: [Flow] {
        lock.withLock { flowsByID.values.flatMap(\.values) }
    }

    /// Rebuilds the table from the store's active flows and mapping activations.
    ///
    /// Reloads may overlap, because the periodic one can run while an
    /// administrator's activation triggers another. The table keeps the
    /// result of the reload that started last, so a reload that read the
    /// store before an activation cannot replace a later reload's result.
    package func reload() async throws {
        let generation = lock.withLock { reloads.begin() }
        let flows = try await store.activeFlows()
        var newRoutes: [SourceKey: [FlowRoute]] = [:]
        // The event types of each route, in the order of `newRoutes`.
        var newEventTypes: [SourceKey: [Set<String>]] = [:]
        var newFlows: [TenantID: [FlowID: Flow]] = [:]

        for flow in flows {
            newFlows[flow.tenantID, default: [:]][flow.id] = flow
            guard flow.mode == .realtime else { continue }
            guard let activation = try await store.activeMappingVersion(mapping: flow.mappingID, environment: flow.environment, tenant: flow.tenantID) else {
                logger.debug("skipped flow without an active mapping", metadata: [
                    LogMetadataKey.tenantID: .string(flow.tenantID.rawValue), LogMetadataKey.flowID: .string(flow.id.rawValue),
                ])
                continue
            }
            let target = try await store.connection(flow.targetConnectionID, tenant: flow.tenantID)
            let route = FlowRoute(flowID: flow.id, mapping: activation.mapping, targetConnectorVersion: target.connectorVersion)
            let source = SourceKey(tenantID: flow.tenantID, connectionID: flow.sourceConnectionID)
            newRoutes[source, default: []].append(route)
            newEventTypes[source, default: []].append(Set(flow.nativeEventTypes))
        }

        var byEventType: [SourceKey: [String: [FlowRoute]]] = [:]
        for (source, routes) in newRoutes {
            byEventType[source] = Self.indexedByEventType(routes, eventTypes: newEventTypes[source] ?? [])
        }
        lock.withLock {
            guard reloads.mayApply(generation) else {
                return
            }
            routes = newRoutes
            routesByEventType = byEventType
            flowsByID = newFlows
        }
    }

    /// Groups `routes` by the event types they take (`eventTypes[i]` for `routes[i]`), each group in the order of `routes`.
    ///
    /// Event types taken by the same flows share one array. The bench's tenant
    /// has six flows taking 19 Stripe event types, and one array per type, with
    /// copies of whole flows, cost about 7 KB per tenant in `ledgerport-bench tenants`.
    static func indexedByEventType(_ routes: [FlowRoute], eventTypes: [Set<String>]) -> [String: [FlowRoute]] {
        var positions: [String: [Int]] = [:]
        for (position, types) in eventTypes.enumerated() {
            for eventType in types {
                positions[eventType, default: []].append(position)
            }
        }
        var shared: [[Int]: [FlowRoute]] = [:]
        var index: [String: [FlowRoute]] = [:]
        index.reserveCapacity(positions.count)
        for (eventType, group) in positions {
            if let routesOfGroup = shared[group] {
                index[eventType] = routesOfGroup
            } else {
                let routesOfGroup = group.map { routes[$0] }
                shared[group] = routesOfGroup
                index[eventType] = routesOfGroup
            }
        }
        return index
    }
}
