import Foundation
import LedgerportSDK
import Testing
@testable import OdooConnector

/// A record the connector loaded before counts as updated, even when Odoo's whole-second dates look like a creation.
struct UpsertEffectTests {
    @Test func secondUpsertWithinOneSecond_isUpdated() async throws {
        let odoo = ScriptedOdoo()
        odoo.on("res.partner", "load") { call in
            ScriptedOdoo.result(["ids": .array(call.loadRows.map { _ in .number(JSONNumber(7)) }), "messages": [], "nextrow": 0])
        }
        // Created and changed within the same second: Odoo reports equal dates both times.
        odoo.on("res.partner", "read") { call in
            ScriptedOdoo.result(.array(call.ids.map { ["id": .number(JSONNumber($0)), "name": "x", "create_date": "2026-12-04 10:00:00", "write_date": "2026-12-04 10:00:00"] }))
        }
        let connector = try TestConnection.connector(odoo)
        let operation = TargetOperation.partner("stripe_customer_cus_1", name: "Customer 1")

        let first = await connector.apply(OperationBatch(operations: [operation]))
        let second = await connector.apply(OperationBatch(operations: [operation]))

        guard case .success(let created) = first.first, case .success(let updated) = second.first else {
            Issue.record("an upsert failed: \(first) \(second)")
            return
        }
        #expect(created.effect == .created)
        #expect(updated.effect == .updated)
    }
}
