import Testing

@testable import LedgerportSQLite

/// The VFS that gathers a commit's writes to the WAL into few writes (`CSQLiteWALBuffer`), seen through connections.
///
/// Each test checks something the buffer could break if it held data too
/// long: another connection's view of a commit, a transaction larger than
/// the buffer, and frames of a rolled-back transaction.
@Suite struct WALBufferTests {
    private static let rowBytes = 3_000

    private func open(_ path: String, as role: SQLiteConnectionRole, synchronous: SQLiteSynchronousMode = .full) throws -> SQLiteConnection {
        let connection = try SQLiteConnection(path: path)
        try connection.configure(as: role, configuration: SQLiteConfiguration(path: path, synchronous: synchronous))
        return connection
    }

    private func insertRows(_ count: Int, into connection: SQLiteConnection, tag: String) throws {
        for _ in 0..<count {
            try connection.execute("INSERT INTO sample (tag, data) VALUES (?, randomblob(?))", [.text(tag), .integer(Int64(Self.rowBytes))])
        }
    }

    @Test func connections_openThroughTheWALBuffer() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let connection = try open(folder.path("test.sqlite"), as: .writer)
        defer { connection.close() }

        #expect(connection.vfsStack == "ledgerport-wal-buffer/unix")
    }

    @Test func commitWithNormalSync_isVisibleToAnotherConnectionAtOnce() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("test.sqlite")
        let writer = try open(path, as: .writer, synchronous: .normal)
        defer { writer.close() }
        try writer.executeScript("CREATE TABLE sample (id INTEGER PRIMARY KEY, tag TEXT NOT NULL, data BLOB NOT NULL)")
        let reader = try open(path, as: .reader, synchronous: .normal)
        defer { reader.close() }

        var counts: [Int64] = []
        for commit in 1...20 {
            try writer.executeScript("BEGIN IMMEDIATE")
            try insertRows(commit, into: writer, tag: "commit-\(commit)")
            try writer.executeScript("COMMIT")
            counts.append(try reader.scalarInt64("SELECT count(*) FROM sample WHERE tag = ?", [.text("commit-\(commit)")]) ?? -1)
        }

        #expect(counts == (1...20).map { Int64($0) })
    }

    @Test func transactionLargerThanTheBuffer_isReadBackWhole() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("test.sqlite")
        let rows = 3_000  // about 12 MB of pages, three times the buffer, in writes of many pieces
        do {
            let writer = try open(path, as: .writer)
            defer { writer.close() }
            try writer.executeScript("CREATE TABLE sample (id INTEGER PRIMARY KEY, tag TEXT NOT NULL, data BLOB NOT NULL)")
            try writer.executeScript("BEGIN IMMEDIATE")
            try insertRows(rows, into: writer, tag: "large")
            try writer.executeScript("COMMIT")
        }

        let reopened = try open(path, as: .reader)
        defer { reopened.close() }
        #expect(try reopened.scalarInt64("SELECT count(*) FROM sample") == Int64(rows))
        #expect(try reopened.scalarInt64("SELECT sum(length(data)) FROM sample") == Int64(rows * Self.rowBytes))
        #expect(try reopened.queryFirst("PRAGMA integrity_check") { try $0.text(0) } == "ok")
    }

    @Test func rolledBackFrames_doNotOverwriteTheNextWritersCommit() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("test.sqlite")
        let first = try open(path, as: .writer)
        try first.executeScript("CREATE TABLE sample (id INTEGER PRIMARY KEY, tag TEXT NOT NULL, data BLOB NOT NULL)")
        // A tiny page cache makes the transaction spill pages into the WAL before it ends.
        try first.executeScript("PRAGMA cache_size = 10")
        let second = try open(path, as: .writer)

        try first.executeScript("BEGIN IMMEDIATE")
        try insertRows(200, into: first, tag: "rolled-back")
        try first.executeScript("ROLLBACK")
        try second.executeScript("BEGIN IMMEDIATE")
        try insertRows(5, into: second, tag: "committed")
        try second.executeScript("COMMIT")
        first.close()
        second.close()

        let reopened = try open(path, as: .reader)
        defer { reopened.close() }
        #expect(try reopened.scalarInt64("SELECT count(*) FROM sample WHERE tag = 'committed'") == 5)
        #expect(try reopened.scalarInt64("SELECT count(*) FROM sample WHERE tag = 'rolled-back'") == 0)
        #expect(try reopened.queryFirst("PRAGMA integrity_check") { try $0.text(0) } == "ok")
    }
}
