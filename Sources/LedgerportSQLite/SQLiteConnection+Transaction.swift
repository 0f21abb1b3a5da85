/// How a transaction takes its locks, as in `BEGIN DEFERRED` or `BEGIN IMMEDIATE`.
package enum SQLiteTransactionKind: String, Sendable {
    /// Takes locks when the first statement needs them; use it for reads.
    case deferred = "DEFERRED"
    /// Takes the write lock at `BEGIN`, so a write never fails halfway with `SQLITE_BUSY`.
    case immediate = "IMMEDIATE"
}

// Transaction statements go through the statement cache: the group-commit
// writer runs several per commit, and preparing them each time showed up in
// ingest measurements.
extension SQLiteConnection {
    /// Runs `body` in a transaction: commits when it returns, rolls back when it throws.
    ///
    /// The connection's lock is held for the whole transaction. Nesting is a
    /// programming error and traps; use ``inSavepoint(_:)`` inside a transaction.
    ///
    /// - Throws: whatever `body` throws (after the rollback), or ``SQLiteError``
    ///   when `BEGIN` or `COMMIT` fails; a failed `COMMIT` is rolled back too.
    package func inTransaction<Result>(_ kind: SQLiteTransactionKind = .immediate, _ body: () throws -> Result) throws -> Result {
        try withExclusiveAccess {
            precondition(!isInTransaction, "a transaction is already open on \"\(path)\"; use inSavepoint for nested work")
            try execute("BEGIN \(kind.rawValue)")

            let result: Result
            do {
                result = try body()
                try execute("COMMIT")
            } catch {
                rollbackIfOpen()
                throw error
            }
            return result
        }
    }

    /// Runs `body` in a savepoint: releases it when `body` returns, rolls back to it when `body` throws.
    ///
    /// Inside a transaction this undoes only `body`'s changes on failure;
    /// outside one, the savepoint acts as a deferred transaction.
    package func inSavepoint<Result>(_ body: () throws -> Result) throws -> Result {
        try withExclusiveAccess {
            try execute("SAVEPOINT ledgerport_savepoint")

            let result: Result
            do {
                result = try body()
            } catch {
                // SQLite may already have rolled back the whole transaction (disk full, I/O error),
                // in which case the savepoint no longer exists and there is nothing left to undo.
                _ = try? execute("ROLLBACK TO ledgerport_savepoint")
                _ = try? execute("RELEASE ledgerport_savepoint")
                throw error
            }
            try execute("RELEASE ledgerport_savepoint")
            return result
        }
    }

    /// Rolls back the open transaction, if any.
    ///
    /// A failing `ROLLBACK` leaves nothing further to do: SQLite has then
    /// already ended the transaction itself, so the error is ignored.
    package func rollbackIfOpen() {
        guard isInTransaction else {
            return
        }
        _ = try? execute("ROLLBACK")
    }
}
