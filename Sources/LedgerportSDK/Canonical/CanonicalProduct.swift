import Foundation

/// A product or plan that invoice and subscription lines refer to.
public struct CanonicalProduct: CanonicalObject {
    public static let objectType = CanonicalObjectType.product
    public static let schemaVersion = 1

    public var id: String
    public var name: String
    public var description: String?
    /// A stock-keeping code, when the source has one.
    public var sku: String?
    public var active: Bool
    /// Prices of the product, one per currency and interval.
    public var prices: [Price]
    public var createdAt: Date?
    public var updatedAt: Date?
    public var metadata: [String: String]

    public init(
        id: String, name: String, description: String? = nil, sku: String? = nil, active: Bool = true,
        prices: [Price] = [], createdAt: Date? = nil, updatedAt: Date? = nil, metadata: [String: String] = [:]
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.sku = sku
        self.active = active
        self.prices = prices
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.metadata = metadata
    }

    enum CodingKeys: String, CodingKey {
        case id, name, description, sku, active, prices
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case metadata
    }

    /// One price of a product: an amount per unit, recurring or one-off.
    public struct Price: Codable, Sendable, Hashable {
        public var id: String
        public var unitAmount: Money
        /// Nil for a one-off price.
        public var recurrence: Recurrence?

        public init(id: String, unitAmount: Money, recurrence: Recurrence? = nil) {
            self.id = id
            self.unitAmount = unitAmount
            self.recurrence = recurrence
        }

        enum CodingKeys: String, CodingKey {
            case id
            case unitAmount = "unit_amount"
            case recurrence
        }
    }
}

/// How often a recurring price bills: every `intervalCount` `interval`s.
public struct Recurrence: Codable, Sendable, Hashable {
    public enum Interval: String, Codable, Sendable, Hashable {
        case day, week, month, year
    }

    public var interval: Interval
    public var intervalCount: Int

    public init(interval: Interval, intervalCount: Int = 1) {
        self.interval = interval
        self.intervalCount = intervalCount
    }

    enum CodingKeys: String, CodingKey {
        case interval
        case intervalCount = "interval_count"
    }
}
