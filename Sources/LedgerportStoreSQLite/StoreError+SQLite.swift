import LedgerportSQLite
import LedgerportStore

extension StoreError {
    /// Translates an error thrown while running `operation` into a ``StoreError``; a ``StoreError`` passes unchanged.
    ///
    /// Lock timeouts become `unavailable` (retrying can succeed), migration
    /// problems `schema_mismatch`, and everything else `storage_failure`
    /// with SQLite's message, which names no bound value.
    static func translating(_ error: any Error, operation: String) -> StoreError {
        switch error {
        case let error as StoreError:
            return error
        case let error as SQLiteMigrationError:
            return StoreError(.schemaMismatch, "\(operation): \(error)")
        case let error as SQLiteError where error.category == .busy:
            return StoreError(
                .unavailable, "\(operation): the database stayed locked by another process (\(error.message))",
                hint: "retry; if it persists, check that only one Ledgerport process writes this database")
        case let error as SQLiteError:
            return StoreError(.storageFailure, "\(operation): \(error)", hint: hint(for: error.category))
        default:
            return StoreError(.storageFailure, "\(operation): \(error)")
        }
    }

    private static func hint(for category: SQLiteError.Category) -> String? {
        switch category {
        case .diskFull: "free disk space, then retry"
        case .ioError: "check the disk and the file system that contain the database"
        case .corrupt: "check that the path names a Ledgerport database, or restore it from a backup"
        case .notWritable: "check that the database file and its folder exist and are writable"
        case .busy, .constraint, .misuse, .other: nil
        }
    }
}

extension StoreError {
    /// Makes the `not_found` error for `object` of the tenant, named by its slug, with `remedy` for that tenant as the hint.
    static func notFound(_ operation: String, _ object: String, of tenant: TenantID, remedy: Remedy, on db: SQLiteConnection) -> StoreError {
        let slug = TenantRows.slug(tenant, on: db)
        return .notFound(operation, "\(object) of tenant \"\(slug ?? tenant.rawValue)\"", remedy: remedy, tenantSlug: slug)
    }
}
