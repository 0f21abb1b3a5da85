import Testing

@testable import LedgerportSQLite

@Suite struct SQLiteConnectionTests {
    private func withConnection(_ body: (SQLiteConnection) throws -> Void) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let connection = try SQLiteConnection(path: folder.path("test.sqlite"))
        defer { connection.close() }
        try body(connection)
    }

    @Test func boundValues_readBackWithTheirTypes() throws {
        try withConnection { connection in
            try connection.executeScript("CREATE TABLE sample (number INTEGER, label TEXT, data BLOB, ratio REAL, missing TEXT)")
            try connection.execute(
                "INSERT INTO sample VALUES (?, ?, ?, ?, ?)",
                [.integer(Int64.min), .text("Zürich ✓"), .blob([0, 1, 255]), .real(0.25), .null])

            let rows = try connection.query("SELECT number, label, data, ratio, missing FROM sample") { row in
                (try row.int64(0), try row.text(1), try row.blob(2), try row.double(3), try row.optionalText(4))
            }

            #expect(rows.count == 1)
            #expect(rows[0].0 == Int64.min)
            #expect(rows[0].1 == "Zürich ✓")
            #expect(rows[0].2 == [0, 1, 255])
            #expect(rows[0].3 == 0.25)
            #expect(rows[0].4 == nil)
        }
    }

    @Test func emptyBlob_staysABlobNotNull() throws {
        try withConnection { connection in
            try connection.executeScript("CREATE TABLE sample (data BLOB)")
            try connection.execute("INSERT INTO sample VALUES (?)", [.blob([])])

            let data = try connection.queryFirst("SELECT data FROM sample") { try $0.optionalBlob(0) }

            #expect(data == .some([]))
        }
    }

    @Test func nullInIntegerRead_throwsMismatch() throws {
        try withConnection { connection in
            try connection.executeScript("CREATE TABLE sample (number INTEGER)")
            try connection.execute("INSERT INTO sample VALUES (NULL)")

            let error = #expect(throws: SQLiteError.self) {
                _ = try connection.query("SELECT number FROM sample") { try $0.int64(0) }
            }

            #expect(error?.message == "read column 0: expected integer, found NULL")
            #expect(error?.sql == "SELECT number FROM sample")
        }
    }

    @Test func uniqueViolation_carriesCodeMessageAndSQL() throws {
        try withConnection { connection in
            try connection.executeScript("CREATE TABLE sample (slug TEXT UNIQUE)")
            try connection.execute("INSERT INTO sample VALUES (?)", ["acme"])

            let error = #expect(throws: SQLiteError.self) {
                try connection.execute("INSERT INTO sample VALUES (?)", ["acme"])
            }

            #expect(error?.isUniqueViolation == true)
            #expect(error?.message == "UNIQUE constraint failed: sample.slug")
            #expect(error?.sql == "INSERT INTO sample VALUES (?)")
            #expect(error?.description.contains("acme") == false)
        }
    }

    @Test func wrongArgumentCount_throwsBeforeRunning() throws {
        try withConnection { connection in
            try connection.executeScript("CREATE TABLE sample (a INTEGER, b INTEGER)")

            #expect(throws: SQLiteError.self) {
                try connection.execute("INSERT INTO sample VALUES (?, ?)", [1])
            }
            #expect(try connection.scalarInt64("SELECT count(*) FROM sample") == 0)
        }
    }

    @Test func transactionThrowing_rollsBack() throws {
        struct Abort: Error {}
        try withConnection { connection in
            try connection.executeScript("CREATE TABLE sample (a INTEGER)")

            #expect(throws: Abort.self) {
                try connection.inTransaction {
                    try connection.execute("INSERT INTO sample VALUES (1)")
                    throw Abort()
                }
            }

            #expect(try connection.scalarInt64("SELECT count(*) FROM sample") == 0)
            #expect(connection.isInTransaction == false)
        }
    }

    @Test func savepointThrowing_keepsEarlierWorkOfTransaction() throws {
        struct Abort: Error {}
        try withConnection { connection in
            try connection.executeScript("CREATE TABLE sample (a INTEGER)")

            try connection.inTransaction {
                try connection.execute("INSERT INTO sample VALUES (1)")
                _ = try? connection.inSavepoint {
                    try connection.execute("INSERT INTO sample VALUES (2)")
                    throw Abort()
                }
            }

            #expect(try connection.query("SELECT a FROM sample") { try $0.int64(0) } == [1])
        }
    }

    @Test func nestedQueryOfSameSQL_usesSeparateStatement() throws {
        try withConnection { connection in
            try connection.executeScript("CREATE TABLE sample (a INTEGER); INSERT INTO sample VALUES (1), (2)")
            let sql = "SELECT a FROM sample ORDER BY a"

            let pairs = try connection.query(sql) { outer in
                (try outer.int64(0), try connection.query(sql) { try $0.int64(0) })
            }

            #expect(pairs.map(\.0) == [1, 2])
            #expect(pairs.map(\.1) == [[1, 2], [1, 2]])
        }
    }

    @Test func statementsDifferingInTheMiddle_areCachedApart() throws {
        try withConnection { connection in
            // Same length and same first and last 32 bytes, so both texts hash alike and only equality tells them apart.
            let head = "SELECT /* " + String(repeating: "h", count: 40) + " */ '"
            let tail = "' AS value /* " + String(repeating: "t", count: 40) + " */"

            for _ in 0..<2 {
                let first = try connection.query(head + "first" + tail) { row in try row.text(0) }
                let other = try connection.query(head + "other" + tail) { row in try row.text(0) }
                #expect(first == ["first"])
                #expect(other == ["other"])
            }
        }
    }
}
