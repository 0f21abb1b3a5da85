import CSQLite

/// The current result row of a running statement, read by column index starting at 0.
///
/// A row is valid only inside the closure that received it. The typed
/// readers check the column's storage class and throw instead of converting
/// silently: reading `NULL` with ``int64(_:)`` or text with ``blob(_:)`` is a
/// schema mismatch, not a zero or an empty value. Use the `optional` readers
/// for nullable columns.
package struct SQLiteRow {
    private let statement: SQLiteStatement

    init(statement: SQLiteStatement) {
        self.statement = statement
    }

    /// The number of columns in the row.
    package var columnCount: Int {
        Int(statement.columnCount())
    }

    /// Whether column `index` is `NULL`.
    package func isNull(_ index: Int) -> Bool {
        statement.columnType(Int32(index)) == SQLITE_NULL
    }

    /// Returns the integer in column `index`.
    /// - Throws: ``SQLiteError`` (`SQLITE_MISMATCH`) when the column is not an integer.
    package func int64(_ index: Int) throws -> Int64 {
        try expect(SQLITE_INTEGER, at: index, named: "integer")
        return statement.columnInt64(Int32(index))
    }

    /// Returns the integer in column `index`, or nil for `NULL`.
    package func optionalInt64(_ index: Int) throws -> Int64? {
        isNull(index) ? nil : try int64(index)
    }

    /// Returns the integer in column `index` as an `Int`.
    package func int(_ index: Int) throws -> Int {
        Int(try int64(index))
    }

    /// Returns the floating-point number in column `index`; integers are converted. Never use it for money.
    package func double(_ index: Int) throws -> Double {
        let type = statement.columnType(Int32(index))
        guard type == SQLITE_FLOAT || type == SQLITE_INTEGER else {
            throw mismatch(at: index, expected: "real")
        }
        return statement.columnDouble(Int32(index))
    }

    /// Returns the text in column `index`.
    package func text(_ index: Int) throws -> String {
        try expect(SQLITE_TEXT, at: index, named: "text")
        return statement.columnText(Int32(index))
    }

    /// Returns the text in column `index`, or nil for `NULL`.
    package func optionalText(_ index: Int) throws -> String? {
        isNull(index) ? nil : try text(index)
    }

    /// Returns the bytes of the blob in column `index`.
    package func blob(_ index: Int) throws -> [UInt8] {
        try expect(SQLITE_BLOB, at: index, named: "blob")
        return statement.columnBlob(Int32(index))
    }

    /// Returns the bytes of the blob in column `index`, or nil for `NULL`.
    package func optionalBlob(_ index: Int) throws -> [UInt8]? {
        isNull(index) ? nil : try blob(index)
    }

    /// Returns column `index` as a ``SQLiteValue`` of whatever storage class it has.
    package func value(_ index: Int) -> SQLiteValue {
        let column = Int32(index)
        switch statement.columnType(column) {
        case SQLITE_INTEGER: return .integer(statement.columnInt64(column))
        case SQLITE_FLOAT: return .real(statement.columnDouble(column))
        case SQLITE_TEXT: return .text(statement.columnText(column))
        case SQLITE_BLOB: return .blob(statement.columnBlob(column))
        default: return .null
        }
    }

    private func expect(_ type: Int32, at index: Int, named name: String) throws {
        guard statement.columnType(Int32(index)) == type else {
            throw mismatch(at: index, expected: name)
        }
    }

    private func mismatch(at index: Int, expected: String) -> SQLiteError {
        let actual: String
        switch statement.columnType(Int32(index)) {
        case SQLITE_INTEGER: actual = "integer"
        case SQLITE_FLOAT: actual = "real"
        case SQLITE_TEXT: actual = "text"
        case SQLITE_BLOB: actual = "blob"
        default: actual = "NULL"
        }
        return SQLiteError.wrapper(
            SQLITE_MISMATCH, "read column \(index): expected \(expected), found \(actual)", sql: statement.sql)
    }
}
