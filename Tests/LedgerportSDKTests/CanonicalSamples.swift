import Foundation
import LedgerportSDK

/// Canonical objects and events for the encoder tests: each type once with every optional field set and once without.
enum CanonicalSamples {
    static let at = Date(timeIntervalSince1970: 1_796_378_400)
    static let atWithMilliseconds = Date(timeIntervalSince1970: 1_796_378_400.125)

    static func money(_ minorUnits: Int64, _ currency: CurrencyCode) -> Money {
        Money(minorUnits: minorUnits, currency: currency)
    }

    static let fullCustomer = CanonicalCustomer(
        id: "cus_1", kind: .company, name: "Acme \"Nord\" GmbH", email: "billing@acme.example", phone: "+49 30 1",
        address: PostalAddress(line1: "Müllerstraße 1", line2: "Hof\n2", city: "Berlin", postalCode: "10115", state: "BE", country: "DE"),
        currency: "EUR", taxIDs: [.init(type: "eu_vat", value: "DE123456789")],
        contacts: [
            .init(id: "c_1", name: "Ada", email: "ada@acme.example", phone: "+49 30 2", role: "billing"),
            .init(name: "Bo"),
        ],
        deleted: true, createdAt: at, updatedAt: atWithMilliseconds,
        metadata: ["crm_company_id": "hs-1", "tier": "gold", "note": "tab\there"]
    )

    static let fullInvoice = CanonicalInvoice(
        id: "in_1", number: "INV-1", customerID: "cus_1", customerEmail: "billing@acme.example", subscriptionID: "sub_1",
        status: .open, currency: "KWD",
        lines: [
            .init(
                id: "il_1", description: "Pro plan", productID: "prod_1", priceID: "price_1", subscriptionItemID: "si_1",
                quantity: ExactDecimal(significand: 15, scale: 1), unitAmountMinor: ExactDecimal(significand: 99005, scale: 1),
                amount: money(14851, "KWD"), discountAmounts: [money(100, "KWD")],
                taxes: [TaxAmount(taxCode: "txr_1", displayName: "VAT", percentage: ExactDecimal(significand: 75, scale: 1), inclusive: true, amount: money(100, "KWD"), jurisdiction: "KW")],
                proration: true, period: ServicePeriod(start: at, end: atWithMilliseconds)
            ),
            .init(id: "il_2", quantity: ExactDecimal(1), amount: money(-1200, "KWD")),
        ],
        subtotal: money(13651, "KWD"), discountTotal: money(100, "KWD"), taxTotal: money(100, "KWD"), total: money(13651, "KWD"),
        amountDue: money(13651, "KWD"), amountPaid: .zero("KWD"), amountRemaining: money(13651, "KWD"), createdAt: at,
        finalizedAt: at, dueAt: at, paidAt: at, voidedAt: at, periodStart: at, periodEnd: at, billingReason: "subscription_cycle",
        attemptCount: 2, nextPaymentAttempt: at, updatedAt: at, metadata: ["order": "42"]
    )

