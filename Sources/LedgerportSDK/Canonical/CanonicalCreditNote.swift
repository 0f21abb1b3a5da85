import Foundation

/// A credit note that reduces what a customer owes on one invoice, in full or in part.
public struct CanonicalCreditNote: CanonicalObject {
    public static let objectType = CanonicalObjectType.creditNote
    public static let schemaVersion = 1

    public enum Status: String, Codable, Sendable, Hashable {
        case issued
        case void
    }

    public var id: String
    public var number: String?
    public var invoiceID: String
    public var customerID: String?
    public var status: Status
    public var currency: CurrencyCode
    public var lines: [Line]
    public var subtotal: Money
    public var taxTotal: Money
    /// The amount credited including tax, positive.
    public var total: Money
    /// Part of ``total`` refunded to the customer rather than left as credit.
    public var refundAmount: Money?
    public var refundID: String?
    public var reason: String?
    public var memo: String?
    public var createdAt: Date
    public var voidedAt: Date?
    public var metadata: [String: String]

    public init(
        id: String, number: String? = nil, invoiceID: String, customerID: String? = nil, status: Status,
        currency: CurrencyCode, lines: [Line], subtotal: Money, taxTotal: Money, total: Money,
        refundAmount: Money? = nil, refundID: String? = nil, reason: String? = nil, memo: String? = nil,
        createdAt: Date, voidedAt: Date? = nil, metadata: [String: String] = [:]
    ) {
        self.id = id
        self.number = number
        self.invoiceID = invoiceID
        self.customerID = customerID
        self.status = status
        self.currency = currency
        self.lines = lines
        self.subtotal = subtotal
        self.taxTotal = taxTotal
        self.total = total
        self.refundAmount = refundAmount
        self.refundID = refundID
        self.reason = reason
        self.memo = memo
        self.createdAt = createdAt
        self.voidedAt = voidedAt
        self.metadata = metadata
    }

    enum CodingKeys: String, CodingKey {
        case id, number
        case invoiceID = "invoice_id"
        case customerID = "customer_id"
        case status, currency, lines, subtotal
        case taxTotal = "tax_total"
        case total
        case refundAmount = "refund_amount"
        case refundID = "refund_id"
        case reason, memo
        case createdAt = "created_at"
        case voidedAt = "voided_at"
        case metadata
    }

    /// One credited line, optionally pointing at the invoice line it credits.
    public struct Line: Codable, Sendable, Hashable {
        public var id: String
        public var invoiceLineID: String?
        public var description: String?
        public var quantity: ExactDecimal?
        /// The credited amount before tax, positive.
        public var amount: Money
        public var taxes: [TaxAmount]

        public init(
            id: String, invoiceLineID: String? = nil, description: String? = nil, quantity: ExactDecimal? = nil,
            amount: Money, taxes: [TaxAmount] = []
        ) {
            self.id = id
            self.invoiceLineID = invoiceLineID
            self.description = description
            self.quantity = quantity
            self.amount = amount
            self.taxes = taxes
        }

        enum CodingKeys: String, CodingKey {
            case id
            case invoiceLineID = "invoice_line_id"
            case description, quantity, amount, taxes
        }
    }
}
