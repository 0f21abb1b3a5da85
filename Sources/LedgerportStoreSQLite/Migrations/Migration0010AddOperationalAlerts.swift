import LedgerportSQLite

/// Keeps raised operational alerts, one per connection, so that they outlive a restart.
///
/// Before this migration the runtime kept them in memory only, and a
/// restart cleared them until the connection failed again.
enum Migration0010AddOperationalAlerts {
    static let migration = SQLiteMigration(number: 10, name: "add_operational_alerts", sql: sql)

    private static let sql = """
        CREATE TABLE operational_alerts (
            tenant_id TEXT NOT NULL,
            connection_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            code TEXT NOT NULL,
            message TEXT NOT NULL,
            since_ms INTEGER NOT NULL,
            last_seen_ms INTEGER NOT NULL,
            occurrences INTEGER NOT NULL CHECK (occurrences > 0),
            PRIMARY KEY (tenant_id, connection_id),
            FOREIGN KEY (tenant_id, connection_id) REFERENCES connections (tenant_id, id)
        ) STRICT;
        """
}
