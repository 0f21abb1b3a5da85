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
            let route = FlowRoute(
                flow: flow, nativeEventTypes: Set(flow.nativeEventTypes), mapping: activation.mapping,
                targetConnectorVersion: target.connectorVersion
            )
            newRoutes[SourceKey(tenantID: flow.tenantID, connectionID: flow.sourceConnectionID), default: []].append(route)
        }

        let byEventType = newRoutes.mapValues(Self.indexedByEventType)
        lock.withLock {
            guard reloads.mayApply(generation) else {
                return
            }
            routes = newRoutes
            routesByEventType = byEventType
            flowsByID = newFlows
        }
    }

    /// Groups `routes` by the event types they take, each group in the order of `routes`.
    private static func indexedByEventType(_ routes: [FlowRoute]) -> [String: [FlowRoute]] {
        var index: [String: [FlowRoute]] = [:]
        for route in routes {
            for eventType in route.nativeEventTypes {
                index[eventType, default: []].append(route)
            }
        }
        return index
    }
}
