import LedgerportSQLite

/// Keeps each event's source ordering version beside its ordering key.
///
/// Deliveries created at ingest carry the version, but deliveries created
/// later for a stored event (`flow deliver-stored`) had only the key, and
/// ran with version 0 ahead of every pending delivery of that key. Events
/// stored before this migration have no version, and their late deliveries
/// keep version 0.
enum Migration0006StoreEventOrderingVersion {
    static let migration = SQLiteMigration(number: 6, name: "store_event_ordering_version", sql: sql)

    private static let sql = """
        ALTER TABLE events ADD COLUMN ordering_version INTEGER;
        """
}
