import Foundation
import LedgerportMapping
import LedgerportSDK
import LedgerportStore

/// Publishes mapping documents as immutable stored versions.
///
/// A document is validated before it is stored. Publishing the same content
/// again returns the stored version instead of adding one, so a deploy script
/// can run repeatedly. A document whose `version` equals a stored version's
/// but whose content differs is rejected: a published version never changes,
/// so the author must raise the version.
package struct MappingPublisher: Sendable {
    package let store: any Store
    package let catalog: MappingCatalog

    /// Stores `document` as the next version of `mappingID` (creating the mapping), or returns the identical stored version.
    package func publish(_ document: JSONValue, file: String, mappingID: MappingID, tenant: TenantID, actor: String) async throws -> MappingVersion {
        let compiled = try catalog.validate(document, file: file)
        do {
            _ = try await store.mapping(mappingID, tenant: tenant)
        } catch let error as StoreError where error.code == .notFound {
            _ = try await store.createMapping(id: mappingID, displayName: compiled.summary, tenant: tenant, actor: actor)
        }
        let existing = try await store.mappingVersions(mapping: mappingID, tenant: tenant)

        let digest = MappingVersion.digest(of: document)
        if let same = existing.first(where: { $0.digest == digest }) {
            return same
        }
        if let clash = existing.first(where: { $0.content["version"]?.stringValue == compiled.version.description }) {
            throw ConnectorError.configuration(
                "mapping_version_reused",
                "publish mapping \(file): version \(compiled.version) is already published as stored version \(clash.version) with other content",
                hint: "raise \"version\" in the document; a published mapping version never changes"
            )
        }
        return try await store.addMappingVersion(document, mapping: mappingID, tenant: tenant, actor: actor)
    }
}
