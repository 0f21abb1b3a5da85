/// The SQL text of a cached statement, hashed by its length and its first and last bytes only.
///
/// The writer looks up a statement for every row it writes. A whole
/// statement is often several hundred bytes, and hashing them took most of
/// the lookup's time. Statements that differ only in the middle share a hash
/// bucket, and equality still compares the whole text.
struct StatementKey: Hashable {
    /// The bytes hashed from each end of the text.
    private static let sampledBytes = 32

    let sql: String

    static func == (left: StatementKey, right: StatementKey) -> Bool {
        left.sql == right.sql
    }

    func hash(into hasher: inout Hasher) {
        let utf8 = sql.utf8
        hasher.combine(utf8.count)
        let sampled: Bool? = utf8.withContiguousStorageIfAvailable { bytes in
            let head = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[..<Swift.min(bytes.count, Self.sampledBytes)]))
            let tail = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[Swift.max(0, bytes.count - Self.sampledBytes)...]))
            hasher.combine(bytes: head)
            hasher.combine(bytes: tail)
            return true
        }
        if sampled == nil {
            hasher.combine(sql)
        }
    }
}
