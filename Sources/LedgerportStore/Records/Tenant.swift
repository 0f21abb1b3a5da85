import Foundation

/// One customer company of the platform; every tenant-owned row carries its id.
package struct Tenant: Sendable, Hashable {
    package let id: TenantID
    /// A unique slug used in URLs and on the command line, such as `acme`.
    package let slug: String
    package let displayName: String
    /// The IANA time zone that scheduled flows of this tenant run in, such as `Europe/Paris`.
    package let timeZone: String
    package let createdAt: Date

    package init(id: TenantID, slug: String, displayName: String, timeZone: String, createdAt: Date) {
        self.id = id
        self.slug = slug
        self.displayName = displayName
        self.timeZone = timeZone
        self.createdAt = createdAt
    }
}

/// The fields of a tenant to create; the store assigns the id and creation time.
package struct NewTenant: Sendable, Hashable {
    package var slug: String
    package var displayName: String
    package var timeZone: String

    package init(slug: String, displayName: String, timeZone: String) {
        self.slug = slug
        self.displayName = displayName
        self.timeZone = timeZone
    }

    /// Checks the slug, the display name and the time zone.
    /// - Throws: ``StoreError`` (`invalid_input`).
    package func validate() throws(StoreError) {
        try StoreValidation.validateSlug(slug, operation: "create tenant", valueName: "slug")
        try StoreValidation.validateNotBlank(displayName, operation: "create tenant \"\(slug)\"", valueName: "display name")
        try StoreValidation.validateTimeZone(timeZone, operation: "create tenant \"\(slug)\"")
    }
}

/// A tenant's named stage, such as `test` or `production`; connections and mapping activations belong to one.
package struct Environment: Sendable, Hashable {
    package let tenantID: TenantID
    package let name: EnvironmentName
    package let createdAt: Date

    package init(tenantID: TenantID, name: EnvironmentName, createdAt: Date) {
        self.tenantID = tenantID
        self.name = name
        self.createdAt = createdAt
    }
}
