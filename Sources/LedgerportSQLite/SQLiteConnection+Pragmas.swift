import CSQLite

/// What a connection is used for, which decides the pragmas it gets.
package enum SQLiteConnectionRole: Sendable {
    /// The one connection of a ``SQLiteDatabasePool`` that writes; it switches the database to WAL.
    case writer
    /// A connection that reads and writes on its own, outside a pool. It switches the database to WAL
    /// and keeps SQLite's automatic checkpoints, because no ``SQLiteCheckpointer`` runs beside it.
    case standalone
    /// A connection that only reads (`PRAGMA query_only`).
    case reader
    /// The connection that copies the WAL into the database file beside the writer; its `synchronous` decides the flushes.
    case checkpointer
}

extension SQLiteConnection {
    /// Applies the pragmas of `configuration` for `role`.
    ///
    /// The writer sets `journal_mode=WAL`, which is stored in the database
    /// file, so it must run before any reader opens. Every connection gets
    /// `busy_timeout`, `temp_store=MEMORY`, `synchronous` and `foreign_keys`. The writer's automatic
    /// checkpoints are replaced by a ``SQLiteCheckpointer``'s, a standalone connection checkpoints
    /// automatically at `walAutocheckpointPages`, and readers get `query_only=ON`.
    ///
    /// - Throws: ``SQLiteError`` when a pragma fails, or when the database
    ///   refuses WAL (for example on a file system without shared memory).
    package func configure(as role: SQLiteConnectionRole, configuration: SQLiteConfiguration) throws {
        try executeScript("PRAGMA busy_timeout = \(configuration.busyTimeoutMilliseconds)")

        if role == .writer || role == .standalone {
            let journalMode = try queryFirst("PRAGMA journal_mode = WAL") { try $0.text(0) }
            guard journalMode?.lowercased() == "wal" else {
                throw SQLiteError.wrapper(
                    SQLITE_CANTOPEN,
                    "switch \"\(path)\" to WAL journaling: SQLite kept journal mode \"\(journalMode ?? "unknown")\"; "
                        + "put the database on a local file system")
            }
        }
        if role == .writer {
            // The pool's checkpointer runs checkpoints between commits (see SQLiteCheckpointer.swift), not inside them.
            deferCheckpoints()
        }
        if role == .standalone {
            try executeScript("PRAGMA wal_autocheckpoint = \(configuration.walAutocheckpointPages)")
        }

        // Statement journals and savepoint sub-journals stay in memory. On disk, every request of a group
        // commit (each in its own savepoint) wrote the pages it changed to a temporary file first.
        try executeScript("PRAGMA temp_store = MEMORY")
        try executeScript("PRAGMA synchronous = \(configuration.synchronous.rawValue)")
        try executeScript("PRAGMA foreign_keys = \(configuration.foreignKeys ? "ON" : "OFF")")

        if role == .reader {
            try executeScript("PRAGMA query_only = ON")
        }
    }
}
