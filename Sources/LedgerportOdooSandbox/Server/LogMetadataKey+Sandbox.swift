import LedgerportLog

extension LogMetadataKey {
    /// The Odoo series a sandbox imitates (`17.0`).
    static let odooVersion = "odoo.version"
    /// The name of a sandbox database.
    static let databaseName = "db.name"
    /// The `model.method` an RPC call addressed.
    static let odooMethod = "odoo.method"
}
