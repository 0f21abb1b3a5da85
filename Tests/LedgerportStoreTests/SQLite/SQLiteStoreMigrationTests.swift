import Foundation
import LedgerportSDK
import LedgerportSQLite
import LedgerportStore
import Testing

@testable import LedgerportStoreSQLite

@Suite struct SQLiteStoreMigrationTests {
    private let clock = ManualClock(Date(timeIntervalSince1970: 1_767_225_600))

    private func open(_ path: String, migrations: [SQLiteMigration] = StoreMigrations.all) async throws -> SQLiteStore {
        try await SQLiteStore.open(SQLiteConfiguration(path: path), clock: clock, logger: .disabled, migrations: migrations)
    }

    private func recordedMigrations(_ path: String) async throws -> [SQLiteAppliedMigration] {
        let pool = try await SQLiteDatabasePool.open(SQLiteConfiguration(path: path, readerCount: 1))
        let recorded = try await pool.read { try SQLiteMigrator.appliedMigrations($0) }
        await pool.close()
        return recorded
    }

    @Test func reopening_appliesMigrationsOnceAndRecordsThem() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("ledgerport.sqlite")

        try await open(path).close()
        try await open(path).close()
        let recorded = try await recordedMigrations(path)

        #expect(recorded.map(\.number) == StoreMigrations.all.map(\.number))
        #expect(recorded.map(\.name) == StoreMigrations.all.map(\.name))
        #expect(recorded.map(\.checksum) == StoreMigrations.all.map(\.checksum))
        #expect(recorded.allSatisfy { $0.appliedAtMilliseconds == 1_767_225_600_000 })
    }

    @Test func laterMigrations_areRecorded() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("ledgerport.sqlite")

        try await open(path).close()
        let recorded = try await recordedMigrations(path)

        #expect(recorded.map(\.number) == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14])
        #expect(
            recorded.map(\.name).suffix(13) == [
                "add_flows_and_api_tokens", "index_finished_deliveries_by_flow", "order_deliveries_by_source_version", "add_replayed_dead_letter_status",
                "store_event_ordering_version", "spell_out_partial_index_states", "spell_out_attempt_checks", "spell_out_delivery_checks",
                "add_operational_alerts", "count_connection_changes", "count_schedule_run_attempts", "index_unfinished_schedule_runs",
                "record_alert_origin",
            ])
        #expect(recorded[1].checksum == Migration0002AddFlowsAndAPITokens.migration.checksum)
        #expect(recorded[2].checksum == Migration0003IndexFinishedDeliveriesByFlow.migration.checksum)
        #expect(recorded[3].checksum == Migration0004OrderDeliveriesBySourceVersion.migration.checksum)
        #expect(recorded[4].checksum == Migration0005AddReplayedDeadLetterStatus.migration.checksum)
        #expect(recorded[5].checksum == Migration0006StoreEventOrderingVersion.migration.checksum)
        #expect(recorded[6].checksum == Migration0007SpellOutPartialIndexStates.migration.checksum)
        #expect(recorded[7].checksum == Migration0008SpellOutAttemptChecks.migration.checksum)
        #expect(recorded[8].checksum == Migration0009SpellOutDeliveryChecks.migration.checksum)
        #expect(recorded[9].checksum == Migration0010AddOperationalAlerts.migration.checksum)
        #expect(recorded[10].checksum == Migration0011CountConnectionChanges.migration.checksum)
        #expect(recorded[11].checksum == Migration0012CountScheduleRunAttempts.migration.checksum)
        #expect(recorded[12].checksum == Migration0013IndexUnfinishedScheduleRuns.migration.checksum)
        #expect(recorded[13].checksum == Migration0014RecordAlertOrigin.migration.checksum)
    }

    @Test func databaseAt0001_upgradesKeepingRows() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("ledgerport.sqlite")
        let old = try await open(path, migrations: [Migration0001CreateCoreTables.migration])
        let tenant = try await StoreFixtures.tenant(old, "acme")
        try await StoreFixtures.connection(old, tenant: tenant)
        try await StoreFixtures.odooConnection(old, tenant: tenant)
        await old.close()
        // Today's store code writes columns that 0001 lacks, so the old rows are written as 0001's code wrote them.
        let deliveryID = try await insertDeliveryAt0001(path, tenant: tenant.id)

        let upgraded = try await open(path)
        let flow = try await upgraded.createFlow(StoreFixtures.flow(), tenant: tenant.id, actor: StoreFixtures.actor)
        let summary = try await upgraded.deliveryLatencySummary(flow: flow.id, since: .distantPast, targetSeconds: 60, tenant: tenant.id)
        let delivery = try await upgraded.delivery(deliveryID, tenant: tenant.id)
        await upgraded.close()

        #expect(try await recordedMigrations(path).map(\.number) == StoreMigrations.all.map(\.number))
        #expect(summary.total == 1)
        #expect(summary.open == 1)
        #expect(delivery.state == .pending)
        #expect(delivery.orderingVersion == 0)
    }

    @Test func databaseAt0004_marksReplayedDeadLettersReplayed() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("ledgerport.sqlite")
        let old = try await open(path, migrations: Array(StoreMigrations.all.prefix(4)))
        let tenant = try await StoreFixtures.tenant(old, "acme")
        try await StoreFixtures.connection(old, tenant: tenant)
        let replayed = try await parkOne(old, tenant: tenant, sourceID: "evt_1")
        let resolved = try await parkOne(old, tenant: tenant, sourceID: "evt_2")
        let parked = try await parkOne(old, tenant: tenant, sourceID: "evt_3")
        // Before 0005 a replay closed the letter as resolved, with the reason "replayed" and an audit entry.
        _ = try await old.appendAuditEntry(
            NewAuditEntry(occurredAt: clock.now(), actor: StoreFixtures.actor, action: "dead_letter.replayed", subjectKind: "dead_letter", subjectID: replayed.description),
            scope: .tenant(tenant.id))
        _ = try await old.closeDeadLetter(resolved, as: .resolved, reason: "replayed", tenant: tenant.id, actor: StoreFixtures.actor)
        await old.close()
        try await RawSQLite.execute(path: path, "UPDATE dead_letters SET status = 'resolved', close_reason = 'replayed' WHERE id = \(replayed.rawValue)")

        let upgraded = try await open(path)
        let letters = try await upgraded.deadLetters(tenant: tenant.id, filter: DeadLetterFilter(), after: nil, limit: 10)
        await upgraded.close()

        #expect(try await recordedMigrations(path).map(\.number) == StoreMigrations.all.map(\.number))
        #expect(letters.map(\.id) == [replayed, resolved, parked])
        #expect(letters.map(\.status) == [.replayed, .resolved, .parked])
        #expect(letters.map(\.closeReason) == ["replayed", "replayed", nil])
    }

    @Test func databaseAt0007_keepsAttemptsAndTheirChecks() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("ledgerport.sqlite")
        let old = try await open(path, migrations: Array(StoreMigrations.all.prefix(7)))
        let tenant = try await StoreFixtures.tenant(old, "acme")
        try await StoreFixtures.connection(old, tenant: tenant)
        let letter = try await parkOne(old, tenant: tenant, sourceID: "evt_1")
        let deliveryID = try await old.deadLetter(letter, tenant: tenant.id).deliveryID
        let before = try await old.deliveryAttempts(delivery: deliveryID, tenant: tenant.id)
        await old.close()

        let upgraded = try await open(path)
        let after = try await upgraded.deliveryAttempts(delivery: deliveryID, tenant: tenant.id)
        await upgraded.close()

        #expect(try await recordedMigrations(path).map(\.number) == StoreMigrations.all.map(\.number))
        #expect(before.count == 1)
        #expect(after == before)
        for (outcome, failureClass) in [("bogus", "'business'"), ("parked", "'bogus'")] {
            await #expect(throws: SQLiteError.self, "outcome \(outcome), failure class \(failureClass)") {
                try await RawSQLite.execute(
                    path: path,
                    """
                    INSERT INTO delivery_attempts (tenant_id, delivery_id, number, started_at_ms, finished_at_ms, outcome, failure_class)
                    VALUES ('\(tenant.id.rawValue)', \(deliveryID.rawValue), 9, 0, 0, '\(outcome)', \(failureClass))
                    """)
            }
        }
    }

    @Test func databaseAt0008_keepsDeliveriesDeadLettersAndTheirConstraints() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("ledgerport.sqlite")
        let old = try await open(path, migrations: Array(StoreMigrations.all.prefix(8)))
        let tenant = try await StoreFixtures.tenant(old, "acme")
        try await StoreFixtures.connection(old, tenant: tenant)
        let letter = try await parkOne(old, tenant: tenant, sourceID: "evt_1")
        let letterBefore = try await old.deadLetter(letter, tenant: tenant.id)
        let deliveryBefore = try await old.delivery(letterBefore.deliveryID, tenant: tenant.id)
        let attemptsBefore = try await old.deliveryAttempts(delivery: letterBefore.deliveryID, tenant: tenant.id)
        await old.close()

        let upgraded = try await open(path)
        let letterAfter = try await upgraded.deadLetter(letter, tenant: tenant.id)
        let deliveryAfter = try await upgraded.delivery(letterBefore.deliveryID, tenant: tenant.id)
        let attemptsAfter = try await upgraded.deliveryAttempts(delivery: letterBefore.deliveryID, tenant: tenant.id)
        await upgraded.close()

        #expect(try await recordedMigrations(path).map(\.number) == StoreMigrations.all.map(\.number))
        #expect(deliveryBefore.state == .parked)
        #expect(deliveryAfter == deliveryBefore)
        #expect(letterAfter == letterBefore)
        #expect(attemptsAfter == attemptsBefore)
        let indexes = try await RawSQLite.query(
            path: path, "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name IN ('deliveries', 'dead_letters') AND sql IS NOT NULL ORDER BY name"
        ) { try $0.text(0) }
        #expect(
            indexes == [
                "dead_letters_by_status", "dead_letters_one_parked_per_delivery", "deliveries_by_event", "deliveries_due",
                "deliveries_finished_by_flow", "deliveries_open_by_ordering_key",
            ])
        let tenantID = tenant.id.rawValue
        let delivery = letterBefore.deliveryID.rawValue
        let rejected = [
            "UPDATE deliveries SET state = 'bogus' WHERE id = \(delivery)",
            "UPDATE dead_letters SET status = 'bogus' WHERE id = \(letter.rawValue)",
            "UPDATE dead_letters SET reason = 'bogus' WHERE id = \(letter.rawValue)",
            // Foreign keys still point at the rebuilt tables.
            """
            INSERT INTO delivery_attempts (tenant_id, delivery_id, number, started_at_ms, finished_at_ms, outcome)
            VALUES ('\(tenantID)', 999999, 1, 0, 0, 'retry')
            """,
            "DELETE FROM deliveries WHERE id = \(delivery)",
        ]
        for statement in rejected {
            await #expect(throws: SQLiteError.self, "\(statement)") {
                try await RawSQLite.execute(path: path, statement)
            }
        }
    }

    /// Parks a new delivery of `sourceID` and returns its dead letter's id.
    ///
    /// The event and its delivery are written with the columns of migration 0004, because today's
    /// ingest writes a column that 0004 lacks. Claiming and parking use the store.
    private func parkOne(_ store: SQLiteStore, tenant: Tenant, sourceID: String) async throws -> DeadLetterID {
        try await RawSQLite.execute(
            path: store.path,
            """
            INSERT INTO events (tenant_id, connection_id, source_event_id, event_type, received_at_ms, correlation_id, payload,
                payload_sha256, ordering_key)
            VALUES ('\(tenant.id.rawValue)', 'stripe-test', '\(sourceID)', 'invoice.paid', 1767225600000, 'corr-\(sourceID)', NULL,
                zeroblob(32), 'invoice:\(sourceID)');
            INSERT INTO deliveries (tenant_id, event_id, flow_id, ordering_key, state, next_attempt_at_ms, created_at_ms, updated_at_ms,
                ordering_version)
            VALUES ('\(tenant.id.rawValue)', last_insert_rowid(), 'invoices', 'invoice:\(sourceID)', 'pending', 0, 0, 0, 0);
            """)
        let claim = try #require(try await store.claimDueDeliveries(tenant: tenant.id, limit: 1, leaseSeconds: 30).first)
        let error = AttemptError(failureClass: .business, code: "odoo_user_error", message: "rejected by Odoo", targetMessage: nil)
        _ = try await store.recordAttempt(
            DeliveryAttemptReport(startedAt: clock.now(), finishedAt: clock.now(), outcome: .park(reason: .business, error: error)),
            claim: claim, tenant: tenant.id)
        let letter = try await store.deadLetters(tenant: tenant.id, filter: DeadLetterFilter(status: .parked), after: nil, limit: 10).last
        return try #require(letter?.id)
    }

    /// Inserts an event and its pending delivery with the columns of migration 0001 only.
    private func insertDeliveryAt0001(_ path: String, tenant: TenantID) async throws -> DeliveryID {
        let pool = try await SQLiteDatabasePool.open(SQLiteConfiguration(path: path, readerCount: 1))
        let id = try await pool.write { db in
            try db.execute(
                """
                INSERT INTO events (tenant_id, connection_id, source_event_id, event_type, received_at_ms, correlation_id, payload,
                    payload_sha256, ordering_key)
                VALUES (?, 'stripe-test', 'evt_1', 'invoice.paid', 1767225600000, 'corr-1', NULL, zeroblob(32), 'invoice:in_1')
                """,
                [.text(tenant.rawValue)])
            let event = db.lastInsertRowID
            try db.execute(
                """
                INSERT INTO deliveries (tenant_id, event_id, flow_id, ordering_key, state, next_attempt_at_ms, created_at_ms, updated_at_ms)
                VALUES (?, ?, 'invoices', 'invoice:in_1', 'pending', 1767225600000, 1767225600000, 1767225600000)
                """,
                [.text(tenant.rawValue), .integer(event)])
            return DeliveryID(rawValue: db.lastInsertRowID)
        }
        await pool.close()
        return id
    }

    @Test func changedMigration_failsOpenNamingIt() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("ledgerport.sqlite")
        try await open(path).close()
        var changed = StoreMigrations.all
        changed[0] = SQLiteMigration(number: 1, name: changed[0].name, sql: changed[0].sql + "\nCREATE TABLE sneaky (a INTEGER);")

        let error = await #expect(throws: StoreError.self) { try await open(path, migrations: changed) }

        #expect(error?.code == .schemaMismatch)
        #expect(error?.message.contains("migration 0001 create_core_tables was changed after it was applied") == true)
        #expect(error?.failureClass == .configuration)
    }

    @Test func databaseFromNewerVersion_failsOpen() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("ledgerport.sqlite")
        let newer = StoreMigrations.all + [
            SQLiteMigration(number: StoreMigrations.all.count + 1, name: "add_future_table", sql: "CREATE TABLE future (a INTEGER)"),
        ]
        try await open(path, migrations: newer).close()

        let error = await #expect(throws: StoreError.self) { try await open(path) }

        #expect(error?.code == .schemaMismatch)
        #expect(error?.message.contains("add_future_table that this version does not know") == true)
    }

    @Test func mappingVersionUpdate_isRejectedByDatabase() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("ledgerport.sqlite")
        let store = try await open(path)
        let tenant = try await StoreFixtures.tenant(store, "acme")
        _ = try await store.createMapping(id: "invoices", displayName: "Invoices", tenant: tenant.id, actor: StoreFixtures.actor)
        let version = try await store.addMappingVersion(["rules": []], mapping: "invoices", tenant: tenant.id, actor: StoreFixtures.actor)
        await store.close()

        let update = await #expect(throws: SQLiteError.self) {
            try await RawSQLite.execute(path: path, "UPDATE mapping_versions SET content_json = '{\"rules\":[1]}'")
        }
        let delete = await #expect(throws: SQLiteError.self) { try await RawSQLite.execute(path: path, "DELETE FROM mapping_versions") }
        let auditUpdate = await #expect(throws: SQLiteError.self) { try await RawSQLite.execute(path: path, "UPDATE audit_log SET actor = 'x'") }

        #expect(update?.message == "mapping versions are immutable")
        #expect(delete?.message == "mapping versions are immutable")
        #expect(auditUpdate?.message == "the audit log is append-only")
        let reopened = try await open(path)
        #expect(try await reopened.mappingVersion(1, mapping: "invoices", tenant: tenant.id) == version)
        await reopened.close()
    }

    @Test func durablePragmas_areInEffect() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try await open(folder.path("ledgerport.sqlite"))

        let settings = try await store.pool.write { connection in
            (try connection.queryFirst("PRAGMA journal_mode") { try $0.text(0) }, try connection.scalarInt64("PRAGMA synchronous"),
             try connection.scalarInt64("PRAGMA foreign_keys"))
        }
        await store.close()

        #expect(settings.0 == "wal")
        #expect(settings.1 == 2)
        #expect(settings.2 == 1)
    }

    @Test func databaseAt0010_countsChangesOfExistingConnections() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("ledgerport.sqlite")
        let old = try await open(path, migrations: Array(StoreMigrations.all.prefix(10)))
        let tenant = try await StoreFixtures.tenant(old, "acme")
        let before = try await StoreFixtures.odooConnection(old, tenant: tenant)
        await old.close()

        let upgraded = try await open(path)
        let unchanged = try await upgraded.connectionChanges(after: 0)
        let afterUpgrade = try await upgraded.connection(before.id, tenant: tenant.id)
        _ = try await upgraded.setConnectionConfiguration(
            ["base_url": "http://127.0.0.1:8070"], connection: before.id, tenant: tenant.id, actor: StoreFixtures.actor)
        let changed = try await upgraded.connectionChanges(after: 0)
        await upgraded.close()

        #expect(afterUpgrade == before)
        #expect(unchanged == ConnectionChanges(changed: [], latest: 0))
        #expect(changed == ConnectionChanges(changed: [ConnectionChanges.Changed(tenantID: tenant.id, connectionID: before.id)], latest: 1))
    }

}
