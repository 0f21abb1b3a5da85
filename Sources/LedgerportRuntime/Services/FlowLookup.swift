import LedgerportJSONSchema
import LedgerportStore

/// Reads a tenant's flow by id; an unknown id gets `not_found` naming the closest flow and every flow the tenant has.
package enum FlowLookup {
    package static func flow(_ id: FlowID, tenant: TenantID, store: any Store) async throws -> Flow {
        do {
            return try await store.flow(id, tenant: tenant)
        } catch let error as StoreError where error.code == .notFound {
            let known = try await store.flows(tenant: tenant, environment: nil).map(\.id.rawValue).sorted()
            throw StoreError(
                .notFound, "read flow \"\(id)\": the tenant has no such flow",
                hint: MessageText.didYouMean(id.rawValue, among: known) + "the tenant's flows are " + (known.isEmpty ? "none" : MessageText.quotedList(known)))
        }
    }
}
