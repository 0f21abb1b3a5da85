import LedgerportSDK
import Testing
@testable import OdooConnector

/// Sales orders of ended subscriptions, cancelled in the Odoo sandbox over HTTP.
@Suite(.serialized) struct SandboxOrderCancelTests {
    static let order = TargetOperation(action: .upsert, model: "sale.order", externalID: "stripe_subscription_sub_1", values: [
        "partner": Operations.reference("res.partner", SandboxFlowTests.customer.externalID), "currency": .string("EUR"),
        "lines": .list([.record(["name": .string("Connector Pro"), "product_uom_qty": Operations.decimal("1"), "price_unit": Operations.decimal("29.00")])]),
    ])

    @Test func confirmedOrder_cancelsOnceAndStaysCancelled() async throws {
        let harness = try await SandboxHarness.start()
        let connector = try harness.connector()
        _ = try await connector.runOne(SandboxFlowTests.customer)
        _ = try await connector.runOne(Self.order)
        _ = try await connector.runOne(TargetOperation(action: .confirmOrder, model: "sale.order", externalID: "stripe_subscription_sub_1"))
        let cancel = TargetOperation(action: .cancel, model: "sale.order", externalID: "stripe_subscription_sub_1")

        let first = try await connector.runOne(cancel)
        let again = try await connector.runOne(cancel)
        let state = try await connector.readState(of: cancel.reference, fields: ["state", "currency_id"])

        #expect(first.effect == .updated)
        #expect(again.effect == .unchanged)
        #expect(state?.fields["state"] == "cancel")
        #expect(state?.fields["currency_id"]?[1] == "EUR")
        #expect(try harness.count("sale.order", [["state", "=", "cancel"]]) == 1)
        await harness.stop()
    }

    @Test func unknownOrder_isReferenceNotFound() async throws {
        let harness = try await SandboxHarness.start()
        let connector = try harness.connector()

        let outcomes = try await connector.run([TargetOperation(action: .cancel, model: "sale.order", externalID: "stripe_subscription_sub_missing")])

        guard case .failure(let error) = outcomes[0] else { Issue.record("cancelling a missing order succeeded"); await harness.stop(); return }
        #expect(error.failureClass == .transient)
        #expect(error.code == "reference_not_found")
        await harness.stop()
    }
}
