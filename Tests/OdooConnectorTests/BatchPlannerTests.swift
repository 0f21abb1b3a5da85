import LedgerportSDK
import Testing
@testable import OdooConnector

/// The planner checks operations and groups consecutive ones Odoo can take in one call.
struct BatchPlannerTests {
    let planner = BatchPlanner(batchSize: 3)

    @Test func consecutivePartnerUpserts_shareBatchesUpToSize() throws {
        let operations = (1...7).map { TargetOperation.partner("stripe_customer_cus_\($0)", name: "Customer \($0)") }
        let batches = try planner.plan(operations)

        #expect(batches.map(\.operations.count) == [3, 3, 1])
        #expect(batches.flatMap(\.operations) == operations)
    }

    @Test func contactOfCompanyInBatch_startsNewBatch() throws {
        let company = TargetOperation.partner("hubspot_company_1", name: "Acme GmbH", extra: ["is_company": .bool(true)])
        let contact = TargetOperation.partner("hubspot_contact_2", name: "Jane Doe", extra: ["parent": .reference(company.reference)])
        let batches = try planner.plan([company, contact])

        #expect(batches.map(\.operations.count) == [1, 1])
    }

    @Test func differentActions_neverShareBatch() throws {
        let upsert = TargetOperation.partner("stripe_customer_cus_1", name: "A")
        let post = TargetOperation(action: .post, model: "account.move", externalID: "stripe_invoice_in_1")
        let payment = TargetOperation(action: .registerPayment, model: "account.payment", externalID: "stripe_payment_pi_1", values: [
            "invoice": .reference(TargetReference(model: "account.move", externalID: "stripe_invoice_in_1")),
            "amount": .money(Money(minorUnits: 100, currency: "USD")),
        ])
        let batches = try planner.plan([upsert, post, post.with(externalID: "stripe_invoice_in_2"), payment, payment.with(externalID: "stripe_payment_pi_2")])

        #expect(batches.map(\.operations.count) == [1, 2, 1, 1])
    }

    @Test func unsupportedModel_isConfigurationError() {
        let operation = TargetOperation(action: .upsert, model: "hr.employee", externalID: "x_1", values: ["name": .string("X")])
        let error = #expect(throws: ConnectorError.self) { try planner.plan([operation]) }
        #expect(error?.failureClass == .configuration)
        #expect(error?.code == "unsupported_operation")
    }

    @Test func externalIDWithDot_isRejected() {
        let error = #expect(throws: ConnectorError.self) { try planner.plan([.partner("stripe.customer", name: "X")]) }
        #expect(error?.failureClass == .business)
    }

    @Test func missingRequiredValue_namesIt() {
        let error = #expect(throws: ConnectorError.self) { try planner.plan([.partner("stripe_customer_cus_1", name: nil)]) }
        #expect(error?.message == "upsert res.partner/stripe_customer_cus_1: value \"name\" is missing")
    }

    @Test func tenantScope_keepsTenantsApart() {
        #expect(ExternalIDScope(tenantID: "acme").qualified("stripe_invoice_in_1") == "ledgerport_acme.stripe_invoice_in_1")
        #expect(ExternalIDScope(tenantID: "Globex-EU").qualified("x") == "ledgerport_globex_eu.x")
    }
}

extension TargetOperation {
    func with(externalID: String) -> TargetOperation {
        var copy = self
        copy.externalID = externalID
        return copy
    }
}
