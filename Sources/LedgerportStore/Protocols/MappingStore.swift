import LedgerportSDK

/// Mappings, their immutable versions and their activation per environment.
package protocol MappingStore: Sendable {
    /// Creates an empty mapping, and audits it as `mapping.created`.
    /// - Throws: ``StoreError`` `invalid_input` for a bad id, `already_exists` for a taken one.
    func createMapping(id: MappingID, displayName: String, tenant: TenantID, actor: String) async throws -> Mapping

    /// Reads one mapping. - Throws: ``StoreError`` `not_found`, also for another tenant's.
    func mapping(_ id: MappingID, tenant: TenantID) async throws -> Mapping

    /// Lists a tenant's mappings by id.
    func mappings(tenant: TenantID) async throws -> [Mapping]

    /// Stores `content` as the mapping's next version, and audits it as `mapping.version_added` with its digest.
    ///
    /// Versions are immutable: no method changes or removes one, and
    /// implementations reject updates and deletes at the database level too.
    func addMappingVersion(_ content: JSONValue, mapping: MappingID, tenant: TenantID, actor: String) async throws -> MappingVersion

    /// Reads one version. - Throws: ``StoreError`` `not_found`.
    func mappingVersion(_ version: Int, mapping: MappingID, tenant: TenantID) async throws -> MappingVersion

    /// Lists every version of a mapping, oldest first.
    func mappingVersions(mapping: MappingID, tenant: TenantID) async throws -> [MappingVersion]

    /// Makes `version` the one in force in `environment`, and audits it as `mapping.activated`.
    ///
    /// The store does not check approval; the governance module calls this
    /// only for an approved change request, whose id it passes along.
    func activateMappingVersion(
        _ version: MappingVersionReference, environment: EnvironmentName, changeRequest: ChangeRequestID?, tenant: TenantID,
        actor: String
    ) async throws -> MappingActivation

    /// Reads the version in force for a mapping in an environment, or nil when none was activated.
    func activeMappingVersion(mapping: MappingID, environment: EnvironmentName, tenant: TenantID) async throws -> MappingActivation?
}
