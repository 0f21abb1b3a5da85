import LedgerportSQLite

/// Flows with their applied object versions and schedule runs, API tokens, and an index for per-flow delivery counts.
///
/// `applied_object_versions` has no foreign key to `flows`, because it is
/// written from a delivery's `flow_id` and deliveries do not reference
/// `flows` either. `api_tokens.tenant_id` is `NULL` for platform tokens, and
/// only those have the `operator` role.
///
/// `deliveries_by_flow_created` cost one more B-tree insert per delivery at
/// ingest, so ``Migration0003IndexFinishedDeliveriesByFlow`` replaces it.
enum Migration0002AddFlowsAndAPITokens {
    static let migration = SQLiteMigration(number: 2, name: "add_flows_and_api_tokens", sql: sql)

    private static let sql = """
        CREATE TABLE flows (
            tenant_id TEXT NOT NULL,
            id TEXT NOT NULL,
            environment TEXT NOT NULL,
            source_connection_id TEXT NOT NULL,
            target_connection_id TEXT NOT NULL,
            mapping_id TEXT NOT NULL,
            native_event_types_json TEXT NOT NULL,
            mode TEXT NOT NULL CHECK (mode IN ('realtime', 'scheduled')),
            schedule_json TEXT,
            retry_policy_json TEXT NOT NULL,
            slo_objective TEXT NOT NULL,
            slo_target_seconds INTEGER NOT NULL CHECK (slo_target_seconds > 0),
            state TEXT NOT NULL CHECK (state IN ('active', 'paused')),
            created_at_ms INTEGER NOT NULL,
            updated_at_ms INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, id),
            FOREIGN KEY (tenant_id, environment) REFERENCES environments (tenant_id, name),
            FOREIGN KEY (tenant_id, source_connection_id) REFERENCES connections (tenant_id, id),
            FOREIGN KEY (tenant_id, target_connection_id) REFERENCES connections (tenant_id, id)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE applied_object_versions (
            tenant_id TEXT NOT NULL,
            flow_id TEXT NOT NULL,
            object_key TEXT NOT NULL,
            version INTEGER NOT NULL,
            updated_at_ms INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, flow_id, object_key)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE schedule_runs (
            tenant_id TEXT NOT NULL,
            flow_id TEXT NOT NULL,
            window_start_ms INTEGER NOT NULL,
            window_end_ms INTEGER NOT NULL CHECK (window_end_ms > window_start_ms),
            state TEXT NOT NULL CHECK (state IN ('running', 'completed', 'failed')),
            started_at_ms INTEGER NOT NULL,
            finished_at_ms INTEGER,
            detail TEXT,
            PRIMARY KEY (tenant_id, flow_id, window_start_ms),
            FOREIGN KEY (tenant_id, flow_id) REFERENCES flows (tenant_id, id)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE api_tokens (
            id TEXT NOT NULL PRIMARY KEY,
            tenant_id TEXT REFERENCES tenants (id),
            role TEXT NOT NULL CHECK (role IN ('operator', 'tenant_admin', 'finance_operator', 'board_member', 'viewer')),
            name TEXT NOT NULL,
            token_digest BLOB NOT NULL UNIQUE CHECK (length(token_digest) = 32),
            created_at_ms INTEGER NOT NULL,
            revoked_at_ms INTEGER,
            CHECK ((tenant_id IS NULL) = (role = 'operator'))
        ) STRICT;
        CREATE INDEX api_tokens_by_tenant ON api_tokens (tenant_id);

        CREATE INDEX deliveries_by_flow_created ON deliveries (tenant_id, flow_id, created_at_ms);
        """
}
