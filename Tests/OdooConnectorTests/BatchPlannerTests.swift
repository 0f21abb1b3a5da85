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

    @Test func contactOfEarlierCompanyInBatch_startsNewBatch() throws {
        let company = TargetOperation.partner("hubspot_company_1", name: "Acme GmbH", extra: ["is_company": .bool(true)])
        let other = TargetOperation.partner("hubspot_company_2", name: "Globex")
        let contact = TargetOperation.partner("hubspot_contact_3", name: "Jane Doe", extra: ["parent": .reference(company.reference)])
        let batches = try planner.plan([company, other, contact])

        #expect(batches.map(\.operations.count) == [2, 1])
    }

    @Test func contactOfCompanyInClosedBatch_joinsNextBatch() throws {
        let companies = (1...3).map { TargetOperation.partner("hubspot_company_\($0)", name: "Company \($0)") }
        let contact = TargetOperation.partner("hubspot_contact_4", name: "Jane Doe", extra: ["parent": .reference(companies[0].reference)])
        let batches = try planner.plan(companies + [contact, .partner("hubspot_company_5", name: "Company 5")])

        #expect(batches.map(\.operations.count) == [3, 2])
    }

    @Test func sameRecordTwice_startsNewBatch() throws {
        let first = TargetOperation.partner("stripe_customer_cus_1", name: "Old name")
        let second = TargetOperation.partner("stripe_customer_cus_1", name: "New name")
        let batches = try planner.plan([first, .partner("stripe_customer_cus_2", name: "B"), second])

        #expect(batches.map(\.operations.count) == [2, 1])
        #expect(batches.flatMap(\.operations) == [first, .partner("stripe_customer_cus_2", name: "B"), second])
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
