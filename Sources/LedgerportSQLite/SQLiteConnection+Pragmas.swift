import CSQLite

/// What a connection is used for, which decides the pragmas it gets.
package enum SQLiteConnectionRole: Sendable {
    /// The one connection that writes; it switches the database to WAL.
    case writer
    /// A connection that only reads (`PRAGMA query_only`).
    case reader
}

extension SQLiteConnection {
    /// Applies the pragmas of `configuration` for `role`.
    ///
    /// The writer sets `journal_mode=WAL`, which is stored in the database
    /// file, so it must run before any reader opens. Every connection gets
    /// `busy_timeout`, `temp_store=MEMORY`, `synchronous` and `foreign_keys`; the writer's automatic
    /// checkpoints are replaced by ones it runs between commits, and readers get `query_only=ON`.
    ///
    /// - Throws: ``SQLiteError`` when a pragma fails, or when the database
    ///   refuses WAL (for example on a file system without shared memory).
    package func configure(as role: SQLiteConnectionRole, configuration: SQLiteConfiguration) throws {
        try executeScript("PRAGMA busy_timeout = \(configuration.busyTimeoutMilliseconds)")

        if role == .writer {
            let journalMode = try queryFirst("PRAGMA journal_mode = WAL") { try $0.text(0) }
            guard journalMode?.lowercased() == "wal" else {
                throw SQLiteError.wrapper(
                    SQLITE_CANTOPEN,
                    "switch \"\(path)\" to WAL journaling: SQLite kept journal mode \"\(journalMode ?? "unknown")\"; "
                        + "put the database on a local file system")
            }
            // The writer checkpoints between commits (see SQLiteConnection+Checkpoint.swift), not inside them.
            deferCheckpoints()
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
