import Foundation
import LedgerportLog
import LedgerportSDK
import LedgerportSQLite
import LedgerportStore

/// The ``Store`` on one SQLite file, through ``SQLiteDatabasePool``: one writer thread with group commit, and readers.
///
/// Opening applies the missing migrations (see ``StoreMigrations``) and
/// fails when a recorded migration differs from the code's. Every write
/// method runs as one ``SQLiteDatabasePool/write(_:)`` closure, so it is one
/// savepoint inside a group transaction and returns after the commit.
/// Reads run on reader connections, so in WAL mode they do not wait for the writer's commits.
package final class SQLiteStore: Store {
    /// The database file name inside a data folder, shared by `ledgerport serve` and the tenant and connection commands.
    package static let fileName = "ledgerport.sqlite"

    /// The database file.
    package let path: String

    let pool: SQLiteDatabasePool
    let clock: any WallClock

    private init(pool: SQLiteDatabasePool, clock: any WallClock) {
        self.pool = pool
        self.clock = clock
        self.path = pool.configuration.path
    }

    /// Opens (creating when needed) the store at `configuration.path` and migrates it.
    ///
    /// - Parameters:
    ///   - clock: the source of creation and update times.
    ///   - logger: receives one `info` line when the store opens, with the path and the migrations applied.
    ///   - migrations: the schema; only tests pass anything but the default.
    /// - Throws: ``StoreError`` `schema_mismatch` when a recorded migration
    ///   was changed or is unknown to this version; `storage_failure` or
    ///   `unavailable` when the file cannot be opened.
    package static func open(
        _ configuration: SQLiteConfiguration, clock: any WallClock, logger: Logger,
        migrations: [SQLiteMigration] = StoreMigrations.all
    ) async throws -> SQLiteStore {
        let pool: SQLiteDatabasePool
        do {
            pool = try await SQLiteDatabasePool.open(configuration)
        } catch let error as SQLiteError {
            throw StoreError.translating(error, operation: "open store \"\(configuration.path)\"")
        }

        let now = clock.now()
        let applied: [SQLiteMigration]
        do {
            applied = try await pool.writeWithoutTransaction { connection in
                try SQLiteMigrator.migrate(connection, migrations: migrations, appliedAt: now)
            }
        } catch {
            await pool.close()
            throw StoreError.translating(error, operation: "open store \"\(configuration.path)\"")
        }

        logger.info(
            "opened store",
            metadata: [
                LogMetadataKey.databasePath: .string(configuration.path),
                "db.migrations_applied": .string(applied.map(\.label).joined(separator: ", ")),
            ])
        return SQLiteStore(pool: pool, clock: clock)
    }

    package func commitStatistics() async -> StoreCommitStatistics {
        let statistics = pool.writerStatistics
        return StoreCommitStatistics(
            commits: statistics.committedTransactions, writes: statistics.committedWrites, largestGroup: statistics.largestGroup,
            backgroundCheckpoints: statistics.backgroundCheckpoints, writerCheckpoints: statistics.writerCheckpoints,
            largestLogPages: statistics.largestWALFrames)
    }

    package func close() async {
        await pool.close()
    }

    // MARK: Running closures on the pool

    /// Runs `body` on the writer and translates SQLite errors into ``StoreError``s about `operation`.
    func write<Value: Sendable>(
        _ operation: String, rerunnable: Bool = false, _ body: @escaping @Sendable (SQLiteConnection) throws -> Value
    ) async throws -> Value {
        do {
            return try await pool.write(rerunnable: rerunnable, body)
        } catch {
            throw StoreError.translating(error, operation: operation)
        }
    }

    /// Runs `body` on a reader and translates SQLite errors into ``StoreError``s about `operation`.
    func read<Value: Sendable>(_ operation: String, _ body: @escaping @Sendable (SQLiteConnection) throws -> Value) async throws -> Value {
        do {
            return try await pool.read(body)
        } catch {
            throw StoreError.translating(error, operation: operation)
        }
    }
}
