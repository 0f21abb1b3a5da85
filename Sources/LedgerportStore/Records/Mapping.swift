import Foundation
import LedgerportSDK

/// A named mapping of a tenant; its content lives in immutable ``MappingVersion``s.
package struct Mapping: Sendable, Hashable {
    package let tenantID: TenantID
    package let id: MappingID
    package let displayName: String
    package let createdAt: Date

    package init(tenantID: TenantID, id: MappingID, displayName: String, createdAt: Date) {
        self.tenantID = tenantID
        self.id = id
        self.displayName = displayName
        self.createdAt = createdAt
    }
}

/// One immutable version of a mapping: once stored, its content never changes.
package struct MappingVersion: Sendable, Hashable {
    package let tenantID: TenantID
    package let mappingID: MappingID
    /// The version number, 1 for the first and one more for each later version.
    package let version: Int
    /// The mapping document.
    package let content: JSONValue
    /// The SHA-256 of the content's canonical JSON (sorted keys, no whitespace), in lowercase hexadecimal.
    package let digest: String
    package let createdAt: Date
    package let createdBy: String

    package init(
        tenantID: TenantID, mappingID: MappingID, version: Int, content: JSONValue, digest: String, createdAt: Date,
        createdBy: String
    ) {
        self.tenantID = tenantID
        self.mappingID = mappingID
        self.version = version
        self.content = content
        self.digest = digest
        self.createdAt = createdAt
        self.createdBy = createdBy
    }

    package var reference: MappingVersionReference {
        MappingVersionReference(mappingID: mappingID, version: version)
    }

    /// Computes the digest stored with a version: SHA-256 of the canonical JSON, lowercase hexadecimal.
    package static func digest(of content: JSONValue) -> String {
        MessageAuthentication.hex(MessageAuthentication.sha256(JSONWriter.bytes(content)))
    }
}

/// The mapping version in force in one environment of a tenant.
package struct MappingActivation: Sendable, Hashable {
    package let tenantID: TenantID
    package let environment: EnvironmentName
    package let mapping: MappingVersionReference
    /// The approved change request that activated it, when there was one.
    package let changeRequestID: ChangeRequestID?
    package let activatedAt: Date
    package let activatedBy: String

    package init(
        tenantID: TenantID, environment: EnvironmentName, mapping: MappingVersionReference, changeRequestID: ChangeRequestID?,
        activatedAt: Date, activatedBy: String
    ) {
        self.tenantID = tenantID
        self.environment = environment
        self.mapping = mapping
        self.changeRequestID = changeRequestID
        self.activatedAt = activatedAt
        self.activatedBy = activatedBy
    }
}
