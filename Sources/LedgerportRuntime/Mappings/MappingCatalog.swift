import Foundation
import LedgerportMapping
import LedgerportSDK
import LedgerportStore

/// Compiled mappings by stored version, loaded from the store once and kept.
///
/// Stored mapping versions never change, so a compiled version stays valid
/// for the life of the process. Versions with the same content digest and
/// the same mapping id and version number, such as every tenant's copy of a
/// default mapping, share one compiled mapping. Each takes about 50 KB
/// (measured with `ledgerport-bench tenants`), so sharing keeps six for ten
/// thousand tenants on the default mappings instead of sixty thousand. A version that no longer validates (its
/// target connector was removed from this build) fails with a configuration
/// error naming the version. Thread-safe.
package final class MappingCatalog: @unchecked Sendable {
    private struct Key: Hashable {
        let tenantID: TenantID
        let mapping: MappingVersionReference
    }

    /// The content digest and message label of a stored version; two versions with equal keys compile to the same mapping.
    private struct ContentKey: Hashable {
        let digest: String
        let file: String
    }

    private let store: any Store
    private let environment: ValidationEnvironment
    private let lock = NSLock()
    private var compiled: [Key: LedgerportMapping.Mapping] = [:]
    private var compiledByContent: [ContentKey: LedgerportMapping.Mapping] = [:]

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
        let mapping = try sharedCompilation(of: stored)
        lock.withLock { compiled[key] = mapping }
        return mapping
    }

    /// The compiled mapping of another version with the same content and label, else `stored` compiled now and kept for the next.
    private func sharedCompilation(of stored: MappingVersion) throws -> LedgerportMapping.Mapping {
        let contentKey = ContentKey(digest: stored.digest, file: Self.file(of: stored))
        if let existing = lock.withLock({ compiledByContent[contentKey] }) {
            return existing
        }
        let mapping = try compile(stored)
        return lock.withLock {
            // A concurrent compilation of the same content may have finished first; keep one so that both share it.
            if let existing = compiledByContent[contentKey] {
                return existing
            }
            compiledByContent[contentKey] = mapping
            return mapping
        }
    }

    /// Validates a mapping document as it would be stored, without storing it.
    package func validate(_ document: JSONValue, file: String) throws(MappingValidationError) -> LedgerportMapping.Mapping {
        try LedgerportMapping.Mapping(document: document, file: file, environment: environment)
    }

    /// The label of a stored version in messages, such as `stripe-invoice-to-odoo version 2`.
    private static func file(of stored: MappingVersion) -> String {
        "\(stored.mappingID) version \(stored.version)"
    }

    private func compile(_ stored: MappingVersion) throws -> LedgerportMapping.Mapping {
        let file = Self.file(of: stored)
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
