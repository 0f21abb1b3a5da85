import Foundation
import LedgerportSDK

/// Translates Stripe products into ``CanonicalProduct``s, and reads the recurrence of plans and prices.
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
