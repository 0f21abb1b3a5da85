import Foundation
import LedgerportJSONSchema
import LedgerportMappingData
import LedgerportSDK
import Testing

@testable import LedgerportMapping

@Suite struct CanonicalSchemaTests {
    static let schemas = TestSupport.environment.schemas
    static let at = TestSupport.instant("2026-12-04T10:00:00Z")

    /// One object of each canonical type with every optional field set.
    static let fullObjects: [CanonicalObjectValue] = [
        .customer(CanonicalCustomer(
            id: "cus_1", kind: .company, name: "Acme GmbH", email: "billing@acme.example", phone: "+49 30 1",
            address: PostalAddress(line1: "Musterstrasse 1", line2: "Hof", city: "Berlin", postalCode: "10115", state: "BE", country: "DE"),
            currency: "EUR", taxIDs: [.init(type: "eu_vat", value: "DE123456789")],
            contacts: [.init(id: "c_1", name: "Ada", email: "ada@acme.example", phone: "+49 30 2", role: "billing")],
            createdAt: at, updatedAt: at, metadata: ["crm_company_id": "hs-1"]
        )),
        .product(CanonicalProduct(
            id: "prod_1", name: "Connector Pro", description: "The pro plan", sku: "PRO",
            prices: [.init(id: "price_1", unitAmount: Samples.money(2900, "EUR"), recurrence: Recurrence(interval: .month))],
            createdAt: at, updatedAt: at
        )),
        .deal(CanonicalDeal(
            id: "deal_1", name: "Acme expansion", stage: "closedwon", pipeline: "default", isClosedWon: true,
            amount: Samples.money(12345, "KWD"), closeDate: "2026-12-04", customer: CanonicalCustomer(id: "co_1", kind: .company, name: "Acme"),
            lineItems: [.init(id: "li_1", productID: "p_1", sku: "PRO", name: "Pro", quantity: ExactDecimal(significand: 15, scale: 1),
                unitPrice: Samples.money(8230, "KWD"), discountPercent: ExactDecimal(10), recurrence: Recurrence(interval: .year))],
            ownerEmail: "owner@vendor.example", updatedAt: at
        )),
        .subscription(CanonicalSubscription(
            id: "sub_1", customerID: "cus_1", status: .pastDue, currency: "JPY",
            items: [.init(id: "si_1", productID: "prod_1", priceID: "price_1", description: "Pro", quantity: ExactDecimal(2),
                unitAmount: Samples.money(4500, "JPY"), recurrence: Recurrence(interval: .month, intervalCount: 3))],
            startedAt: at, currentPeriodStart: at, currentPeriodEnd: at, trialStart: at, trialEnd: at, cancelAtPeriodEnd: true,
            cancelAt: at, canceledAt: at, endedAt: at, updatedAt: at
        )),
        .invoice({
            var invoice = Samples.invoice("KWD")
            invoice.lines[0].taxes = [TaxAmount(taxCode: "txr_1", displayName: "VAT", percentage: ExactDecimal(significand: 75, scale: 1), inclusive: true, amount: Samples.money(100, "KWD"), jurisdiction: "KW")]
            invoice.lines[0].unitAmountMinor = ExactDecimal(significand: 99005, scale: 1)
            invoice.lines[0].period = ServicePeriod(start: at, end: at)
            invoice.finalizedAt = at
            invoice.dueAt = at
            invoice.billingReason = "subscription_cycle"
            invoice.attemptCount = 2
            invoice.nextPaymentAttempt = at
            return invoice
        }()),
        .payment(CanonicalPayment(
            id: "pi_1", invoiceID: "in_1", customerID: "cus_1", amount: Samples.money(2900, "EUR"), status: .failed, method: "card",
            chargeID: "ch_1", failureCode: "card_declined", failureMessage: "Declined", createdAt: at, paidAt: at, updatedAt: at
        )),
        .refund(CanonicalRefund(id: "re_1", paymentID: "pi_1", chargeID: "ch_1", invoiceID: "in_1", customerID: "cus_1",
            amount: Samples.money(500, "EUR"), status: .succeeded, reason: "requested_by_customer", createdAt: at)),
        .creditNote(CanonicalCreditNote(
            id: "cn_1", number: "CN-1", invoiceID: "in_1", customerID: "cus_1", status: .issued, currency: "EUR",
            lines: [.init(id: "cnl_1", invoiceLineID: "il_1", description: "Goodwill", quantity: ExactDecimal(1), amount: Samples.money(500, "EUR"))],
            subtotal: Samples.money(500, "EUR"), taxTotal: .zero("EUR"), total: Samples.money(500, "EUR"), refundAmount: Samples.money(500, "EUR"),
            refundID: "re_1", reason: "goodwill", memo: "Sorry", createdAt: at, voidedAt: at
        )),
    ]

