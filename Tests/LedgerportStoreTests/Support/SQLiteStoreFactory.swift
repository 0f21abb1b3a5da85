import Foundation
import LedgerportLog
import LedgerportSDK
import LedgerportSQLite
import LedgerportStore
@testable import LedgerportStoreSQLite

extension StoreFactory {
    /// ``SQLiteStore`` on a real file in a fresh temporary folder.
    static let sqlite = StoreFactory(description: "SQLite") { clock in
        let folder = try TemporaryFolder()
        let path = folder.path("ledgerport.sqlite")
        let store = try await SQLiteStore.open(SQLiteConfiguration(path: path), clock: clock, logger: .disabled)
        return StoreHarness(
            store: store, clock: clock,
            pauseWrites: { store.pool.pauseWrites() },
            resumeWrites: { store.pool.resumeWrites() },
            queuedWriteCount: { store.pool.queuedWriteCount },
            tamperWithAuditEntry: { scope, sequence in
                try await RawSQLite.execute(
                    path: path,
                    """
                    DROP TRIGGER audit_log_reject_update;
                    UPDATE audit_log SET details_json = '{"tampered":true}' WHERE tenant_id = '\(scope.tenantID?.rawValue ?? "")'
                        AND sequence = \(sequence);
                    """)
            },
            deleteAuditEntry: { scope, sequence in
                try await RawSQLite.execute(
                    path: path,
                    """
                    DROP TRIGGER audit_log_reject_delete;
                    DELETE FROM audit_log WHERE tenant_id = '\(scope.tenantID?.rawValue ?? "")' AND sequence = \(sequence);
                    """)
            },
            tearDown: {
                await store.close()
                folder.remove()
            })
    }
}

/// Direct SQL on a store's file, for tests that change rows the way an intruder with file access could.
enum RawSQLite {
    /// Runs `script` on its own connection to `path`, outside the store.
    static func execute(path: String, _ script: String) async throws {
        let pool = try await SQLiteDatabasePool.open(SQLiteConfiguration(path: path, readerCount: 1))
        do {
            try await pool.writeWithoutTransaction { try $0.executeScript(script) }
        } catch {
            await pool.close()
            throw error
        }
        await pool.close()
    }

    /// Runs `query` on its own connection to `path` and maps its rows.
    static func query<Value: Sendable>(path: String, _ query: String, _ map: @escaping @Sendable (SQLiteRow) throws -> Value) async throws -> [Value] {
        let pool = try await SQLiteDatabasePool.open(SQLiteConfiguration(path: path, readerCount: 1))
        do {
            let rows = try await pool.read { try $0.query(query, [], map) }
            await pool.close()
            return rows
        } catch {
            await pool.close()
            throw error
        }
    }
}
