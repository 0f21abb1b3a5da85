import LedgerportSQLite

/// The first schema: tenants, connections, events, the delivery queue, governance and the audit log.
///
/// Conventions: times are `*_at_ms` integers (milliseconds since 1970-01-01
/// UTC), and JSON is stored as canonical text in `*_json` columns. Every
/// tenant-owned table has a `tenant_id` column, which every query filters by. The audit
/// log stores the platform chain under `tenant_id = ''`, which no tenant id
/// can equal because tenant ids are UUIDs.
enum Migration0001CreateCoreTables {
    static let migration = SQLiteMigration(number: 1, name: "create_core_tables", sql: sql)

    private static let sql = """
        CREATE TABLE tenants (
            id TEXT PRIMARY KEY,
            slug TEXT NOT NULL UNIQUE,
            display_name TEXT NOT NULL,
            time_zone TEXT NOT NULL,
            created_at_ms INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE environments (
            tenant_id TEXT NOT NULL REFERENCES tenants (id),
            name TEXT NOT NULL,
            created_at_ms INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, name)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE connections (
            tenant_id TEXT NOT NULL,
            id TEXT NOT NULL,
            environment TEXT NOT NULL,
            connector_id TEXT NOT NULL,
            connector_version TEXT NOT NULL,
            configuration_json TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('active', 'paused', 'disabled')),
            created_at_ms INTEGER NOT NULL,
            updated_at_ms INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, id),
            FOREIGN KEY (tenant_id, environment) REFERENCES environments (tenant_id, name)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE connection_secret_values (
            id INTEGER PRIMARY KEY,
            tenant_id TEXT NOT NULL,
            connection_id TEXT NOT NULL,
            field TEXT NOT NULL,
            sealed_box BLOB NOT NULL,
            active_from_ms INTEGER NOT NULL,
            expires_at_ms INTEGER,
            created_at_ms INTEGER NOT NULL,
            FOREIGN KEY (tenant_id, connection_id) REFERENCES connections (tenant_id, id)
        ) STRICT;
        CREATE INDEX connection_secret_values_by_field ON connection_secret_values (tenant_id, connection_id, field);

        CREATE TABLE master_key_check (
            singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
            sealed_box BLOB NOT NULL,
            created_at_ms INTEGER NOT NULL
        ) STRICT;

        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            tenant_id TEXT NOT NULL,
            connection_id TEXT NOT NULL,
            source_event_id TEXT NOT NULL,
            event_type TEXT NOT NULL,
            received_at_ms INTEGER NOT NULL,
            correlation_id TEXT NOT NULL,
            payload BLOB,
            payload_sha256 BLOB NOT NULL,
            ordering_key TEXT,
            UNIQUE (tenant_id, connection_id, source_event_id),
            FOREIGN KEY (tenant_id, connection_id) REFERENCES connections (tenant_id, id)
        ) STRICT;

        CREATE TABLE deliveries (
            id INTEGER PRIMARY KEY,
            tenant_id TEXT NOT NULL,
            event_id INTEGER NOT NULL REFERENCES events (id),
            flow_id TEXT NOT NULL,
            ordering_key TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('pending', 'in_flight', 'delivered', 'parked', 'discarded')),
            attempt_count INTEGER NOT NULL DEFAULT 0,
            next_attempt_at_ms INTEGER NOT NULL,
            lease_expires_at_ms INTEGER,
            claim_count INTEGER NOT NULL DEFAULT 0,
            mapping_id TEXT,
            mapping_version INTEGER,
            connector_version TEXT,
            last_error TEXT,
            created_at_ms INTEGER NOT NULL,
            updated_at_ms INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX deliveries_due ON deliveries (tenant_id, next_attempt_at_ms)
            WHERE state IN ('pending', 'in_flight');
        CREATE INDEX deliveries_open_by_ordering_key ON deliveries (tenant_id, ordering_key, id)
            WHERE state IN ('pending', 'in_flight');
        CREATE INDEX deliveries_by_event ON deliveries (event_id);

        CREATE TABLE delivery_attempts (
            id INTEGER PRIMARY KEY,
            tenant_id TEXT NOT NULL,
            delivery_id INTEGER NOT NULL REFERENCES deliveries (id),
            number INTEGER NOT NULL,
            started_at_ms INTEGER NOT NULL,
            finished_at_ms INTEGER NOT NULL,
            outcome TEXT NOT NULL CHECK (outcome IN ('delivered', 'retry', 'parked')),
            failure_class TEXT CHECK (failure_class IN ('configuration', 'transient', 'business', 'system')),
            error_code TEXT,
            error_message TEXT,
            target_message TEXT,
            mapping_id TEXT,
            mapping_version INTEGER,
            UNIQUE (delivery_id, number)
        ) STRICT;

        CREATE TABLE dead_letters (
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
            status TEXT NOT NULL CHECK (status IN ('parked', 'resolved', 'discarded')),
            parked_at_ms INTEGER NOT NULL,
            closed_at_ms INTEGER,
            close_reason TEXT,
            closed_by TEXT
        ) STRICT;
        CREATE INDEX dead_letters_by_status ON dead_letters (tenant_id, status, id);
        CREATE UNIQUE INDEX dead_letters_one_parked_per_delivery ON dead_letters (delivery_id) WHERE status = 'parked';

        CREATE TABLE mappings (
            tenant_id TEXT NOT NULL REFERENCES tenants (id),
            id TEXT NOT NULL,
            display_name TEXT NOT NULL,
            created_at_ms INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, id)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE mapping_versions (
            tenant_id TEXT NOT NULL,
            mapping_id TEXT NOT NULL,
            version INTEGER NOT NULL CHECK (version >= 1),
            content_json TEXT NOT NULL,
            digest TEXT NOT NULL,
            created_at_ms INTEGER NOT NULL,
            created_by TEXT NOT NULL,
            PRIMARY KEY (tenant_id, mapping_id, version),
            FOREIGN KEY (tenant_id, mapping_id) REFERENCES mappings (tenant_id, id)
        ) STRICT, WITHOUT ROWID;
        CREATE TRIGGER mapping_versions_reject_update BEFORE UPDATE ON mapping_versions
        BEGIN SELECT RAISE(ABORT, 'mapping versions are immutable'); END;
        CREATE TRIGGER mapping_versions_reject_delete BEFORE DELETE ON mapping_versions
        BEGIN SELECT RAISE(ABORT, 'mapping versions are immutable'); END;

        CREATE TABLE mapping_activations (
            tenant_id TEXT NOT NULL,
            environment TEXT NOT NULL,
            mapping_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            change_request_id TEXT,
            activated_at_ms INTEGER NOT NULL,
            activated_by TEXT NOT NULL,
            PRIMARY KEY (tenant_id, environment, mapping_id),
            FOREIGN KEY (tenant_id, environment) REFERENCES environments (tenant_id, name),
            FOREIGN KEY (tenant_id, mapping_id, version) REFERENCES mapping_versions (tenant_id, mapping_id, version)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE change_requests (
            tenant_id TEXT NOT NULL,
            id TEXT NOT NULL,
            environment TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('activate_mapping', 'promote_mapping', 'upgrade_connector')),
            subject_json TEXT NOT NULL,
            summary TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('open', 'approved', 'rejected', 'applied', 'withdrawn')),
            evidence_json TEXT NOT NULL,
            proposed_by TEXT NOT NULL,
            proposed_at_ms INTEGER NOT NULL,
            updated_at_ms INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, id),
            FOREIGN KEY (tenant_id, environment) REFERENCES environments (tenant_id, name)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE change_approvals (
            tenant_id TEXT NOT NULL,
            change_request_id TEXT NOT NULL,
            reviewer TEXT NOT NULL,
            decision TEXT NOT NULL CHECK (decision IN ('approve', 'reject')),
            comment TEXT NOT NULL,
            decided_at_ms INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, change_request_id, reviewer),
            FOREIGN KEY (tenant_id, change_request_id) REFERENCES change_requests (tenant_id, id)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE certificates (
            id INTEGER PRIMARY KEY,
            connector_id TEXT NOT NULL,
            connector_version TEXT NOT NULL,
            spec_digest TEXT NOT NULL,
            build_digest TEXT NOT NULL,
            result TEXT NOT NULL CHECK (result IN ('passed', 'failed')),
            report_json TEXT NOT NULL,
            signature BLOB NOT NULL,
            issued_at_ms INTEGER NOT NULL,
            UNIQUE (connector_id, connector_version, build_digest)
        ) STRICT;

        CREATE TABLE audit_log (
            tenant_id TEXT NOT NULL,
            sequence INTEGER NOT NULL CHECK (sequence >= 1),
            occurred_at_ms INTEGER NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            subject_kind TEXT NOT NULL,
            subject_id TEXT NOT NULL,
            details_json TEXT NOT NULL,
            previous_hash BLOB NOT NULL,
            entry_hash BLOB NOT NULL,
            PRIMARY KEY (tenant_id, sequence)
        ) STRICT, WITHOUT ROWID;
        CREATE TRIGGER audit_log_reject_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_log_reject_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        """
}
