import Foundation
import LedgerportSDK
import LedgerportSQLite
import LedgerportStore

extension SQLiteStore {
    /// Inserts a `running` run of the window, or returns nil when the window has a run already.
    ///
    /// The primary key (tenant, flow, window start) decides, so of concurrent
    /// starts of one window, also from two processes, exactly one inserts.
    ///
    /// - Throws: ``StoreError`` `not_found` for a flow the tenant does not have,
    ///   `invalid_input` when the window does not end after it starts.
    package func startScheduleRun(flow: FlowID, windowStart: Date, windowEnd: Date, tenant: TenantID) async throws -> ScheduleRun? {
        let operation = "start schedule run of flow \"\(flow)\""
        let run = ScheduleRun(
            tenantID: tenant, flowID: flow, windowStart: StoreTime.truncated(windowStart), windowEnd: StoreTime.truncated(windowEnd),
            state: .running, startedAt: StoreTime.now(clock), finishedAt: nil, detail: nil)
        guard run.windowEnd > run.windowStart else {
            throw StoreError.invalidInput(
                operation, "window", "ends at \(StoreTime.iso8601(run.windowEnd)), not after its start \(StoreTime.iso8601(run.windowStart))")
        }

        return try await write(operation) { db in
            try FlowRows.require(flow, tenant: tenant, operation: "start schedule run of flow", on: db)
            do {
                try db.execute(
                    """
                    INSERT INTO schedule_runs (tenant_id, flow_id, window_start_ms, window_end_ms, state, started_at_ms)
                    VALUES (?, ?, ?, ?, 'running', ?)
                    """,
                    [.text(tenant.rawValue), .text(flow.rawValue), .integer(StoreTime.milliseconds(run.windowStart)),
                     .integer(StoreTime.milliseconds(run.windowEnd)), .integer(StoreTime.milliseconds(run.startedAt))])
            } catch let error as SQLiteError where error.isUniqueViolation {
                return nil
            }
            return run
        }
    }

    /// Moves a `running` run to `completed` or `failed` with its detail.
    ///
    /// - Throws: ``StoreError`` `not_found` when the window has no run,
    ///   `conflict` when the run is finished already, `invalid_input` for the state `running`.
    package func finishScheduleRun(
        flow: FlowID, windowStart: Date, state: ScheduleRunState, detail: String, tenant: TenantID
    ) async throws -> ScheduleRun {
        let window = StoreTime.iso8601(windowStart)
        let operation = "finish schedule run of flow \"\(flow)\" for window \(window)"
        guard state != .running else {
            throw StoreError.invalidInput(operation, "state \"running\"", "a run finishes as \"completed\" or \"failed\"")
        }
        let now = StoreTime.now(clock)

        return try await write(operation) { db in
            let run = try ScheduleRunRows.require(flow: flow, windowStart: windowStart, tenant: tenant, operation: operation, on: db)
            guard run.state == .running else {
                throw StoreError.conflict(operation, "run", "it is already \(run.state.rawValue)", hint: "start a run of another window")
            }
            try db.execute(
                """
                UPDATE schedule_runs SET state = ?, finished_at_ms = ?, detail = ?
                WHERE tenant_id = ? AND flow_id = ? AND window_start_ms = ?
                """,
                [.text(state.rawValue), .integer(StoreTime.milliseconds(now)), .text(detail), .text(tenant.rawValue), .text(flow.rawValue),
                 .integer(StoreTime.milliseconds(windowStart))])
            return try ScheduleRunRows.require(flow: flow, windowStart: windowStart, tenant: tenant, operation: operation, on: db)
        }
    }

    /// Moves a `failed` run back to `running`, counting one more attempt and clearing its finish.
    ///
    /// The `WHERE state = 'failed'` decides, so of concurrent retries of one window, also from two processes, exactly one wins.
    ///
    /// - Throws: ``StoreError`` `not_found` when the flow has no run of a window starting at `windowStart`.
    package func retryScheduleRun(flow: FlowID, windowStart: Date, tenant: TenantID, actor: String?) async throws -> ScheduleRun? {
        let window = StoreTime.iso8601(windowStart)
        let operation = "run window \(window) of flow \"\(flow)\" again"
        let now = StoreTime.now(clock)
        return try await write(operation) { db in
            guard try ScheduleRunRows.find(flow: flow, windowStart: windowStart, tenant: tenant, on: db) != nil else {
                throw StoreError(
                    .notFound, "\(operation): the flow has no run of a window starting then",
                    hint: "copy a window start from the flow's runs (ledgerport flow show, or schedule_status in the admin API)")
            }
            let changed = try db.execute(
                """
                UPDATE schedule_runs SET state = 'running', attempts = attempts + 1, started_at_ms = ?, finished_at_ms = NULL
                WHERE tenant_id = ? AND flow_id = ? AND window_start_ms = ? AND state = 'failed'
                """,
                [.integer(StoreTime.milliseconds(now)), .text(tenant.rawValue), .text(flow.rawValue), .integer(StoreTime.milliseconds(windowStart))])
            guard changed == 1 else {
                return nil
            }
            let run = try ScheduleRunRows.require(flow: flow, windowStart: windowStart, tenant: tenant, operation: operation, on: db)
            if let actor {
                try AuditRows.append(
                    NewAuditEntry(
                        occurredAt: now, actor: actor, action: "flow.window_rerun", subjectKind: "flow", subjectID: flow.rawValue,
                        details: ["window_start": .string(window), "attempt": .number(JSONNumber(run.attempts))]),
                    scope: .tenant(tenant), on: db)
            }
            return run
        }
    }

