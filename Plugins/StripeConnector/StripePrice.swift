import LedgerportSDK

/// The price of a subscription item or invoice line, read from `price` (current versions) or `plan` (2017 versions).
struct StripePrice: Sendable {
    let object: StripeObject

    /// The price or plan of `item`, or nil when it has neither (a one-off invoice item).
    init?(of item: StripeObject) {
        guard let object = item.object("price") ?? item.object("plan") else { return nil }
        self.object = object
    }

    var id: String? { object.string("id") }

    var productID: String? { object.reference("product") }

    /// A readable name: the plan's `name`, else its `nickname`.
    var name: String? { object.string("name") ?? object.string("nickname") }

    /// The amount per unit in Stripe's exponent: `unit_amount` of a price, `amount` of a plan.
    var unitAmount: Int64? { object.integer("unit_amount") ?? object.integer("amount") }

    /// The per-unit amount with its sub-unit digits (`unit_amount_decimal`), in minor units, when Stripe sends it.
    var unitAmountDecimal: ExactDecimal? {
        object.string("unit_amount_decimal").flatMap { ExactDecimal(parsing: $0) }
    }

    /// Reads the billing interval, or returns nil for a one-off price.
    func recurrence() throws(ConnectorError) -> Recurrence? {
        guard object.object("recurring") != nil || object.string("interval") != nil else { return nil }
        return try StripeProductTranslator.recurrence(ofPlan: object)
    }
}
