import Foundation
import LedgerportSDK

/// Translates Stripe products and plans into ``CanonicalProduct``s.
///
/// A plan is a price of a product, so a plan event becomes its product with
/// that one price in ``CanonicalProduct/prices``. The product's other prices
/// are not in the payload and are not listed.
enum StripeProductTranslator {
    static func product(from object: StripeObject) throws(ConnectorError) -> CanonicalProduct {
        CanonicalProduct(
            id: try object.requireID(),
            name: try object.requireString("name"),
            description: object.string("description"),
            sku: object.metadata()["sku"],
            active: object.bool("active") ?? true,
            createdAt: object.date("created"),
            updatedAt: object.date("updated"),
            metadata: object.metadata()
        )
    }

    /// Translates a plan into its product, carrying the plan as its one price.
    ///
    /// The name is the plan's `name` (2017 versions), else its `nickname`,
    /// else the product id, because current versions keep the name on the product only.
    static func product(fromPlan plan: StripeObject) throws(ConnectorError) -> CanonicalProduct {
        guard let productID = plan.reference("product") else {
            throw plan.missing("product", expected: "the id of the plan's product")
        }
        let currency = try plan.requireCurrency()
        let price = CanonicalProduct.Price(
            id: try plan.requireID(),
            unitAmount: try plan.requireMoney("amount", currency: currency),
            recurrence: try recurrence(ofPlan: plan)
        )
        return CanonicalProduct(
            id: productID,
            name: plan.string("name") ?? plan.object("product")?.string("name") ?? plan.string("nickname") ?? productID,
            active: plan.bool("active") ?? true,
            prices: [price],
            createdAt: nil,
            metadata: [:]
        )
    }

    /// Reads the recurrence of a plan (`interval`, `interval_count`) or a price (`recurring`).
    static func recurrence(ofPlan plan: StripeObject) throws(ConnectorError) -> Recurrence {
        let source = plan.object("recurring") ?? plan
        let text = try source.requireString("interval")
        guard let interval = Recurrence.Interval(rawValue: text) else {
            throw source.invalid("interval", value: text, expected: "one of day, week, month, year")
        }
        return Recurrence(interval: interval, intervalCount: Int(source.integer("interval_count") ?? 1))
    }
}
