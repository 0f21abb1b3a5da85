import Foundation
import LedgerportSDK
import LedgerportSQLite
import LedgerportStore

extension SQLiteStore {
    package func saveAlert(_ alert: OperationalAlert) async throws {
        let operation = "save alert of connection \"\(alert.connectionID)\""
        guard alert.occurrences > 0 else {
            throw StoreError.invalidInput(operation, "occurrences \(alert.occurrences)", "an alert counts at least the failure that raised it")
        }
        guard alert.origin == "call" || alert.origin == "translation" else {
            throw StoreError.invalidInput(operation, "origin \"\(alert.origin)\"", "an alert's origin is \"call\" or \"translation\"")
        }
        try await write(operation) { db in
            try ConnectionRows.requireExists(alert.connectionID, tenant: alert.tenantID, operation: operation, on: db)
            try db.execute(
                """
                INSERT INTO operational_alerts (tenant_id, connection_id, kind, code, message, since_ms, last_seen_ms, occurrences, origin)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, connection_id) DO UPDATE SET
                    kind = excluded.kind, code = excluded.code, message = excluded.message, since_ms = excluded.since_ms,
                    last_seen_ms = excluded.last_seen_ms, occurrences = excluded.occurrences, origin = excluded.origin
                """,
                [.text(alert.tenantID.rawValue), .text(alert.connectionID.rawValue), .text(alert.kind), .text(alert.code), .text(alert.message),
                 .integer(StoreTime.milliseconds(alert.since)), .integer(StoreTime.milliseconds(alert.lastSeen)), .integer(Int64(alert.occurrences)),
                 .text(alert.origin)])
        }
    }

    package func clearAlert(connection: ConnectionID, tenant: TenantID) async throws {
        try await write("clear alert of connection \"\(connection)\"") { db in
            _ = try db.execute(
                "DELETE FROM operational_alerts WHERE tenant_id = ? AND connection_id = ?", [.text(tenant.rawValue), .text(connection.rawValue)])
        }
    }

    package func allAlerts() async throws -> [OperationalAlert] {
        try await read("list alerts") { db in
            try db.query(
                """
                SELECT tenant_id, connection_id, kind, code, message, since_ms, last_seen_ms, occurrences, origin
                FROM operational_alerts ORDER BY since_ms, tenant_id, connection_id
                """
            ) { row in
                OperationalAlert(
                    tenantID: TenantID(rawValue: try row.text(0)), connectionID: ConnectionID(rawValue: try row.text(1)), kind: try row.text(2),
                    code: try row.text(3), message: try row.text(4), since: StoreTime.date(try row.int64(5)),
                    lastSeen: StoreTime.date(try row.int64(6)), occurrences: try row.int(7), origin: try row.text(8))
            }
        }
    }
}
