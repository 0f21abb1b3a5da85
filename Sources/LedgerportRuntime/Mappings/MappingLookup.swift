import LedgerportStore

/// Checks a tenant's mapping ids. An unknown id gets `not_found` naming the closest mapping and every mapping the tenant has.
package enum MappingLookup {
    /// Throws `not_found` for `id` unless the tenant has such a mapping. `operation` starts the message, so it names the mapping.
    package static func requireKnown(_ id: MappingID, operation: String, tenant: TenantID, store: any Store) async throws {
        let known = try await store.mappings(tenant: tenant).map(\.id.rawValue).sorted()
        guard !known.contains(id.rawValue) else {
            return
        }
        throw unknownMapping(id, operation: operation, known: known, tenantSlug: try await store.tenant(tenant).slug)
    }

    /// Builds the `not_found` error for `id`, given the ids of every mapping the tenant has and the tenant's slug.
    static func unknownMapping(_ id: MappingID, operation: String, known: [String], tenantSlug: String) -> StoreError {
        StoreError.unknownTenantID(
            id.rawValue, kind: "mapping", operation: operation, known: known,
            whenNone: publishHint(id, tenantSlug: tenantSlug))
    }

    /// Words how to publish a first version of mapping `id`, with the CLI command and the admin API route filled in.
    static func publishHint(_ id: MappingID, tenantSlug: String) -> String {
        "publish one with `ledgerport mapping publish FILE --tenant \(tenantSlug) --id \(id)` "
            + "or POST /admin/tenants/\(tenantSlug)/mappings/\(id)/versions"
    }
}
