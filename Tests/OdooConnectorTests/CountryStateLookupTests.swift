import Foundation
import LedgerportSDK
import Testing
@testable import OdooConnector

/// A state is looked up once per country and name; later partners in the same state reuse the id.
struct CountryStateLookupTests {
    @Test func secondPartnerInState_isNotLookedUpAgain() async throws {
        let odoo = ScriptedOdoo()
        odoo.on("res.country", "search") { _ in ScriptedOdoo.result([233]) }
        odoo.on("res.country.state", "search_read") { _ in ScriptedOdoo.result([["id": 13, "name": "California"]]) }
        odoo.on("res.partner", "load") { call in
            ScriptedOdoo.result(["ids": .array(call.loadRows.indices.map { .number(JSONNumber(40 + $0)) }), "messages": [], "nextrow": 0])
        }
        odoo.on("res.partner", "read") { call in
            ScriptedOdoo.result(.array(call.ids.map { ["id": .number(JSONNumber($0)), "name": "x", "create_date": "2026-12-04 10:00:00", "write_date": "2026-12-04 10:00:00"] }))
        }
        odoo.on("res.partner", "write") { _ in ScriptedOdoo.result(true) }
        let connector = try TestConnection.connector(odoo)
        let californian: [String: TargetValue] = ["country_code": .string("US"), "state": .string("CA")]

        let first = await connector.apply(OperationBatch(operations: [TargetOperation.partner("stripe_customer_cus_1", name: "One", extra: californian)]))
        let second = await connector.apply(OperationBatch(operations: [TargetOperation.partner("stripe_customer_cus_2", name: "Two", extra: californian)]))

        #expect(first.allSatisfy { if case .success = $0 { true } else { false } })
        #expect(second.allSatisfy { if case .success = $0 { true } else { false } })
        #expect(odoo.calls.filter { $0.model == "res.country.state" }.count == 1)
        let writes = odoo.calls.filter { $0.model == "res.partner" && $0.method == "write" }
        #expect(writes.count == 2)
        #expect(writes.allSatisfy { JSONWriter.string($0.arguments).contains("\"state_id\":13") })
    }
}
