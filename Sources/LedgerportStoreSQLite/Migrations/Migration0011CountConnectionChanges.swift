import LedgerportSQLite

/// Numbers every change to a connection's configuration, state or secret values, so a running runtime can find them.
///
/// A runtime caches each connection's connector for up to a minute. Before
/// this migration a change made by the CLI, another process, only reached
/// a running runtime when that cache expired. Each change now takes the next
/// number in `change_sequence`, set by triggers so no write path can forget
/// it, and the runtime reads the connections changed after the last number it saw.
enum Migration0011CountConnectionChanges {
    static let migration = SQLiteMigration(number: 11, name: "count_connection_changes", sql: sql)

    private static let nextNumber = "(SELECT max(change_sequence) FROM connections) + 1"

    private static let sql = """
        ALTER TABLE connections ADD COLUMN change_sequence INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX connections_by_change_sequence ON connections (change_sequence);

        CREATE TRIGGER connections_count_change AFTER UPDATE OF configuration_json, state, connector_id, connector_version ON connections
        BEGIN
            UPDATE connections SET change_sequence = \(nextNumber) WHERE tenant_id = NEW.tenant_id AND id = NEW.id;
        END;
        CREATE TRIGGER connection_secret_values_count_insert AFTER INSERT ON connection_secret_values
        BEGIN
            UPDATE connections SET change_sequence = \(nextNumber) WHERE tenant_id = NEW.tenant_id AND id = NEW.connection_id;
        END;
        CREATE TRIGGER connection_secret_values_count_update AFTER UPDATE ON connection_secret_values
        BEGIN
            UPDATE connections SET change_sequence = \(nextNumber) WHERE tenant_id = NEW.tenant_id AND id = NEW.connection_id;
        END;
        """
}
