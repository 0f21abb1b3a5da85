import LedgerportSQLite

/// Indexes the schedule runs that are not completed, so the runner finds every run to resume or retry without reading a flow's whole history.
///
/// Before this migration the runner read only a flow's newest 100 runs, so
/// with short windows and long retry delays an older failed window was
/// never retried.
enum Migration0013IndexUnfinishedScheduleRuns {
    static let migration = SQLiteMigration(number: 13, name: "index_unfinished_schedule_runs", sql: sql)

    private static let sql = """
        CREATE INDEX schedule_runs_unfinished ON schedule_runs (tenant_id, flow_id, window_start_ms)
            WHERE state IN ('running', 'failed');
        """
}
