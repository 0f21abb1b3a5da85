import CSQLite

/// A failure reported by SQLite, or by this wrapper while reading a result.
///
/// The error carries the extended result code, SQLite's own message and the
/// SQL text of the statement that failed. It never carries bound argument
/// values, so an error cannot leak a payload or a secret that was bound to a
/// statement.
package struct SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The extended result code, such as `SQLITE_CONSTRAINT_UNIQUE` (2067).
    package let code: Int32
    /// SQLite's message for the failure, such as `UNIQUE constraint failed: tenants.slug`.
    package let message: String
    /// The SQL text of the failing statement, when there was one.
    package let sql: String?

    package init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// The primary result code (the low byte of ``code``), such as `SQLITE_CONSTRAINT` (19).
    package var primaryCode: Int32 {
        code & 0xff
    }

    /// Whether a `UNIQUE` or `PRIMARY KEY` constraint rejected the statement.
    package var isUniqueViolation: Bool {
        code == Self.constraintUnique || code == Self.constraintPrimaryKey
    }

    /// Whether a `FOREIGN KEY` constraint rejected the statement.
    package var isForeignKeyViolation: Bool {
        code == Self.constraintForeignKey
    }

    /// The broad kind of failure, for callers that map errors without seeing SQLite's C constants.
    package enum Category: Sendable, Equatable {
        /// A lock was held longer than the busy timeout; retrying can succeed.
        case busy
        /// A constraint rejected the statement.
        case constraint
        /// The disk or the file system is full.
        case diskFull
        /// The operating system reported an I/O error.
        case ioError
        /// The file is not a database, or the database is damaged.
        case corrupt
        /// The file or its folder is read-only or cannot be opened.
        case notWritable
        /// The database was closed, or the wrapper was misused.
        case misuse
        /// Anything else, such as a syntax error.
        case other
    }

    /// The broad kind of this failure.
    package var category: Category {
        switch primaryCode {
        case SQLITE_BUSY, SQLITE_LOCKED: .busy
        case SQLITE_CONSTRAINT: .constraint
        case SQLITE_FULL: .diskFull
        case SQLITE_IOERR: .ioError
        case SQLITE_CORRUPT, SQLITE_NOTADB: .corrupt
        case SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_PERM: .notWritable
        case SQLITE_MISUSE: .misuse
        default: .other
        }
    }

    // Extended result codes are function-like macros in sqlite3.h, which Swift does not import.
    private static let constraintForeignKey = SQLITE_CONSTRAINT | (3 << 8)
    private static let constraintPrimaryKey = SQLITE_CONSTRAINT | (6 << 8)
    private static let constraintUnique = SQLITE_CONSTRAINT | (8 << 8)

    package var description: String {
        let codeName = String(cString: sqlite3_errstr(code))
        var text = "SQLite error \(code) (\(codeName)): \(message)"
        if let sql {
            text += "; statement: \(sql)"
        }
        return text
    }

    /// A failure raised by the wrapper itself, reported under `SQLITE_MISUSE` or `SQLITE_MISMATCH`.
    static func wrapper(_ code: Int32, _ message: String, sql: String? = nil) -> SQLiteError {
        SQLiteError(code: code, message: message, sql: sql)
    }
}
