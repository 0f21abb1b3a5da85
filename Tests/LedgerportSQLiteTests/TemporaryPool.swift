@testable import LedgerportSQLite

/// Opens a pool on a new database in a temporary folder, creates `schema`, runs `body` and closes the pool, also when `body` throws.
func withTemporaryPool(schema: String, _ body: (SQLiteDatabasePool) async throws -> Void) async throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let pool = try await SQLiteDatabasePool.open(SQLiteConfiguration(path: folder.path("test.sqlite")))
    try await pool.writeWithoutTransaction { try $0.executeScript(schema) }
    do {
        try await body(pool)
    } catch {
        await pool.close()
        throw error
    }
    await pool.close()
}
