import Foundation

/// A customer invoice with its lines, discounts and taxes.
///
/// Line amounts may be negative (proration credits, discounts as lines).
/// Totals follow the source: `subtotal` is the sum of line amounts before
/// document discounts and tax, `total` is what the customer owes in all.
public struct CanonicalInvoice: CanonicalObject {
    public static let objectType = CanonicalObjectType.invoice
    public static let schemaVersion = 1

    /// The lifecycle state, using Stripe's vocabulary.
    public enum Status: String, Codable, Sendable, Hashable {
        case draft
        case open
        case paid
        case void
        case uncollectible
    }

    public var id: String
    /// The human-readable number, such as `ACME-0042`; nil while a draft.
    public var number: String?
    public var customerID: String
    public var customerEmail: String?
    public var subscriptionID: String?
    public var status: Status
    public var currency: CurrencyCode
    public var lines: [Line]
    public var subtotal: Money
    public var discountTotal: Money
    public var taxTotal: Money
    public var total: Money
    public var amountDue: Money
    public var amountPaid: Money
    public var amountRemaining: Money
    public var createdAt: Date
    public var finalizedAt: Date?
    public var dueAt: Date?
    public var paidAt: Date?
    public var voidedAt: Date?
    public var periodStart: Date?
    public var periodEnd: Date?
    /// Why the invoice exists: `subscription_cycle`, `subscription_update` (proration), `manual`, ...
    public var billingReason: String?
    public var attemptCount: Int?
    public var nextPaymentAttempt: Date?
    public var updatedAt: Date?
    public var metadata: [String: String]

    public init(
        id: String, number: String? = nil, customerID: String, customerEmail: String? = nil,
        subscriptionID: String? = nil, status: Status, currency: CurrencyCode, lines: [Line],
        subtotal: Money, discountTotal: Money, taxTotal: Money, total: Money,
        amountDue: Money, amountPaid: Money, amountRemaining: Money, createdAt: Date,
        finalizedAt: Date? = nil, dueAt: Date? = nil, paidAt: Date? = nil, voidedAt: Date? = nil,
        periodStart: Date? = nil, periodEnd: Date? = nil, billingReason: String? = nil,
        attemptCount: Int? = nil, nextPaymentAttempt: Date? = nil, updatedAt: Date? = nil,
        metadata: [String: String] = [:]
    ) {
        self.id = id
        self.number = number
        self.customerID = customerID
        self.customerEmail = customerEmail
        self.subscriptionID = subscriptionID
        self.status = status
        self.currency = currency
        self.lines = lines
        self.subtotal = subtotal
        self.discountTotal = discountTotal
        self.taxTotal = taxTotal
        self.total = total
        self.amountDue = amountDue
        self.amountPaid = amountPaid
        self.amountRemaining = amountRemaining
        self.createdAt = createdAt
        self.finalizedAt = finalizedAt
        self.dueAt = dueAt
        self.paidAt = paidAt
        self.voidedAt = voidedAt
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.billingReason = billingReason
        self.attemptCount = attemptCount
        self.nextPaymentAttempt = nextPaymentAttempt
        self.updatedAt = updatedAt
        self.metadata = metadata
    }

    enum CodingKeys: String, CodingKey {
        case id, number
        case customerID = "customer_id"
        case customerEmail = "customer_email"
        case subscriptionID = "subscription_id"
        case status, currency, lines, subtotal
        case discountTotal = "discount_total"
        case taxTotal = "tax_total"
        case total
        case amountDue = "amount_due"
        case amountPaid = "amount_paid"
        case amountRemaining = "amount_remaining"
        case createdAt = "created_at"
        case finalizedAt = "finalized_at"
        case dueAt = "due_at"
        case paidAt = "paid_at"
        case voidedAt = "voided_at"
        case periodStart = "period_start"
        case periodEnd = "period_end"
        case billingReason = "billing_reason"
        case attemptCount = "attempt_count"
        case nextPaymentAttempt = "next_payment_attempt"
        case updatedAt = "updated_at"
        case metadata
    }

    /// One invoice line.
    public struct Line: Codable, Sendable, Hashable {
        public var id: String
        public var description: String?
        public var productID: String?
        public var priceID: String?
        public var subscriptionItemID: String?
        public var quantity: ExactDecimal
        /// The price of one unit, when the source states it; may carry more digits than the
        /// currency (Stripe's `unit_amount_decimal`), so it is a decimal in minor units.
        public var unitAmountMinor: ExactDecimal?
        /// The line amount before discounts and excluding exclusive taxes; negative for credits.
        public var amount: Money
        /// Discounts applied to this line, as positive amounts.
        public var discountAmounts: [Money]
        public var taxes: [TaxAmount]
        /// Set for lines that prorate a plan change.
        public var proration: Bool
        public var period: ServicePeriod?

        public init(
            id: String, description: String? = nil, productID: String? = nil, priceID: String? = nil,
            subscriptionItemID: String? = nil, quantity: ExactDecimal, unitAmountMinor: ExactDecimal? = nil,
            amount: Money, discountAmounts: [Money] = [], taxes: [TaxAmount] = [], proration: Bool = false,
            period: ServicePeriod? = nil
        ) {
            self.id = id
            self.description = description
            self.productID = productID
            self.priceID = priceID
            self.subscriptionItemID = subscriptionItemID
            self.quantity = quantity
            self.unitAmountMinor = unitAmountMinor
            self.amount = amount
            self.discountAmounts = discountAmounts
            self.taxes = taxes
            self.proration = proration
            self.period = period
        }

        enum CodingKeys: String, CodingKey {
            case id, description
            case productID = "product_id"
            case priceID = "price_id"
            case subscriptionItemID = "subscription_item_id"
            case quantity
            case unitAmountMinor = "unit_amount_minor"
            case amount
            case discountAmounts = "discount_amounts"
            case taxes, proration, period
        }
    }
}
