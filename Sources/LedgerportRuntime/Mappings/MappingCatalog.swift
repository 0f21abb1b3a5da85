import Foundation
import LedgerportMapping
import LedgerportSDK
import LedgerportStore

/// Compiled mappings by stored version, loaded from the store once and kept.
///
/// Stored mapping versions never change, so a compiled version stays valid
/// for the life of the process. A version that no longer validates (its
/// target connector was removed from this build) fails with a configuration
/// error naming the version. Thread-safe.
package final class MappingCatalog: @unchecked Sendable {
    private struct Key: Hashable {
        let tenantID: TenantID
        let mapping: MappingVersionReference
    }

    private let store: any Store
    private let environment: ValidationEnvironment
    private let lock = NSLock()
    private var compiled: [Key: LedgerportMapping.Mapping] = [:]

    init(store: any Store, environment: ValidationEnvironment) {
        self.store = store
        self.environment = environment
    }

    /// The compiled mapping of a stored version.
    package func mapping(_ reference: MappingVersionReference, tenant: TenantID) async throws -> LedgerportMapping.Mapping {
        let key = Key(tenantID: tenant, mapping: reference)
        if let cached = lock.withLock({ compiled[key] }) {
            return cached
        }
        let stored = try await store.mappingVersion(reference.version, mapping: reference.mappingID, tenant: tenant)
        let mapping = try compile(stored)
        lock.withLock { compiled[key] = mapping }
        return mapping
    }

    /// Validates a mapping document as it would be stored, without storing it.
    package func validate(_ document: JSONValue, file: String) throws(MappingValidationError) -> LedgerportMapping.Mapping {
        try LedgerportMapping.Mapping(document: document, file: file, environment: environment)
    }

    private func compile(_ stored: MappingVersion) throws -> LedgerportMapping.Mapping {
        let file = "\(stored.mappingID) version \(stored.version)"
        do {
            return try LedgerportMapping.Mapping(document: stored.content, file: file, environment: environment)
        } catch {
            throw ConnectorError.configuration(
                "mapping_version_invalid", "mapping \(file) no longer validates: \(error)",
                hint: "publish a corrected version and activate it through a change request"
            )
        }
    }
}
