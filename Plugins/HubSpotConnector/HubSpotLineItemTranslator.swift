import LedgerportSDK

/// Translates a HubSpot line item into a ``CanonicalDeal/LineItem``.
///
/// The recurrence comes from `hs_recurring_billing_period` (ISO 8601 such as
/// `P1M`, `P12M`, `P1Y`, `P2W`) or, when absent, `recurringbillingfrequency`
/// (`weekly`, `monthly`, `quarterly`, `per_six_months`, `annually`). A line
/// with neither is one-off.
enum HubSpotLineItemTranslator {
    static func lineItem(_ json: JSONValue, currency: CurrencyCode, dealID: String) throws(ConnectorError) -> CanonicalDeal.LineItem {
        let properties = json["properties"] ?? [:]
        let id = json["id"]?.stringValue
        func decimal(_ name: String) throws(ConnectorError) -> ExactDecimal? {
            guard let text = properties[name]?.stringValue, !text.isEmpty else { return nil }
            guard let value = ExactDecimal(parsing: text) else {
                throw invalid(dealID: dealID, lineID: id, property: name, value: text)
            }
            return value
        }
        let price = try decimal("price") ?? .zero
        let unitPrice: Money
        do {
            unitPrice = try Money(decimal: price, currency: currency)
        } catch {
            throw ConnectorError.business("hubspot_invalid_amount", "read HubSpot deal \"\(dealID)\": line item \"\(id ?? "?")\" price \(price) \(currency): \(error)")
        }
        return CanonicalDeal.LineItem(
            id: id, productID: properties["hs_product_id"]?.stringValue, sku: properties["hs_sku"]?.stringValue,
            name: properties["name"]?.stringValue ?? "Line item \(id ?? "")",
            quantity: try decimal("quantity") ?? ExactDecimal(1), unitPrice: unitPrice,
            discountPercent: try decimal("hs_discount_percentage"),
            recurrence: try recurrence(properties, dealID: dealID, lineID: id)
        )
    }

    static func recurrence(_ properties: JSONValue, dealID: String, lineID: String?) throws(ConnectorError) -> Recurrence? {
        if let period = properties["hs_recurring_billing_period"]?.stringValue, !period.isEmpty {
            guard let recurrence = parsePeriod(period) else {
                throw invalid(dealID: dealID, lineID: lineID, property: "hs_recurring_billing_period", value: period)
            }
            return recurrence
        }
        guard let frequency = properties["recurringbillingfrequency"]?.stringValue, !frequency.isEmpty else { return nil }
        switch frequency {
        case "weekly": return Recurrence(interval: .week)
        case "biweekly": return Recurrence(interval: .week, intervalCount: 2)
        case "monthly": return Recurrence(interval: .month)
        case "quarterly": return Recurrence(interval: .month, intervalCount: 3)
        case "per_six_months": return Recurrence(interval: .month, intervalCount: 6)
        case "annually": return Recurrence(interval: .year)
        default: throw invalid(dealID: dealID, lineID: lineID, property: "recurringbillingfrequency", value: frequency)
        }
    }

    /// Parses `PnD`, `PnW`, `PnM` or `PnY`; twelve months become one year.
    static func parsePeriod(_ text: String) -> Recurrence? {
        guard text.hasPrefix("P"), let unit = text.last, let count = Int(text.dropFirst().dropLast()), count > 0 else { return nil }
        switch unit {
        case "D": return Recurrence(interval: .day, intervalCount: count)
        case "W": return Recurrence(interval: .week, intervalCount: count)
        case "M": return count % 12 == 0 ? Recurrence(interval: .year, intervalCount: count / 12) : Recurrence(interval: .month, intervalCount: count)
        case "Y": return Recurrence(interval: .year, intervalCount: count)
        default: return nil
        }
    }

    private static func invalid(dealID: String, lineID: String?, property: String, value: String) -> ConnectorError {
        ConnectorError.business(
            "hubspot_invalid_property", "read HubSpot deal \"\(dealID)\": line item \"\(lineID ?? "?")\" property \"\(property)\" = \"\(value.prefix(40))\" cannot be read",
            hint: "correct the line item in HubSpot, then replay the event"
        )
    }
}
