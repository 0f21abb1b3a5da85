import Foundation
import LedgerportSDK

/// Translates a Stripe subscription into a ``CanonicalSubscription``.
///
/// Plan and quantity changes, trial ends and cancellation at period end all
/// arrive as `customer.subscription.updated` with the whole subscription, so
/// one translation covers them: the canonical object is the new state.
enum StripeSubscriptionTranslator {
    static func subscription(from object: StripeObject, updatedAt: Date?) throws(ConnectorError) -> CanonicalSubscription {
        let items = object.elements("items")
        let currency = try currency(of: object, items: items)
        return CanonicalSubscription(
            id: try object.requireID(),
            customerID: try customerID(of: object),
            status: try status(of: object),
            currency: currency,
            items: try items.map { (item) throws(ConnectorError) in try self.item(item, currency: currency) },
            startedAt: object.date("start_date") ?? object.date("created"),
            currentPeriodStart: object.date("current_period_start"),
            currentPeriodEnd: object.date("current_period_end"),
            trialStart: object.date("trial_start"),
            trialEnd: object.date("trial_end"),
            cancelAtPeriodEnd: object.bool("cancel_at_period_end") ?? false,
            cancelAt: object.date("cancel_at"),
            canceledAt: object.date("canceled_at"),
            endedAt: object.date("ended_at"),
            updatedAt: updatedAt,
            metadata: object.metadata()
        )
    }

    static func status(of object: StripeObject) throws(ConnectorError) -> CanonicalSubscription.Status {
        let text = try object.requireString("status")
        guard let status = CanonicalSubscription.Status(rawValue: text) else {
            throw object.invalid("status", value: text, expected: "a Stripe subscription status such as active or canceled")
        }
        return status
    }

    private static func customerID(of object: StripeObject) throws(ConnectorError) -> String {
        guard let id = object.reference("customer") else {
            throw object.missing("customer", expected: "the id of the subscribed customer")
        }
        return id
    }

    /// Reads the subscription's `currency` (current versions), else its first item's price currency.
    private static func currency(of object: StripeObject, items: [StripeObject]) throws(ConnectorError) -> CurrencyCode {
        if object.string("currency") != nil {
            return try object.requireCurrency()
        }
        guard let price = items.first.flatMap(StripePrice.init(of:)) ?? object.object("plan").map({ StripePrice(object: $0) }) else {
            throw object.missing("currency", expected: "a currency, or items with a priced plan")
        }
        return try price.object.requireCurrency()
    }

    private static func item(_ item: StripeObject, currency: CurrencyCode) throws(ConnectorError) -> CanonicalSubscription.Item {
        guard let price = StripePrice(of: item) else {
            throw item.missing("price", expected: "the item's price or plan")
        }
        guard let unitAmount = price.unitAmount else {
            throw price.object.missing("unit_amount", expected: "a per-unit amount (tiered prices are not supported)")
        }
        guard let recurrence = try price.recurrence() else {
            throw price.object.missing("recurring", expected: "a recurring interval")
        }
        return CanonicalSubscription.Item(
            id: try item.requireID(),
            productID: price.productID,
            priceID: price.id,
            description: price.name,
            quantity: ExactDecimal(item.integer("quantity") ?? 1),
            unitAmount: try price.object.money(of: unitAmount, field: "unit_amount", currency: currency),
            recurrence: recurrence
        )
    }
}

extension StripePrice {
    /// Wraps a plan or price object that is already at hand.
    init(object: StripeObject) {
        self.object = object
    }
}
