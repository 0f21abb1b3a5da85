import LedgerportSQLite

/// Adds the dead-letter status `replayed`, and gives it to the dead letters that earlier versions closed as `resolved` by a replay.
///
/// A replay puts the delivery back in the queue, so whether it then
/// succeeds is the delivery's state, not the dead letter's: a delivery
/// that fails again parks as a new dead letter. Until now a replay closed
/// the letter as `resolved`, as if the cause were fixed. SQLite cannot
/// change a `CHECK` constraint in place, so the table is rebuilt with its
/// rows and indexes. Nothing references `dead_letters`, so the rebuild
/// breaks no foreign key. A letter counts as replayed when its tenant's
/// audit chain has a `dead_letter.replayed` entry for it, because every
/// replay wrote one in the same transaction. A letter an operator resolved
/// by hand has none and stays `resolved`.
enum Migration0005AddReplayedDeadLetterStatus {
    static let migration = SQLiteMigration(number: 5, name: "add_replayed_dead_letter_status", sql: sql)

    private static let sql = """
        CREATE TABLE dead_letters_with_replayed (
            id INTEGER PRIMARY KEY,
            tenant_id TEXT NOT NULL,
            delivery_id INTEGER NOT NULL REFERENCES deliveries (id),
            event_id INTEGER NOT NULL REFERENCES events (id),
            flow_id TEXT NOT NULL,
            reason TEXT NOT NULL CHECK (reason IN ('configuration', 'business', 'retries_exhausted', 'system')),
            error_code TEXT NOT NULL,
            message TEXT NOT NULL,
            target_message TEXT,
            correlation_id TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('parked', 'replayed', 'resolved', 'discarded')),
            parked_at_ms INTEGER NOT NULL,
            closed_at_ms INTEGER,
            close_reason TEXT,
            closed_by TEXT
        ) STRICT;

        INSERT INTO dead_letters_with_replayed (id, tenant_id, delivery_id, event_id, flow_id, reason, error_code, message,
            target_message, correlation_id, status, parked_at_ms, closed_at_ms, close_reason, closed_by)
        SELECT d.id, d.tenant_id, d.delivery_id, d.event_id, d.flow_id, d.reason, d.error_code, d.message,
            d.target_message, d.correlation_id,
            CASE WHEN d.status = 'resolved' AND replays.subject_id IS NOT NULL THEN 'replayed' ELSE d.status END,
            d.parked_at_ms, d.closed_at_ms, d.close_reason, d.closed_by
        FROM dead_letters AS d
        LEFT JOIN (SELECT DISTINCT tenant_id, subject_id FROM audit_log WHERE action = 'dead_letter.replayed') AS replays
            ON replays.tenant_id = d.tenant_id AND replays.subject_id = CAST(d.id AS TEXT);

        DROP TABLE dead_letters;
        ALTER TABLE dead_letters_with_replayed RENAME TO dead_letters;
        CREATE INDEX dead_letters_by_status ON dead_letters (tenant_id, status, id);
        CREATE UNIQUE INDEX dead_letters_one_parked_per_delivery ON dead_letters (delivery_id) WHERE status = 'parked';
        """
}
