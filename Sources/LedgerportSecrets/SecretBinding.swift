import LedgerportStore

/// The row a sealed secret belongs to: tenant, connection and field.
///
/// It is the AES-GCM associated data of the sealed value, so a value opens
/// only for the exact row it was sealed for. Copying a sealed value to
/// another tenant, connection or field makes it fail to open instead of
/// handing one connection's credentials to another.
package struct SecretBinding: Sendable, Hashable, CustomStringConvertible {
    package let tenantID: TenantID
    package let connectionID: ConnectionID
    package let field: String

    package init(tenantID: TenantID, connectionID: ConnectionID, field: String) {
        self.tenantID = tenantID
        self.connectionID = connectionID
        self.field = field
    }

    /// The associated data: a version label and the three ids, separated by NUL bytes, which none of them can contain.
    var associatedData: [UInt8] {
        Array("ledgerport.secret.v1".utf8) + [0] + Array(tenantID.rawValue.utf8) + [0] + Array(connectionID.rawValue.utf8) + [0]
            + Array(field.utf8)
    }

    package var description: String {
        "secret field \"\(field)\" of connection \"\(connectionID)\" of tenant \"\(tenantID)\""
    }
}
