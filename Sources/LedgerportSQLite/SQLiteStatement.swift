import CSQLite

/// A compiled SQL statement of one ``SQLiteConnection``.
///
/// Threading: use a statement only on the thread that uses its connection;
/// it is not `Sendable`. Every call takes the connection's lock. A statement
/// keeps its connection open and is finalized in `deinit`.
///
/// Arguments bind by position (`?` or `?NNN`, starting at 1) from an array of
/// ``SQLiteValue``. Text and blobs are copied into SQLite when bound, so the
/// Swift values need not outlive the call.
package final class SQLiteStatement {
    /// The SQL text this statement was compiled from.
    package let sql: String

    private let connection: SQLiteConnection
    private let pointer: OpaquePointer
    /// Whether a ``query(_:_:)`` or ``execute(_:)`` is stepping this statement right now.
    private(set) var isInUse = false

    init(connection: SQLiteConnection, pointer: OpaquePointer, sql: String) {
        self.connection = connection
        self.pointer = pointer
        self.sql = sql
    }

    deinit {
        connection.withExclusiveAccess {
            _ = sqlite3_finalize(pointer)
        }
    }

    /// Runs the statement to completion with `arguments` and returns the number of rows it changed.
    ///
    /// - Throws: ``SQLiteError``, for example a constraint violation; rows
    ///   returned by the statement (such as `RETURNING`) are discarded.
    @discardableResult
    package func execute(_ arguments: [SQLiteValue] = []) throws -> Int {
        try connection.withExclusiveAccess {
            try begin(arguments)
            defer { finish() }
            while try step() {}
            return connection.changes
        }
    }

    /// Runs the statement with `arguments` and maps every result row with `map`.
    ///
    /// The ``SQLiteRow`` passed to `map` is valid only during that call.
    /// - Throws: ``SQLiteError`` from SQLite, or whatever `map` throws.
    package func query<Element>(_ arguments: [SQLiteValue] = [], _ map: (SQLiteRow) throws -> Element) throws -> [Element] {
        try connection.withExclusiveAccess {
            try begin(arguments)
            defer { finish() }
            var elements: [Element] = []
            while try step() {
                elements.append(try map(SQLiteRow(statement: self)))
            }
            return elements
        }
    }

    /// Resets the statement and clears its bindings, so it can run again.
    func resetAndClearBindings() throws {
        try connection.withHandle { _ in
            // sqlite3_reset repeats the error of the last step; that error was already reported by step.
            _ = sqlite3_reset(pointer)
            guard sqlite3_clear_bindings(pointer) == SQLITE_OK else {
                throw connection.lastError(code: SQLITE_MISUSE, sql: sql)
            }
        }
    }

    private func begin(_ arguments: [SQLiteValue]) throws {
        precondition(!isInUse, "statement \"\(sql)\" was used again while it was still running")
        try resetAndClearBindings()
        try bind(arguments)
        isInUse = true
    }

    private func finish() {
        _ = sqlite3_reset(pointer)
        isInUse = false
    }

    private func bind(_ arguments: [SQLiteValue]) throws {
        let parameterCount = Int(sqlite3_bind_parameter_count(pointer))
        guard arguments.count == parameterCount else {
            throw SQLiteError.wrapper(
                SQLITE_RANGE, "statement has \(parameterCount) parameters but \(arguments.count) arguments were bound", sql: sql)
        }
        for (offset, argument) in arguments.enumerated() {
            try bind(argument, at: Int32(offset + 1))
        }
    }

    private func bind(_ value: SQLiteValue, at index: Int32) throws {
        let result: Int32
        switch value {
        case .null:
            result = sqlite3_bind_null(pointer, index)
        case .integer(let number):
            result = sqlite3_bind_int64(pointer, index, number)
        case .real(let number):
            result = sqlite3_bind_double(pointer, index, number)
        case .text(let text):
            result = sqlite3_bind_text64(pointer, index, text, UInt64(text.utf8.count), ledgerport_sqlite_transient(), UInt8(SQLITE_UTF8))
        case .blob(let bytes):
            result = bytes.withUnsafeBytes { buffer in
                // A zero-length blob still needs a non-null pointer, or SQLite binds NULL.
                sqlite3_bind_blob64(pointer, index, buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1), UInt64(buffer.count), ledgerport_sqlite_transient())
            }
        }
        guard result == SQLITE_OK else {
            throw connection.lastError(code: result, sql: sql)
        }
    }

    /// Advances to the next row; returns false when the statement is done.
    private func step() throws -> Bool {
        let result = sqlite3_step(pointer)
        switch result {
        case SQLITE_ROW:
            return true
        case SQLITE_DONE:
            return false
        default:
            throw connection.lastError(code: result, sql: sql)
        }
    }

    // MARK: Column access for SQLiteRow

    func columnType(_ index: Int32) -> Int32 {
        sqlite3_column_type(pointer, index)
    }

    func columnCount() -> Int32 {
        sqlite3_column_count(pointer)
    }

    func columnInt64(_ index: Int32) -> Int64 {
        sqlite3_column_int64(pointer, index)
    }

    func columnDouble(_ index: Int32) -> Double {
        sqlite3_column_double(pointer, index)
    }

    func columnText(_ index: Int32) -> String {
        guard let characters = sqlite3_column_text(pointer, index) else {
            return ""
        }
        let length = Int(sqlite3_column_bytes(pointer, index))
        return String(decoding: UnsafeBufferPointer(start: characters, count: length), as: UTF8.self)
    }

    func columnBlob(_ index: Int32) -> [UInt8] {
        // sqlite3_column_blob must come before sqlite3_column_bytes, as SQLite documents.
        guard let bytes = sqlite3_column_blob(pointer, index) else {
            return []
        }
        let length = Int(sqlite3_column_bytes(pointer, index))
        return Array(UnsafeRawBufferPointer(start: bytes, count: length))
    }
}
