import Foundation

/// One encrypted value of a connection's secret field, valid from ``activeFrom`` until ``expiresAt``.
///
/// A field can have several values at once, so a webhook secret can be
/// rotated with an overlap: the new value becomes active while the old one
/// has not expired yet. The store keeps the sealed box opaque; sealing and
/// opening belong to the secrets module, which binds each box to its
/// tenant, connection and field.
package struct SealedSecretValue: Sendable, Hashable {
    package let id: SecretValueID
    package let tenantID: TenantID
    package let connectionID: ConnectionID
    /// The configuration field the value belongs to, such as `webhook_secret`.
    package let field: String
    /// The AES-256-GCM box; never plaintext.
    package let sealedBox: [UInt8]
    package let activeFrom: Date
    /// When the value stops being valid; nil for no expiry.
    package let expiresAt: Date?
    package let createdAt: Date

    package init(
        id: SecretValueID, tenantID: TenantID, connectionID: ConnectionID, field: String, sealedBox: [UInt8],
        activeFrom: Date, expiresAt: Date?, createdAt: Date
    ) {
        self.id = id
        self.tenantID = tenantID
        self.connectionID = connectionID
        self.field = field
        self.sealedBox = sealedBox
        self.activeFrom = activeFrom
        self.expiresAt = expiresAt
        self.createdAt = createdAt
    }

    /// Whether the value is valid at `instant`: active already and not expired yet.
    package func isActive(at instant: Date) -> Bool {
        activeFrom <= instant && (expiresAt.map { instant < $0 } ?? true)
    }
}

/// A sealed value to add to a connection's secret field.
package struct NewSealedSecretValue: Sendable, Hashable {
    package var field: String
    package var sealedBox: [UInt8]
    package var activeFrom: Date
    package var expiresAt: Date?

    package init(field: String, sealedBox: [UInt8], activeFrom: Date, expiresAt: Date? = nil) {
        self.field = field
        self.sealedBox = sealedBox
        self.activeFrom = activeFrom
        self.expiresAt = expiresAt
    }

    /// Checks the field name and that the value does not expire before it becomes active.
    package func validate(operation: String) throws(StoreError) {
        try StoreValidation.validateSlug(field, operation: operation, valueName: "secret field")
        if let expiresAt, expiresAt <= activeFrom {
            throw .invalidInput(operation, "secret field \"\(field)\"", "expires before it becomes active")
        }
        guard !sealedBox.isEmpty else {
            throw .invalidInput(operation, "secret field \"\(field)\"", "the sealed value is empty")
        }
    }
}
