import LedgerportSDK

/// Turns an operation's external id into the tenant-scoped Odoo external id `ledgerport_<tenant>.<external_id>`.
///
/// The module part keeps two tenants that share one Odoo database apart.
/// Odoo splits an external id at its first dot, so the tenant id is reduced
/// to lowercase letters, digits and underscores, and operation external ids
/// must already consist of those characters (``isValid(_:)``).
struct ExternalIDScope: Sendable, Hashable {
    /// The module part, such as `ledgerport_acme`.
    let module: String

    init(tenantID: String) {
        let cleaned = tenantID.lowercased().map { character -> Character in
            character.isASCII && (character.isLetter || character.isNumber) ? character : "_"
        }
        module = "ledgerport_" + String(cleaned)
    }

    /// The full external id of `externalID`, such as `ledgerport_acme.stripe_invoice_in_1`.
    func qualified(_ externalID: String) -> String {
        "\(module).\(externalID)"
    }

    /// Whether `externalID` uses only lowercase ASCII letters, digits and underscores, as mappings produce them.
    static func isValid(_ externalID: String) -> Bool {
        !externalID.isEmpty && externalID.count <= 200 && externalID.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
        }
    }
}