    /// One object of each canonical type with every optional field set.
    static let fullObjects: [CanonicalObjectValue] = [
        .customer(fullCustomer),
        .product(CanonicalProduct(
            id: "prod_1", name: "Connector Pro", description: "The pro plan", sku: "PRO", active: false,
            prices: [
                .init(id: "price_1", unitAmount: money(2900, "EUR"), recurrence: Recurrence(interval: .month)),
                .init(id: "price_2", unitAmount: money(29000, "EUR")),
            ],
            createdAt: at, updatedAt: at, metadata: ["family": "connectors"]
        )),
        .deal(CanonicalDeal(
            id: "deal_1", name: "Acme expansion", stage: "closedwon", pipeline: "default", isClosedWon: true,
            amount: money(12345, "KWD"), closeDate: "2026-12-04", customer: fullCustomer,
            lineItems: [.init(
                id: "li_1", productID: "p_1", sku: "PRO", name: "Pro", quantity: ExactDecimal(significand: 15, scale: 1),
                unitPrice: money(8230, "KWD"), discountPercent: ExactDecimal(10), recurrence: Recurrence(interval: .year, intervalCount: 2)
            )],
            ownerEmail: "owner@vendor.example", updatedAt: at, metadata: ["hs_object_id": "9"]
        )),
        .subscription(CanonicalSubscription(
            id: "sub_1", customerID: "cus_1", status: .pastDue, currency: "JPY",
            items: [.init(
                id: "si_1", productID: "prod_1", priceID: "price_1", description: "Pro", quantity: ExactDecimal(2),
                unitAmount: money(4500, "JPY"), recurrence: Recurrence(interval: .month, intervalCount: 3)
            )],
            startedAt: at, currentPeriodStart: at, currentPeriodEnd: at, trialStart: at, trialEnd: at, cancelAtPeriodEnd: true,
            cancelAt: at, canceledAt: at, endedAt: at, updatedAt: at, metadata: ["plan": "pro"]
        )),
        .invoice(fullInvoice),
        .payment(CanonicalPayment(
            id: "pi_1", invoiceID: "in_1", customerID: "cus_1", amount: money(2900, "EUR"), status: .failed, method: "card",
            chargeID: "ch_1", failureCode: "card_declined", failureMessage: "Declined", createdAt: at, paidAt: at, updatedAt: at,
            metadata: ["attempt": "3"]
        )),
        .refund(CanonicalRefund(
            id: "re_1", paymentID: "pi_1", chargeID: "ch_1", invoiceID: "in_1", customerID: "cus_1",
            amount: money(500, "EUR"), status: .succeeded, reason: "requested_by_customer", createdAt: at, metadata: ["ticket": "T-9"]
        )),
        .creditNote(CanonicalCreditNote(
            id: "cn_1", number: "CN-1", invoiceID: "in_1", customerID: "cus_1", status: .issued, currency: "EUR",
            lines: [.init(
                id: "cnl_1", invoiceLineID: "il_1", description: "Goodwill", quantity: ExactDecimal(1), amount: money(500, "EUR"),
                taxes: [TaxAmount(taxCode: "txr_2", inclusive: false, amount: .zero("EUR"))]
            )],
            subtotal: money(500, "EUR"), taxTotal: .zero("EUR"), total: money(500, "EUR"), refundAmount: money(500, "EUR"),
            refundID: "re_1", reason: "goodwill", memo: "Sorry", createdAt: at, voidedAt: at, metadata: ["desk": "eu"]
        )),
    ]

    /// One object of each canonical type with no optional field set.
    static let minimalObjects: [CanonicalObjectValue] = [
        .customer(CanonicalCustomer(id: "cus_1", kind: .individual)),
        .product(CanonicalProduct(id: "prod_1", name: "Pro")),
        .deal(CanonicalDeal(id: "deal_1", name: "Deal", stage: "appointment", isClosedWon: false)),
        .subscription(CanonicalSubscription(id: "sub_1", customerID: "cus_1", status: .active, currency: "EUR", items: [])),
        .invoice(CanonicalInvoice(
            id: "in_1", customerID: "cus_1", status: .draft, currency: "JPY", lines: [], subtotal: .zero("JPY"),
            discountTotal: .zero("JPY"), taxTotal: .zero("JPY"), total: .zero("JPY"), amountDue: .zero("JPY"), amountPaid: .zero("JPY"),
            amountRemaining: .zero("JPY"), createdAt: at
        )),
        .payment(CanonicalPayment(id: "pi_1", amount: .zero("EUR"), status: .pending, createdAt: at)),
        .refund(CanonicalRefund(id: "re_1", amount: .zero("EUR"), status: .pending, createdAt: at)),
        .creditNote(CanonicalCreditNote(
            id: "cn_1", invoiceID: "in_1", status: .void, currency: "EUR", lines: [], subtotal: .zero("EUR"),
            taxTotal: .zero("EUR"), total: .zero("EUR"), createdAt: at
        )),
    ]

    /// Builds an event of `object`, with a source that sets every optional field when `full` is true.
    static func event(_ object: CanonicalObjectValue, full: Bool) -> CanonicalEvent {
        let source = full
            ? EventSource(connector: "stripe", connectorVersion: "1.2.0", nativeType: "thing.updated", apiVersion: "2017-08-15", livemode: false)
            : EventSource(connector: "hubspot", connectorVersion: "1.0.0", nativeType: "thing.updated")
        return CanonicalEvent(
            id: "evt_\(object.objectType.rawValue)", type: CanonicalEventType(rawValue: "\(object.objectType.rawValue).updated"),
            occurredAt: full ? atWithMilliseconds : at, source: source,
            ordering: EventOrdering(key: "\(object.objectType.rawValue):\(object.id)", version: 1_796_378_400_125), object: object
        )
    }
}
