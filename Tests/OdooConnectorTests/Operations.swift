import LedgerportSDK
@testable import OdooConnector

/// Operations as mappings produce them, for the flow tests.
enum Operations {
    static func reference(_ model: String, _ externalID: String) -> TargetValue {
        .reference(TargetReference(model: model, externalID: externalID))
    }

    static func decimal(_ text: String) -> TargetValue {
        .decimal(ExactDecimal(parsing: text)!)
    }

    static func line(_ externalID: String, _ name: String, quantity: String, price: String, taxes: [String] = []) -> TargetValue {
        .record([
            "external_id": .string(externalID), "name": .string(name), "quantity": decimal(quantity), "price_unit": decimal(price),
            "taxes": .list(taxes.map { .string($0) }),
        ])
    }

    static func invoice(
        _ externalID: String, currency: String = "USD", customer: String = "stripe_customer_cus_1", lines: [TargetValue],
        expectations: [AmountExpectation] = []
    ) -> TargetOperation {
        TargetOperation(action: .upsert, model: "account.move", externalID: externalID, values: [
            "partner": reference("res.partner", customer), "currency": .string(currency), "lines": .list(lines),
            "invoice_date": .date("2026-12-04"), "ref": .string(externalID),
        ], expectations: expectations)
    }

    static func payment(_ externalID: String, invoice: String, amount: Money, expectations: [AmountExpectation] = []) -> TargetOperation {
        TargetOperation(action: .registerPayment, model: "account.payment", externalID: externalID, values: [
            "invoice": reference("account.move", invoice), "amount": .money(amount), "date": .date("2026-12-04"), "memo": .string(externalID),
        ], expectations: expectations)
    }

    static func reversal(_ externalID: String, invoice: String, amount: Money? = nil) -> TargetOperation {
        var values: [String: TargetValue] = ["invoice": reference("account.move", invoice), "reason": .string("Downgrade refund"), "date": .date("2026-12-04")]
        if let amount { values["amount"] = .money(amount) }
        return TargetOperation(action: .reverse, model: "account.move", externalID: externalID, values: values)
    }

    static func usd(_ cents: Int64) -> Money { Money(minorUnits: cents, currency: "USD") }
}

extension OdooConnector {
    /// Plans and applies operations one batch at a time, as the runtime does.
    func run(_ operations: [TargetOperation]) async throws -> [OperationOutcome] {
        var outcomes = [OperationOutcome]()
        for batch in try plan(operations) {
            outcomes += await apply(batch)
        }
        return outcomes
    }

    func runOne(_ operation: TargetOperation) async throws -> OperationResult {
        try await run([operation])[0].get()
    }
}
