import Foundation
import LedgerportSDK
import Testing
@testable import OdooConnector

/// A batch that Odoo rejects as a whole is split until the bad record is alone.
struct BisectionTests {
    @Test func oneBadRecord_othersSucceed() async {
        let operations = (0..<8).map { TargetOperation.partner("p_\($0)", name: "P\($0)") }
        let attempts = Counter()
        let outcomes = await Bisection.run(operations) { (batch: [TargetOperation]) async throws(ConnectorError) -> [OperationOutcome] in
            attempts.increment()
            if batch.contains(where: { $0.externalID == "p_5" }) {
                throw .business("odoo_validation_error", "Contacts require a name")
            }
            return batch.map { .success(OperationResult(reference: $0.reference, effect: .created)) }
        }

        let failed = zip(operations, outcomes).filter { if case .failure = $1 { true } else { false } }.map(\.0.externalID)
        #expect(failed == ["p_5"])
        #expect(attempts.value == 7)
    }

    @Test func transientFailure_isNotSplit() async {
        let operations = (0..<4).map { TargetOperation.partner("p_\($0)", name: "P") }
        let attempts = Counter()
        let outcomes = await Bisection.run(operations) { (_: [TargetOperation]) async throws(ConnectorError) -> [OperationOutcome] in
            attempts.increment()
            throw .transient("odoo_timeout", "timed out")
        }

        #expect(attempts.value == 1)
        #expect(outcomes.allSatisfy { if case .failure(let error) = $0 { error.code == "odoo_timeout" } else { false } })
    }

    @Test func partnerBatchWithBadRow_loadsGoodRows() async throws {
        let odoo = ScriptedOdoo()
        let ids = Counter()
        odoo.on("res.partner", "load") { call in
            let rows = call.loadRows
            let nameColumn = call.loadFields.firstIndex(of: "name")
            if let bad = rows.firstIndex(where: { nameColumn == nil || $0[nameColumn!].isEmpty }) {
                // The shape of a failed load: ids false and a message naming the record.
                return ScriptedOdoo.result(["ids": false, "messages": [["type": "error", "record": .number(JSONNumber(bad)), "rows": ["from": 0, "to": 0], "message": "The operation cannot be completed: Contacts require a name"]], "nextrow": 0])
            }
            return ScriptedOdoo.result(["ids": .array(rows.map { _ in .number(JSONNumber(Int64(ids.increment()))) }), "messages": [], "nextrow": 0])
        }
        odoo.on("res.partner", "read") { call in
            ScriptedOdoo.result(.array(call.ids.map { ["id": .number(JSONNumber($0)), "name": "x", "create_date": "2026-12-04 10:00:00", "write_date": "2026-12-04 10:00:00"] }))
        }
        let connector = try TestConnection.connector(odoo)
        var operations = (1...5).map { TargetOperation.partner("stripe_customer_cus_\($0)", name: "Customer \($0)") }
        operations[2].values["name"] = .string("")

        let outcomes = await connector.apply(OperationBatch(operations: operations))

        #expect(outcomes.count == 5)
        for (index, outcome) in outcomes.enumerated() {
            switch outcome {
            case .success(let result):
                #expect(index != 2)
                #expect(result.effect == .created)
            case .failure(let error):
                #expect(index == 2)
                #expect(error.failureClass == .business)
                #expect(error.targetMessage == "The operation cannot be completed: Contacts require a name")
            }
        }
        let loads = odoo.calls.filter { $0.method == "load" }
        #expect(loads.first?.loadRows.count == 5)
        #expect(loads.first?.loadRows.first?.first == "ledgerport_acme.stripe_customer_cus_1")
    }
}

/// A thread-safe counter for test closures.
final class Counter: @unchecked Sendable {
    private var count = 0
    private let lock = NSLock()

    @discardableResult
    func increment() -> Int {
        lock.withLock {
            count += 1
            return count
        }
    }

    var value: Int { lock.withLock { count } }
}
