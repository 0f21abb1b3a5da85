import LedgerportSQLite

/// Rewrites the `state IN (...)` conditions of the partial indexes on deliveries as `OR` of equalities.
///
/// SQLite 3.40 evaluates a partial index's condition on every insert and
/// update of the table, and it builds a temporary table for each `IN` list
/// to do so. Timed through Python's sqlite3 module on this table and its
/// indexes (50,000 rows), an attempt's `UPDATE deliveries` took 7.9 us with
/// the `IN` lists and 4.8 us with these conditions. Queries use an index only
/// when they repeat its condition, so they spell it the same way.
enum Migration0007SpellOutPartialIndexStates {
    static let migration = SQLiteMigration(number: 7, name: "spell_out_partial_index_states", sql: sql)

    private static let sql = """
        DROP INDEX deliveries_due;
        CREATE INDEX deliveries_due ON deliveries (tenant_id, next_attempt_at_ms)
            WHERE (state = 'pending' OR state = 'in_flight');
        DROP INDEX deliveries_open_by_ordering_key;
        CREATE INDEX deliveries_open_by_ordering_key ON deliveries (tenant_id, ordering_key, ordering_version, id)
            WHERE (state = 'pending' OR state = 'in_flight');
        DROP INDEX deliveries_finished_by_flow;
        CREATE INDEX deliveries_finished_by_flow ON deliveries (tenant_id, flow_id, created_at_ms)
            WHERE (state = 'delivered' OR state = 'parked' OR state = 'discarded');
        """
}
