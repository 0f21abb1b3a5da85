import Foundation
import LedgerportSDK
import LedgerportSQLite
import LedgerportStore
import Testing

@testable import LedgerportStoreSQLite

/// Queries that rely on a partial index keep using it, so they never scan every delivery.
@Suite struct SQLiteQueryPlanTests {
    /// Returns the detail lines of SQLite's plan for `sql` with `arguments` on a fresh store.
    private func plan(_ sql: String, _ arguments: [SQLiteValue]) async throws -> [String] {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try await SQLiteStore.open(
            SQLiteConfiguration(path: folder.path("ledgerport.sqlite")), clock: ManualClock(Date(timeIntervalSince1970: 0)), logger: .disabled)
        let details = try await store.pool.write { try $0.query("EXPLAIN QUERY PLAN \(sql)", arguments) { try $0.text(3) } }
        await store.close()
        return details
    }

    /// Returns the opcodes of the program SQLite compiles `sql` with `arguments` to on a fresh store.
    private func opcodes(_ sql: String, _ arguments: [SQLiteValue]) async throws -> [String] {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let store = try await SQLiteStore.open(
            SQLiteConfiguration(path: folder.path("ledgerport.sqlite")), clock: ManualClock(Date(timeIntervalSince1970: 0)), logger: .disabled)
        let opcodes = try await store.pool.write { try $0.query("EXPLAIN \(sql)", arguments) { try $0.text(1) } }
        await store.close()
        return opcodes
    }

    @Test func dueDeliveries_searchPartialIndexes() async throws {
        let details = try await plan(DeliveryRows.dueSQL, ["tenant", 0, 10])

        #expect(details.contains { $0.hasPrefix("SEARCH d USING INDEX deliveries_due (tenant_id=? AND next_attempt_at_ms<?)") })
        #expect(details.contains { $0.hasPrefix("SEARCH earlier USING INDEX deliveries_open_by_ordering_key (tenant_id=? AND ordering_key=?)") })
        #expect(!details.contains { $0.hasPrefix("SCAN d") })
    }

    /// SQLite builds a temporary table for each `IN` list it checks when it writes a row, so the constraints and partial
    /// indexes of `deliveries` have none.
    @Test func deliveryWrites_buildNoTemporaryTable() async throws {
        let advance = try await opcodes(AttemptRows.advanceSQL, ["delivered", nil, nil, 0, "tenant", 1, 1])
        let insert = try await opcodes(DeliveryRows.insertSQL, ["tenant", 1, "invoices", "invoice:in_1", 0, nil, nil, nil, 0, 0])

        #expect(advance.contains("OpenWrite"))
        #expect(!advance.contains("OpenEphemeral"))
        #expect(insert.contains("OpenWrite"))
        #expect(!insert.contains("OpenEphemeral"))
    }

    @Test func latencySummary_searchesPartialIndexes() async throws {
        let details = try await plan(DeliveryLatencyRows.summarySQL, ["tenant", "invoices", 0, 30_000])

        #expect(details.contains { $0.hasPrefix("SEARCH deliveries USING INDEX deliveries_finished_by_flow (tenant_id=? AND flow_id=?") })
        #expect(details.contains { $0.hasPrefix("SEARCH deliveries USING INDEX deliveries_due (tenant_id=?)") })
        #expect(!details.contains { $0.hasPrefix("SCAN deliveries") })
    }

    @Test func releaseAllClaims_scansOnlyOpenDeliveries() async throws {
        let details = try await plan(DeliveryRows.releaseAllClaimsSQL, [0])

        #expect(details == ["SCAN deliveries USING INDEX deliveries_due"])
    }

    @Test func tenantsWithDueDeliveries_seeksInsteadOfScanning() async throws {
        let details = try await plan(DeliveryRows.tenantsWithDueDeliveriesSQL, [0, 10])

        #expect(details.contains { $0.hasPrefix("SEARCH later USING INDEX deliveries_due (tenant_id>?)") })
        #expect(details.contains { $0.hasPrefix("SEARCH due USING INDEX deliveries_due (tenant_id=? AND next_attempt_at_ms<?)") })
        #expect(!details.contains { $0.hasPrefix("SCAN deliveries") })
    }

    @Test func eventsByID_lookUpRowids() async throws {
        let details = try await plan(EventRows.selectByIDsSQL, ["tenant", "[1, 2]"])

        #expect(details.contains { $0.hasPrefix("SEARCH events USING INTEGER PRIMARY KEY (rowid=?)") })
        #expect(!details.contains { $0.contains("(tenant_id=?)") })
    }

    @Test func appliedVersionsByKey_lookUpPrimaryKeys() async throws {
        let details = try await plan(AppliedVersionRows.selectByKeysSQL, ["tenant", "invoices", #"["invoice:in_1"]"#])

        #expect(details.contains { $0.hasPrefix("SEARCH applied_object_versions USING PRIMARY KEY (tenant_id=? AND flow_id=? AND object_key=?)") })
    }
}
