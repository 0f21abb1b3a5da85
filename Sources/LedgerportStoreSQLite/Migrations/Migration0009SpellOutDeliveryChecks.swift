import LedgerportSQLite

/// Rebuilds `deliveries` and `dead_letters` with their `CHECK` constraints written as `OR` of equalities.
///
/// Migration 0008 did this for `delivery_attempts`. SQLite 3.40 builds a
/// temporary table for each `IN` list of a `CHECK` constraint whenever it
/// writes a row. A delivery's row is written when it is created at ingest,
/// when it is claimed and when its attempt is recorded. Timed through
/// Python's sqlite3 module on a table of 50,000 deliveries, an update of
/// `state` took 3.2 us with the `IN` list and 1.5 us with these conditions.
///
/// `delivery_attempts` and `dead_letters` refer to `deliveries`, so the
/// migration runs with foreign key enforcement off, as the rebuild procedure
/// in SQLite's ALTER TABLE documentation requires. The migrator checks every
/// foreign key before it commits. Columns keep their order, so `SELECT *`
/// readers see no change, and the indexes are created again unchanged.
///
/// NOTE: the first start of this version copies every delivery row and then
/// checks every foreign key of the database, in one transaction. A store of
/// 231,443 events and deliveries (1 GB) took 2.6 s here, so a store with ten
/// million deliveries would take about two minutes (an estimate).
enum Migration0009SpellOutDeliveryChecks {
    static let migration = SQLiteMigration(
        number: 9, name: "spell_out_delivery_checks", sql: sql, suspendsForeignKeys: true)

    private static let sql = """
        CREATE TABLE deliveries_rebuilt (
            id INTEGER PRIMARY KEY,
            tenant_id TEXT NOT NULL,
            event_id INTEGER NOT NULL REFERENCES events (id),
            flow_id TEXT NOT NULL,
            ordering_key TEXT NOT NULL,
            state TEXT NOT NULL CHECK (
                state = 'pending' OR state = 'in_flight' OR state = 'delivered' OR state = 'parked' OR state = 'discarded'),
            attempt_count INTEGER NOT NULL DEFAULT 0,
            next_attempt_at_ms INTEGER NOT NULL,
            lease_expires_at_ms INTEGER,
            claim_count INTEGER NOT NULL DEFAULT 0,
            mapping_id TEXT,
            mapping_version INTEGER,
            connector_version TEXT,
            last_error TEXT,
            created_at_ms INTEGER NOT NULL,
            updated_at_ms INTEGER NOT NULL,
            ordering_version INTEGER NOT NULL DEFAULT 0
        ) STRICT;
        INSERT INTO deliveries_rebuilt (id, tenant_id, event_id, flow_id, ordering_key, state, attempt_count, next_attempt_at_ms,
            lease_expires_at_ms, claim_count, mapping_id, mapping_version, connector_version, last_error, created_at_ms, updated_at_ms,
            ordering_version)
        SELECT id, tenant_id, event_id, flow_id, ordering_key, state, attempt_count, next_attempt_at_ms,
            lease_expires_at_ms, claim_count, mapping_id, mapping_version, connector_version, last_error, created_at_ms, updated_at_ms,
            ordering_version
        FROM deliveries;
        DROP TABLE deliveries;
        ALTER TABLE deliveries_rebuilt RENAME TO deliveries;
        CREATE INDEX deliveries_by_event ON deliveries (event_id);
        CREATE INDEX deliveries_due ON deliveries (tenant_id, next_attempt_at_ms)
            WHERE (state = 'pending' OR state = 'in_flight');
        CREATE INDEX deliveries_open_by_ordering_key ON deliveries (tenant_id, ordering_key, ordering_version, id)
            WHERE (state = 'pending' OR state = 'in_flight');
        CREATE INDEX deliveries_finished_by_flow ON deliveries (tenant_id, flow_id, created_at_ms)
            WHERE (state = 'delivered' OR state = 'parked' OR state = 'discarded');

        CREATE TABLE dead_letters_rebuilt (
            id INTEGER PRIMARY KEY,
            tenant_id TEXT NOT NULL,
            delivery_id INTEGER NOT NULL REFERENCES deliveries (id),
            event_id INTEGER NOT NULL REFERENCES events (id),
            flow_id TEXT NOT NULL,
            reason TEXT NOT NULL CHECK (
                reason = 'configuration' OR reason = 'business' OR reason = 'retries_exhausted' OR reason = 'system'),
            error_code TEXT NOT NULL,
            message TEXT NOT NULL,
            target_message TEXT,
            correlation_id TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status = 'parked' OR status = 'replayed' OR status = 'resolved' OR status = 'discarded'),
            parked_at_ms INTEGER NOT NULL,
            closed_at_ms INTEGER,
            close_reason TEXT,
            closed_by TEXT
        ) STRICT;
        INSERT INTO dead_letters_rebuilt (id, tenant_id, delivery_id, event_id, flow_id, reason, error_code, message, target_message,
            correlation_id, status, parked_at_ms, closed_at_ms, close_reason, closed_by)
        SELECT id, tenant_id, delivery_id, event_id, flow_id, reason, error_code, message, target_message,
            correlation_id, status, parked_at_ms, closed_at_ms, close_reason, closed_by
        FROM dead_letters;
        DROP TABLE dead_letters;
        ALTER TABLE dead_letters_rebuilt RENAME TO dead_letters;
        CREATE INDEX dead_letters_by_status ON dead_letters (tenant_id, status, id);
        CREATE UNIQUE INDEX dead_letters_one_parked_per_delivery ON dead_letters (delivery_id) WHERE status = 'parked';
        """
}
