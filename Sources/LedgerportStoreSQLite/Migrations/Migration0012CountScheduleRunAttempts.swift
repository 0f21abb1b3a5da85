import LedgerportSQLite

/// Counts the attempts of a schedule window's run, so a failed window can be run again under its flow's retry policy.
///
/// Before this migration a window whose run failed (the source unreachable,
/// for example) was never run again, and its objects were never listed.
/// A run now starts with one attempt and each retry adds one.
enum Migration0012CountScheduleRunAttempts {
    static let migration = SQLiteMigration(number: 12, name: "count_schedule_run_attempts", sql: sql)

    private static let sql = """
        ALTER TABLE schedule_runs ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1 CHECK (attempts >= 1);
        """
}