    package func scheduleRun(flow: FlowID, windowStart: Date, tenant: TenantID) async throws -> ScheduleRun? {
        try await read("read the run of window \(StoreTime.iso8601(windowStart)) of flow \"\(flow)\"") { db in
            try ScheduleRunRows.find(flow: flow, windowStart: windowStart, tenant: tenant, on: db)
        }
    }

    package func scheduleRuns(flow: FlowID, tenant: TenantID, limit: Int) async throws -> [ScheduleRun] {
        precondition(limit > 0, "listing schedule runs needs a positive limit")
        return try await read("list schedule runs of flow \"\(flow)\"") { db in
            try db.query(
                """
                SELECT \(ScheduleRunRows.columns) FROM schedule_runs
                WHERE tenant_id = ? AND flow_id = ? ORDER BY window_start_ms DESC LIMIT ?
                """,
                [.text(tenant.rawValue), .text(flow.rawValue), .integer(Int64(limit))], ScheduleRunRows.decode)
        }
    }
}

extension SQLiteStore {
    package func unfinishedScheduleRuns(flow: FlowID, tenant: TenantID, attemptsBelow: Int) async throws -> [ScheduleRun] {
        try await read("list unfinished schedule runs of flow \"\(flow)\"") { db in
            try db.query(
                """
                SELECT \(ScheduleRunRows.columns) FROM schedule_runs
                WHERE tenant_id = ? AND flow_id = ? AND state IN ('running', 'failed') AND (state = 'running' OR attempts < ?)
                ORDER BY window_start_ms
                """,
                [.text(tenant.rawValue), .text(flow.rawValue), .integer(Int64(attemptsBelow))], ScheduleRunRows.decode)
        }
    }
}

/// Reading rows of `schedule_runs`.
enum ScheduleRunRows {
    static let columns = "tenant_id, flow_id, window_start_ms, window_end_ms, state, started_at_ms, finished_at_ms, detail, attempts"

    static func decode(_ row: SQLiteRow) throws -> ScheduleRun {
        ScheduleRun(
            tenantID: TenantID(rawValue: try row.text(0)), flowID: FlowID(rawValue: try row.text(1)),
            windowStart: StoreTime.date(try row.int64(2)), windowEnd: StoreTime.date(try row.int64(3)),
            state: try StoredValue.decode(try row.text(4), as: ScheduleRunState.self, column: "schedule_runs.state"),
            startedAt: StoreTime.date(try row.int64(5)), finishedAt: StoreTime.optionalDate(try row.optionalInt64(6)),
            detail: try row.optionalText(7), attempts: Int(try row.int64(8)))
    }

    /// Reads the run of the tenant's flow for the window starting at `windowStart`, or throws `not_found`.
    /// Reads the flow's run of the window starting at `windowStart`, or nil when there is none.
    static func find(flow: FlowID, windowStart: Date, tenant: TenantID, on db: SQLiteConnection) throws -> ScheduleRun? {
        try db.queryFirst(
            "SELECT \(columns) FROM schedule_runs WHERE tenant_id = ? AND flow_id = ? AND window_start_ms = ?",
            [.text(tenant.rawValue), .text(flow.rawValue), .integer(StoreTime.milliseconds(windowStart))], decode)
    }

    static func require(flow: FlowID, windowStart: Date, tenant: TenantID, operation: String, on db: SQLiteConnection) throws -> ScheduleRun {
        guard let found = try find(flow: flow, windowStart: windowStart, tenant: tenant, on: db) else {
            throw StoreError.notFound(operation, "run of \(TenantRows.label(tenant, on: db))", hint: "start the run first with the same window start")
        }
        return found
    }
}
