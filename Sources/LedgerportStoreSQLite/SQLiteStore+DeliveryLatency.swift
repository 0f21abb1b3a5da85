import Foundation
import LedgerportSDK
import LedgerportSQLite
import LedgerportStore

extension SQLiteStore {
    /// Counts the flow's deliveries created at or after `since`.
    ///
    /// A delivery counts as delivered within the target when its last update,
    /// the attempt that delivered it, came at most `targetSeconds` after its creation.
    ///
    /// - Throws: ``StoreError`` `not_found` for a flow the tenant does not have.
    package func deliveryLatencySummary(flow: FlowID, since: Date, targetSeconds: Int, tenant: TenantID) async throws -> DeliveryLatencySummary {
        precondition(targetSeconds > 0, "a latency target must be positive")
        let operation = "summarize delivery latency of flow \"\(flow)\""

        return try await read(operation) { db in
            try FlowRows.require(flow, tenant: tenant, operation: "summarize delivery latency of flow", on: db)
            let summary = try db.queryFirst(
                DeliveryLatencyRows.summarySQL,
                [.text(tenant.rawValue), .text(flow.rawValue), .integer(StoreTime.milliseconds(since)), .integer(Int64(targetSeconds) * 1000)]
            ) { row in
                DeliveryLatencySummary(
                    total: try row.int(0), delivered: try row.int(1), deliveredWithinTarget: try row.int(2), parked: try row.int(3),
                    open: try row.int(4), discarded: try row.int(5))
            }
            return summary ?? DeliveryLatencySummary(total: 0, delivered: 0, deliveredWithinTarget: 0, parked: 0, open: 0)
        }
    }
}

/// The query behind ``SQLiteStore/deliveryLatencySummary(flow:since:targetSeconds:tenant:)``.
enum DeliveryLatencyRows {
    /// Counts by state of a flow's deliveries created at or after `?3`, with `?4` the target in milliseconds.
    ///
    /// Each half repeats the state condition of a partial index, so SQLite uses
    /// `deliveries_finished_by_flow` for finished deliveries and
    /// `deliveries_due` for the tenant's open ones. Ingest inserts pending
    /// deliveries, so it writes entries to `deliveries_due`, as it did
    /// before, and none to `deliveries_finished_by_flow`.
    static let summarySQL = """
        SELECT count(*),
            count(*) FILTER (WHERE state = 'delivered'),
            count(*) FILTER (WHERE state = 'delivered' AND updated_at_ms - created_at_ms <= ?4),
            count(*) FILTER (WHERE state = 'parked'),
            count(*) FILTER (WHERE (state = 'pending' OR state = 'in_flight')),
            count(*) FILTER (WHERE state = 'discarded')
        FROM (
            SELECT state, created_at_ms, updated_at_ms FROM deliveries
            WHERE tenant_id = ?1 AND (state = 'delivered' OR state = 'parked' OR state = 'discarded') AND flow_id = ?2 AND created_at_ms >= ?3
            UNION ALL
            SELECT state, created_at_ms, updated_at_ms FROM deliveries
            WHERE tenant_id = ?1 AND (state = 'pending' OR state = 'in_flight') AND flow_id = ?2 AND created_at_ms >= ?3
        )
        """
}
