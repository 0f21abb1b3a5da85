/// How a ``SQLiteDatabasePool`` opens its database and sets up each connection.
///
/// The defaults favour durability: WAL journaling with `synchronous=FULL`, so
/// a committed transaction survives a power loss when the disk honours
/// flushes, and foreign keys enforced.
package struct SQLiteConfiguration: Sendable {
    /// The database file. It must be a file: an in-memory database cannot be shared by the readers.
    package var path: String
    /// When SQLite flushes to disk; see ``SQLiteSynchronousMode``.
    package var synchronous: SQLiteSynchronousMode
    /// How long, in milliseconds, a connection waits for a lock held by another process before failing with `SQLITE_BUSY`.
    package var busyTimeoutMilliseconds: Int
    /// The number of WAL pages not yet in the database file at which a pool's checkpoint thread copies them; 0 never checkpoints.
    ///
    /// A standalone connection (``SQLiteConnectionRole/standalone``) uses it as
    /// `PRAGMA wal_autocheckpoint`. SQLite's own default is 1000 pages.
    package var walAutocheckpointPages: Int
    /// The WAL size, in pages, at which a pool's writer copies the rest of the WAL itself between two transactions, so that the WAL starts over.
    ///
    /// Below it, checkpoints run on their own thread beside the commits (see
    /// `SQLiteCheckpointer`). The WAL stays under about twice this size,
    /// 16 MB with the default 2,000 pages of 4 KiB.
    package var walLimitPages: Int
    /// Whether `FOREIGN KEY` constraints are enforced (`PRAGMA foreign_keys`).
    package var foreignKeys: Bool
    /// How many read-only connections, each on its own thread, serve ``SQLiteDatabasePool/read(_:)``.
    package var readerCount: Int

    /// A configuration for `path` with the durable defaults: `synchronous=FULL`,
    /// a 5 s busy timeout, checkpoints from 250 pages on, a WAL limit of 2,000 pages, foreign keys on and two readers.
    package init(
        path: String,
        synchronous: SQLiteSynchronousMode = .full,
        busyTimeoutMilliseconds: Int = 5_000,
        walAutocheckpointPages: Int = 250,
        walLimitPages: Int = 2_000,
        foreignKeys: Bool = true,
        readerCount: Int = 2
    ) {
        precondition(busyTimeoutMilliseconds >= 0, "busy timeout must not be negative")
        precondition(walAutocheckpointPages >= 0, "WAL autocheckpoint must not be negative")
        precondition(walLimitPages >= walAutocheckpointPages, "the WAL limit must not be below the checkpoint threshold")
        precondition(readerCount >= 1, "a database pool needs at least one reader")
        self.path = path
        self.synchronous = synchronous
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
        self.walAutocheckpointPages = walAutocheckpointPages
        self.walLimitPages = walLimitPages
        self.foreignKeys = foreignKeys
        self.readerCount = readerCount
    }
}

/// The value of `PRAGMA synchronous`: when SQLite waits for the disk.
package enum SQLiteSynchronousMode: String, Sendable, CaseIterable {
    /// Never flushes; a crash of the operating system can lose or corrupt recent commits.
    case off = "OFF"
    /// In WAL mode, flushes at checkpoints only; a power loss can lose the last commits but not corrupt the database.
    case normal = "NORMAL"
    /// In WAL mode, flushes the WAL at every commit; a commit survives a power loss.
    case full = "FULL"
    /// Like ``full``, and also flushes the folder after creating or deleting a journal file.
    case extra = "EXTRA"
}
