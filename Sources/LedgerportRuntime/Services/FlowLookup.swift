import LedgerportStore

/// Reads a tenant's flow by id; an unknown id gets `not_found` naming the closest flow and every flow the tenant has.
package enum FlowLookup {
    package static func flow(_ id: FlowID, tenant: TenantID, store: any Store) async throws -> Flow {
        do {
            return try await store.flow(id, tenant: tenant)
        } catch let error as StoreError where error.code == .notFound {
            throw try await unknownFlow(id, operation: "read flow \"\(id)\"", tenant: tenant, store: store)
        }
    }

    /// Throws `not_found` for `id` unless the tenant has such a flow; `operation` starts the message.
    package static func requireKnown(_ id: FlowID, operation: String, tenant: TenantID, store: any Store) async throws {
        let known = try await store.flows(tenant: tenant, environment: nil).map(\.id.rawValue).sorted()
        guard !known.contains(id.rawValue) else {
            return
        }
        throw unknownFlow(id, operation: operation, known: known)
    }

    /// Pauses or resumes the flow. An unknown id gets `not_found` naming the closest flow, as ``flow(_:tenant:store:)`` does.
    package static func setState(_ state: FlowState, flow id: FlowID, tenant: TenantID, actor: String, store: any Store) async throws -> Flow {
        do {
            return try await store.setFlowState(state, flow: id, tenant: tenant, actor: actor)
        } catch let error as StoreError where error.code == .notFound {
            let verb = state == .paused ? "pause" : "resume"
            throw try await unknownFlow(id, operation: "\(verb) flow \"\(id)\"", tenant: tenant, store: store)
        }
    }

    private static func unknownFlow(_ id: FlowID, operation: String, tenant: TenantID, store: any Store) async throws -> StoreError {
        unknownFlow(id, operation: operation, known: try await store.flows(tenant: tenant, environment: nil).map(\.id.rawValue).sorted())
    }

    private static func unknownFlow(_ id: FlowID, operation: String, known: [String]) -> StoreError {
        StoreError.unknownTenantID(id.rawValue, kind: "flow", operation: operation, known: known)
    }
}