    /// One object of each type with no optional field set.
    static let minimalObjects: [CanonicalObjectValue] = [
        .customer(CanonicalCustomer(id: "cus_1", kind: .individual)),
        .product(CanonicalProduct(id: "prod_1", name: "Pro")),
        .deal(CanonicalDeal(id: "deal_1", name: "Deal", stage: "appointment", isClosedWon: false)),
        .subscription(CanonicalSubscription(id: "sub_1", customerID: "cus_1", status: .active, currency: "EUR", items: [])),
        .invoice(CanonicalInvoice(id: "in_1", customerID: "cus_1", status: .draft, currency: "JPY", lines: [], subtotal: .zero("JPY"),
            discountTotal: .zero("JPY"), taxTotal: .zero("JPY"), total: .zero("JPY"), amountDue: .zero("JPY"), amountPaid: .zero("JPY"),
            amountRemaining: .zero("JPY"), createdAt: at)),
        .payment(CanonicalPayment(id: "pi_1", amount: .zero("EUR"), status: .pending, createdAt: at)),
        .refund(CanonicalRefund(id: "re_1", amount: .zero("EUR"), status: .pending, createdAt: at)),
        .creditNote(CanonicalCreditNote(id: "cn_1", invoiceID: "in_1", status: .void, currency: "EUR", lines: [], subtotal: .zero("EUR"),
            taxTotal: .zero("EUR"), total: .zero("EUR"), createdAt: at)),
    ]

    @Test(arguments: fullObjects + minimalObjects)
    func sdkObject_matchesItsSchema(_ object: CanonicalObjectValue) throws {
        let schema = try #require(Self.schemas.objectSchema(object.objectType, version: object.schemaVersion))
        let violations = schema.violations(of: try object.json())
        #expect(violations.isEmpty, "\(object.objectType.rawValue): \(violations)")
    }

    @Test(arguments: fullObjects + minimalObjects)
    func sdkObject_passesTheJSONSchemaValidator(_ object: CanonicalObjectValue) throws {
        let folder = try #require(MappingResources.canonicalSchemaFolder)
        let name = "\(object.objectType.rawValue).v\(object.schemaVersion).schema.json"
        let schema = try JSONSchema(document: JSONParser.parse(Array(Data(contentsOf: folder.appendingPathComponent(name)))), file: name)
        let issues = schema.validate(try object.json())
        #expect(issues.isEmpty, "\(name): \(issues.map(\.description))")
    }

    @Test(arguments: fullObjects)
    func sdkEvent_matchesTheEnvelopeSchema(_ object: CanonicalObjectValue) throws {
        let schema = try #require(Self.schemas.envelopeSchema(version: CanonicalEvent.envelopeVersion))
        let change = [CanonicalObjectType.deal: "updated", .payment: "succeeded"][object.objectType] ?? "created"
        let type = CanonicalEventType(rawValue: "\(object.objectType.rawValue).\(change)")
        let event = try JSONValueEncoder().encode(TestSupport.event(type, object))
        #expect(schema.violations(of: event).isEmpty)
    }

    @Test func everyObjectType_hasASchemaForItsSDKVersion() {
        for type in CanonicalObjectType.allCases {
            #expect(Self.schemas.versions(of: type) == [1], "\(type.rawValue)")
        }
    }

    @Test func recordedEvents_matchTheirSchemas() async throws {
        let envelope = try #require(Self.schemas.envelopeSchema(version: 1))
        for (file, event) in try await RecordedStripeEvents.all() {
            let json = try JSONValueEncoder().encode(event)
            #expect(envelope.violations(of: json).isEmpty, "\(file)")
            let schema = try #require(Self.schemas.objectSchema(event.object.objectType, version: 1))
            #expect(schema.violations(of: json["object"]!).isEmpty, "\(file)")
        }
    }

    @Test func violations_namePointerAndRule() throws {
        let schema = try #require(Self.schemas.objectSchema(.invoice, version: 1))
        var json = try CanonicalObjectValue.invoice(Samples.invoice()).json()
        json = json.setting("/lines/1/amount/minor_units", to: "-2900").setting("/status", to: "paied").setting("/colour", to: "red")
        json = json.setting("/customer_id", to: nil)
        let messages = schema.violations(of: json).map(\.description)
        #expect(messages.contains("/customer_id: required member \"customer_id\" is missing"))
        #expect(messages.contains("/lines/1/amount/minor_units: expected integer but found string"))
        #expect(messages.contains { $0.hasPrefix("/status: \"paied\" is not one of") })
        #expect(messages.contains { $0.hasPrefix("/colour: member \"colour\" is not allowed here") })
    }

    @Test func loader_rejectsKeywordsOutsideTheSubset() {
        let document: JSONValue = ["type": "object", "properties": ["a": ["type": "string", "minLength": 1]]]
        let error = #expect(throws: SchemaLoadError.self) { try SchemaLoader.load(document, file: "x.schema.json") }
        #expect(error?.pointer.description == "/properties/a/minLength")
    }

    @Test func moneyAndDecimalFields_haveTheirKinds() throws {
        let invoice = try #require(Self.schemas.objectSchema(.invoice, version: 1))
        #expect(invoice.properties["total"]?.valueKind == .money)
        #expect(invoice.properties["created_at"]?.valueKind == .dateTime)
        #expect(invoice.properties["lines"]?.items?.properties["quantity"]?.valueKind == .decimal)
        #expect(invoice.properties["lines"]?.items?.properties["discount_amounts"]?.valueKind == .list(.money))
        #expect(invoice.properties["number"]?.isNullable == true)
        #expect(invoice.required.contains("total"))
    }
}
