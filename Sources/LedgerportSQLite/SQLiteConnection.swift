import CSQLite
import CSQLiteWALBuffer
import Foundation

/// One open SQLite connection, the only owner of its `sqlite3*` handle.
///
/// Threading: every call blocks on disk I/O or on locks held by other
/// connections, so call it only from a dedicated thread, never from a Swift
/// concurrency task. ``SQLiteDatabasePool`` owns connections that way and
/// bridges to `async`. A recursive lock serializes all use of the handle, so
/// two threads can never use it at once, and a thread that holds the
/// connection through ``withExclusiveAccess(_:)`` or a transaction keeps
/// other threads out until it returns.
///
/// The connection is opened with `SQLITE_OPEN_NOMUTEX` because the lock above
/// already serializes it. Call ``close()`` when done: cached statements keep
/// the connection alive until then. It does not set any pragma: see
/// ``configure(as:configuration:)``.
package final class SQLiteConnection: @unchecked Sendable {
    /// The database file path this connection opened.
    package let path: String

    private let handle: OpaquePointer
    private let lock = NSRecursiveLock()
    private var statementCache: [StatementKey: SQLiteStatement] = [:]
    private var isClosed = false
    /// The WAL's frames after the last commit, counted once ``deferCheckpoints()`` has run.
    let walFrames = WALFrameCounter()

    /// Opens (and creates, unless `readOnly`) the database at `path`.
    ///
    /// - Throws: ``SQLiteError`` when the file cannot be opened, for example
    ///   because its folder does not exist or is not writable.
    package init(path: String, readOnly: Bool = false) throws {
        Self.configureProcessOnce
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        flags |= readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)

        var opened: OpaquePointer?
        let result = sqlite3_open_v2(path, &opened, flags, Self.vfsName)
        guard result == SQLITE_OK, let opened else {
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            // sqlite3_open_v2 allocates a handle even when it fails, so it must still be closed.
            sqlite3_close_v2(opened)
            throw SQLiteError(code: result, message: "open \"\(path)\": \(message)")
        }
        self.path = path
        self.handle = opened
        sqlite3_extended_result_codes(opened, 1)
    }

    deinit {
        close()
    }

    /// Process-wide settings, applied before the first connection initializes SQLite.
    ///
    /// Memory statistics are off: the writer spent about 3% of its time
    /// in the global mutex that SQLite takes around every allocation to
    /// count them, and nothing here reads them.
    private static let configureProcessOnce: Void = {
        _ = ledgerport_sqlite_config_no_memory_statistics()
    }()

    /// The VFS every connection opens with: SQLite's default one, with the
    /// write-ahead log's writes of a commit gathered into one write (see
    /// `wal_buffer_vfs.h`), or the default one itself when that cannot be
    /// registered.
    ///
    /// A commit of 70 events writes about 274 frames, and SQLite writes each
    /// frame with two `pwrite` calls. In a C reproduction of that pattern,
    /// gathering them cut the CPU time of the writes and their flush by
    /// about three quarters. In `ledgerport-bench ingest`, the writer
    /// thread's CPU time per event fell from 33-37 µs to 30-33 µs.
    private static let vfsName: String? = {
        configureProcessOnce
        return ledgerport_wal_buffer_vfs_register() == SQLITE_OK ? LEDGERPORT_WAL_BUFFER_VFS_NAME : nil
    }()

    /// Finalizes the cached statements and closes the database; later use of the connection traps.
    ///
    /// Statements prepared with ``prepare(_:)`` that still exist keep the
    /// file open until they are released (`sqlite3_close_v2` semantics).
    /// Closing twice does nothing.
    package func close() {
        lock.lock()
        defer { lock.unlock() }
        guard !isClosed else {
            return
        }
        // The cache and its statements reference each other through the connection, so clearing it breaks the cycle.
        statementCache.removeAll()
        sqlite3_close_v2(handle)
        isClosed = true
    }

    /// Runs `body` while holding the connection's lock, so no other thread uses it meanwhile.
    ///
    /// The lock is recursive: `body` may call any other method of this connection.
    package func withExclusiveAccess<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Runs `body` with the raw handle while holding the lock. Only this module may use C types.
    func withHandle<Result>(_ body: (OpaquePointer) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        precondition(!isClosed, "the SQLite connection to \"\(path)\" was used after close()")
        return try body(handle)
    }

    /// The names of the VFS stack under the main database, outermost first, such as `ledgerport-wal-buffer/unix`.
    package var vfsStack: String {
        withHandle { handle in
            var name: UnsafeMutablePointer<CChar>?
            guard sqlite3_file_control(handle, "main", SQLITE_FCNTL_VFSNAME, &name) == SQLITE_OK, let name else {
                return ""
            }
            defer { sqlite3_free(name) }
            return String(cString: name)
        }
    }

    /// Whether a transaction is open on this connection (SQLite is not in autocommit mode).
    package var isInTransaction: Bool {
        withHandle { sqlite3_get_autocommit($0) == 0 }
    }

    /// The rowid of the last row inserted through this connection.
    package var lastInsertRowID: Int64 {
        withHandle { sqlite3_last_insert_rowid($0) }
    }

    /// The number of rows the last `INSERT`, `UPDATE` or `DELETE` changed.
    package var changes: Int {
        withHandle { Int(sqlite3_changes64($0)) }
    }

    /// Runs one or more SQL statements separated by semicolons, without arguments.
    ///
    /// Use it for schema scripts and pragmas. It does not use the statement
    /// cache and returns no rows.
    package func executeScript(_ sql: String) throws {
        try withHandle { handle in
            var errorMessage: UnsafeMutablePointer<CChar>?
            let result = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
            guard result == SQLITE_OK else {
                let message = errorMessage.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
                sqlite3_free(errorMessage)
                throw SQLiteError(code: result, message: message, sql: sql)
            }
        }
    }

    /// Compiles `sql` into a new statement that the caller owns.
    ///
    /// - Throws: ``SQLiteError`` for a syntax error or an unknown table or column.
    package func prepare(_ sql: String) throws -> SQLiteStatement {
        try withHandle { handle in
            var statement: OpaquePointer?
            let result = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
            guard result == SQLITE_OK, let statement else {
                throw lastError(code: result, sql: sql)
            }
            return SQLiteStatement(connection: self, pointer: statement, sql: sql)
        }
    }

    /// Returns a cached compiled statement for `sql`, reset and with its bindings cleared.
    ///
    /// A statement that is still being stepped (a query running `sql` inside
    /// the row closure of the same `sql`) is not handed out twice: the nested
    /// use gets a fresh, uncached statement.
    package func cachedStatement(_ sql: String) throws -> SQLiteStatement {
        try withExclusiveAccess { () throws -> SQLiteStatement in
            let key = StatementKey(sql: sql)
            if let cached = statementCache[key], !cached.isInUse {
                try cached.resetAndClearBindings()
                return cached
            }
            let statement = try prepare(sql)
            if statementCache[key] == nil {
                statementCache[key] = statement
            }
            return statement
        }
    }

    /// Builds the error for a failed call on this connection from SQLite's current message.
    func lastError(code: Int32, sql: String?) -> SQLiteError {
        withHandle { handle in
            SQLiteError(code: code, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
        }
    }
}
