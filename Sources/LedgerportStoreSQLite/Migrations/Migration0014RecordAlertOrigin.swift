import LedgerportSQLite

/// Records what raised each operational alert: a call toward the connection or the translation of its events.
///
/// Before this migration a translated event cleared any `system_failing`
/// alert of its source connection, even one that a scheduled listing's
/// unexpected response had raised and that no webhook could show fixed.
/// Alerts stored before it count as raised by a call, so one that a
/// translation raised clears at the connection's next successful call.
enum Migration0014RecordAlertOrigin {
    static let migration = SQLiteMigration(number: 14, name: "record_alert_origin", sql: sql)

    private static let sql = """
        ALTER TABLE operational_alerts ADD COLUMN origin TEXT NOT NULL DEFAULT 'call' CHECK (origin IN ('call', 'translation'));
        """
}
