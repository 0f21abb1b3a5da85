import Foundation

/// A subscription: a customer's recurring purchase of one or more items.
public struct CanonicalSubscription: CanonicalObject {
    public static let objectType = CanonicalObjectType.subscription
    public static let schemaVersion = 1

    /// The lifecycle state, using Stripe's vocabulary, which other billing systems map onto.
    public enum Status: String, Codable, Sendable, Hashable {
        case incomplete
        case incompleteExpired = "incomplete_expired"
        case trialing
        case active
        case pastDue = "past_due"
        case unpaid
        case canceled
        case paused
    }

    public var id: String
    public var customerID: String
    public var status: Status
    public var currency: CurrencyCode
    public var items: [Item]
    public var startedAt: Date?
    public var currentPeriodStart: Date?
    public var currentPeriodEnd: Date?
    public var trialStart: Date?
    public var trialEnd: Date?
    /// Set when the subscription will end at the close of the current period.
    public var cancelAtPeriodEnd: Bool
    public var cancelAt: Date?
    public var canceledAt: Date?
    public var endedAt: Date?
    public var updatedAt: Date?
    public var metadata: [String: String]

    public init(
        id: String, customerID: String, status: Status, currency: CurrencyCode, items: [Item],
        startedAt: Date? = nil, currentPeriodStart: Date? = nil, currentPeriodEnd: Date? = nil,
        trialStart: Date? = nil, trialEnd: Date? = nil, cancelAtPeriodEnd: Bool = false, cancelAt: Date? = nil,
        canceledAt: Date? = nil, endedAt: Date? = nil, updatedAt: Date? = nil, metadata: [String: String] = [:]
    ) {
        self.id = id
        self.customerID = customerID
        self.status = status
        self.currency = currency
        self.items = items
        self.startedAt = startedAt
        self.currentPeriodStart = currentPeriodStart
        self.currentPeriodEnd = currentPeriodEnd
        self.trialStart = trialStart
        self.trialEnd = trialEnd
        self.cancelAtPeriodEnd = cancelAtPeriodEnd
        self.cancelAt = cancelAt
        self.canceledAt = canceledAt
        self.endedAt = endedAt
        self.updatedAt = updatedAt
        self.metadata = metadata
    }

    enum CodingKeys: String, CodingKey {
        case id
        case customerID = "customer_id"
        case status, currency, items
        case startedAt = "started_at"
        case currentPeriodStart = "current_period_start"
        case currentPeriodEnd = "current_period_end"
        case trialStart = "trial_start"
        case trialEnd = "trial_end"
        case cancelAtPeriodEnd = "cancel_at_period_end"
        case cancelAt = "cancel_at"
        case canceledAt = "canceled_at"
        case endedAt = "ended_at"
        case updatedAt = "updated_at"
        case metadata
    }

    /// One recurring item of a subscription.
    public struct Item: Codable, Sendable, Hashable {
        public var id: String
        public var productID: String?
        public var priceID: String?
        public var description: String?
        public var quantity: ExactDecimal
        public var unitAmount: Money
        public var recurrence: Recurrence

        public init(
            id: String, productID: String? = nil, priceID: String? = nil, description: String? = nil,
            quantity: ExactDecimal, unitAmount: Money, recurrence: Recurrence
        ) {
            self.id = id
            self.productID = productID
            self.priceID = priceID
            self.description = description
            self.quantity = quantity
            self.unitAmount = unitAmount
            self.recurrence = recurrence
        }

        enum CodingKeys: String, CodingKey {
            case id
            case productID = "product_id"
            case priceID = "price_id"
            case description, quantity
            case unitAmount = "unit_amount"
            case recurrence
        }
    }
}
