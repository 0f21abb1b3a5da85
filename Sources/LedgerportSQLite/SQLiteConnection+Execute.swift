extension SQLiteConnection {
    /// Runs one statement with `arguments` through the statement cache and returns the rows it changed.
    ///
    /// - Throws: ``SQLiteError``, for example a constraint violation.
    @discardableResult
    package func execute(_ sql: String, _ arguments: [SQLiteValue] = []) throws -> Int {
        try withExclusiveAccess {
            try cachedStatement(sql).execute(arguments)
        }
    }

    /// Runs one query with `arguments` through the statement cache and maps every row.
    ///
    /// - Throws: ``SQLiteError`` from SQLite, or whatever `map` throws.
    package func query<Element>(_ sql: String, _ arguments: [SQLiteValue] = [], _ map: (SQLiteRow) throws -> Element) throws -> [Element] {
        try withExclusiveAccess {
            try cachedStatement(sql).query(arguments, map)
        }
    }

    /// Runs one query and maps its first row, or returns nil when it returns none.
    ///
    /// Put a `LIMIT 1` in `sql` when more rows could match: the others are read and discarded.
    package func queryFirst<Element>(_ sql: String, _ arguments: [SQLiteValue] = [], _ map: (SQLiteRow) throws -> Element) throws -> Element? {
        try query(sql, arguments, map).first
    }

    /// Returns the integer in the first column of the first row, or nil when there is no row or it is `NULL`.
    package func scalarInt64(_ sql: String, _ arguments: [SQLiteValue] = []) throws -> Int64? {
        try queryFirst(sql, arguments) { try $0.optionalInt64(0) } ?? nil
    }
}
