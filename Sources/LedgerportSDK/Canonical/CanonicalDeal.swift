import Foundation

/// A CRM deal (opportunity) and what was sold in it.
///
/// A deal that reaches closed won becomes a customer and a confirmed sales
/// order in Odoo; ``lineItems`` with a ``Recurrence`` become its recurring lines.
public struct CanonicalDeal: CanonicalObject {
    public static let objectType = CanonicalObjectType.deal
    public static let schemaVersion = 1

    public var id: String
    public var name: String
    /// The source's stage id, such as HubSpot's `closedwon`.
    public var stage: String
    public var pipeline: String?
    /// Whether the stage means the deal was won.
    public var isClosedWon: Bool
    public var amount: Money?
    /// The close date in the source's calendar, `YYYY-MM-DD`.
    public var closeDate: String?
    /// The buying customer, embedded because CRMs send it with the deal.
    public var customer: CanonicalCustomer?
    public var lineItems: [LineItem]
    public var ownerEmail: String?
    public var updatedAt: Date?
    public var metadata: [String: String]

    public init(
        id: String, name: String, stage: String, pipeline: String? = nil, isClosedWon: Bool, amount: Money? = nil,
        closeDate: String? = nil, customer: CanonicalCustomer? = nil, lineItems: [LineItem] = [],
        ownerEmail: String? = nil, updatedAt: Date? = nil, metadata: [String: String] = [:]
    ) {
        self.id = id
        self.name = name
        self.stage = stage
        self.pipeline = pipeline
        self.isClosedWon = isClosedWon
        self.amount = amount
        self.closeDate = closeDate
        self.customer = customer
        self.lineItems = lineItems
        self.ownerEmail = ownerEmail
        self.updatedAt = updatedAt
        self.metadata = metadata
    }

    enum CodingKeys: String, CodingKey {
        case id, name, stage, pipeline
        case isClosedWon = "is_closed_won"
        case amount
        case closeDate = "close_date"
        case customer
        case lineItems = "line_items"
        case ownerEmail = "owner_email"
        case updatedAt = "updated_at"
        case metadata
    }

    /// One product sold in a deal.
    public struct LineItem: Codable, Sendable, Hashable {
        public var id: String?
        public var productID: String?
        public var sku: String?
        public var name: String
        public var quantity: ExactDecimal
        public var unitPrice: Money
        /// A discount as a percentage of the line, such as `10` for 10 %.
        public var discountPercent: ExactDecimal?
        /// Nil for a one-off item.
        public var recurrence: Recurrence?

        public init(
            id: String? = nil, productID: String? = nil, sku: String? = nil, name: String, quantity: ExactDecimal,
            unitPrice: Money, discountPercent: ExactDecimal? = nil, recurrence: Recurrence? = nil
        ) {
            self.id = id
            self.productID = productID
            self.sku = sku
            self.name = name
            self.quantity = quantity
            self.unitPrice = unitPrice
            self.discountPercent = discountPercent
            self.recurrence = recurrence
        }

        enum CodingKeys: String, CodingKey {
            case id
            case productID = "product_id"
            case sku, name, quantity
            case unitPrice = "unit_price"
            case discountPercent = "discount_percent"
            case recurrence
        }
    }
}
