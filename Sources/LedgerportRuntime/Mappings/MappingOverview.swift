import LedgerportStore

/// A tenant's mapping with every stored version and the version in force in each environment, as a reviewer reads it.
package struct MappingOverview: Sendable {
    package let mapping: Mapping
    /// Every stored version, oldest first.
    package let versions: [MappingVersion]
    /// One activation per environment that has a version in force, by environment name.
    package let activations: [MappingActivation]

    /// Reads every mapping of the tenant, by id.
    package static func list(tenant: TenantID, store: any Store) async throws -> [MappingOverview] {
        let environments = try await store.environments(tenant: tenant).map(\.name)
        var overviews: [MappingOverview] = []
        for mapping in try await store.mappings(tenant: tenant) {
            overviews.append(try await read(mapping, environments: environments, store: store))
        }
        return overviews
    }

    /// Reads one mapping. An unknown id gets `not_found` naming the closest mapping and every mapping the tenant has.
    package static func read(_ id: MappingID, tenant: TenantID, store: any Store) async throws -> MappingOverview {
        let mapping: Mapping
        do {
            mapping = try await store.mapping(id, tenant: tenant)
        } catch let error as StoreError where error.code == .notFound {
            let known = try await store.mappings(tenant: tenant).map(\.id.rawValue)
            throw MappingLookup.unknownMapping(id, operation: "read mapping \"\(id)\"", known: known, tenantSlug: try await store.tenant(tenant).slug)
        }
        return try await read(mapping, environments: try await store.environments(tenant: tenant).map(\.name), store: store)
    }

    private static func read(_ mapping: Mapping, environments: [EnvironmentName], store: any Store) async throws -> MappingOverview {
        let versions = try await store.mappingVersions(mapping: mapping.id, tenant: mapping.tenantID)
        var activations: [MappingActivation] = []
        for environment in environments {
            if let activation = try await store.activeMappingVersion(mapping: mapping.id, environment: environment, tenant: mapping.tenantID) {
                activations.append(activation)
            }
        }
        return MappingOverview(mapping: mapping, versions: versions, activations: activations)
    }

    /// Returns the stored version numbered `number`, or throws `not_found` listing the mapping's versions.
    ///
    /// `tenantSlug` fills in the command and the route that publish a first version, when the mapping has none.
    package func version(_ number: Int, tenantSlug: String) throws -> MappingVersion {
        guard let found = versions.first(where: { $0.version == number }) else {
            // Versions are numbered 1, 2, 3 and so on without gaps, so the first and the last name them all.
            let hint =
                switch versions.count {
                case 0: "the mapping has no version yet; " + MappingLookup.publishHint(mapping.id, tenantSlug: tenantSlug)
                case 1: "its only version is 1"
                default: "its versions are 1 to \(versions.count); name one of them"
                }
            throw StoreError(.notFound, "read version \(number) of mapping \"\(mapping.id)\": the mapping has no such version", hint: hint)
        }
        return found
    }

    /// Returns the environments where version `number` is in force, by name.
    package func environments(activating number: Int) -> [EnvironmentName] {
        activations.filter { $0.mapping.version == number }.map(\.environment)
    }
}
