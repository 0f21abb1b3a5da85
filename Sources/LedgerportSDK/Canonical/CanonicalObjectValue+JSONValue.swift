import Foundation

extension CanonicalObjectValue {
    /// Returns the object's JSON form, equal to what ``JSONValueEncoder`` writes for it, built member by member.
    ///
    /// Mapping evaluation reads this form for every delivered event, and
    /// building it directly avoids the generic encoder's keyed containers. Keep
    /// each type's members in step with its `CodingKeys`: the canonical encoding
    /// tests compare this form with the pinned bytes of every object type.
    package func directJSON() -> JSONValue {
        switch self {
        case .customer(let value): value.directJSON()
        case .product(let value): value.directJSON()
        case .deal(let value): value.directJSON()
        case .subscription(let value): value.directJSON()
        case .invoice(let value): value.directJSON()
        case .payment(let value): value.directJSON()
        case .refund(let value): value.directJSON()
        case .creditNote(let value): value.directJSON()
        }
    }
}

/// The members of one JSON object under construction; an optional that is nil is left out, as the synthesized `Encodable` does.
private struct Members {
    private(set) var values: JSONObject

    init(capacity: Int) {
        values = JSONObject()
        values.reserveCapacity(capacity)
    }

    var json: JSONValue {
        .object(values)
    }

    mutating func set(_ key: String, _ value: JSONValue?) {
        if let value {
            values[key] = value
        }
    }

    mutating func set(_ key: String, _ text: String?) {
        set(key, text.map(JSONValue.string))
    }

    mutating func set(_ key: String, _ flag: Bool) {
        values[key] = .bool(flag)
    }

    mutating func set(_ key: String, _ date: Date?) {
        set(key, date.map { .string(RFC3339.string(from: $0)) })
    }

    mutating func set(_ key: String, _ money: Money?) {
        set(key, money?.directJSON())
    }

    mutating func set(_ key: String, _ decimal: ExactDecimal?) {
        set(key, decimal.map { .number(JSONNumber($0)) })
    }

    mutating func set(_ key: String, _ currency: CurrencyCode?) {
        set(key, currency.map { .string($0.rawValue) })
    }

    mutating func set(_ key: String, _ number: Int?) {
        set(key, number.map { .number(JSONNumber($0)) })
    }

    mutating func set<Value: RawRepresentable>(_ key: String, _ value: Value?) where Value.RawValue == String {
        set(key, value.map { .string($0.rawValue) })
    }

    mutating func set(_ key: String, _ metadata: [String: String]) {
        values[key] = .object(metadata.mapValues(JSONValue.string))
    }

    mutating func set<Element>(_ key: String, _ elements: [Element], _ form: (Element) -> JSONValue) {
        values[key] = .array(elements.map(form))
    }
}

extension Money {
    fileprivate func directJSON() -> JSONValue {
        .object(["currency": .string(currency.rawValue), "minor_units": .number(JSONNumber(minorUnits))])
    }
}

extension Recurrence {
    fileprivate func directJSON() -> JSONValue {
        .object(["interval": .string(interval.rawValue), "interval_count": .number(JSONNumber(intervalCount))])
    }
}

extension TaxAmount {
    fileprivate func directJSON() -> JSONValue {
        var members = Members(capacity: 6)
        members.set("tax_code", taxCode)
        members.set("display_name", displayName)
        members.set("percentage", percentage)
        members.set("inclusive", inclusive)
        members.set("amount", amount)
        members.set("jurisdiction", jurisdiction)
        return members.json
    }
}

extension PostalAddress {
    fileprivate func directJSON() -> JSONValue {
        var members = Members(capacity: 6)
        members.set("line1", line1)
        members.set("line2", line2)
        members.set("city", city)
        members.set("postal_code", postalCode)
        members.set("state", state)
        members.set("country", country)
        return members.json
    }
}

extension ServicePeriod {
    fileprivate func directJSON() -> JSONValue {
        .object(["start": .string(RFC3339.string(from: start)), "end": .string(RFC3339.string(from: end))])
    }
}

extension CanonicalCustomer {
    fileprivate func directJSON() -> JSONValue {
        var members = Members(capacity: 13)
        members.set("id", id)
        members.set("kind", kind)
        members.set("name", name)
        members.set("email", email)
        members.set("phone", phone)
        members.set("address", address?.directJSON())
        members.set("currency", currency)
        members.set("tax_ids", taxIDs) { .object(["type": .string($0.type), "value": .string($0.value)]) }
        members.set("contacts", contacts) { contact in
            var person = Members(capacity: 5)
            person.set("id", contact.id)
            person.set("name", contact.name)
            person.set("email", contact.email)
            person.set("phone", contact.phone)
            person.set("role", contact.role)
            return person.json
        }
        members.set("deleted", deleted)
        members.set("created_at", createdAt)
        members.set("updated_at", updatedAt)
        members.set("metadata", metadata)
        return members.json
    }
}

extension CanonicalProduct {
    fileprivate func directJSON() -> JSONValue {
        var members = Members(capacity: 9)
        members.set("id", id)
        members.set("name", name)
        members.set("description", description)
        members.set("sku", sku)
        members.set("active", active)
        members.set("prices", prices) { price in
            var members = Members(capacity: 3)
            members.set("id", price.id)
            members.set("unit_amount", price.unitAmount)
            members.set("recurrence", price.recurrence?.directJSON())
            return members.json
        }
        members.set("created_at", createdAt)
        members.set("updated_at", updatedAt)
        members.set("metadata", metadata)
        return members.json
    }
}

extension CanonicalDeal {
    fileprivate func directJSON() -> JSONValue {
        var members = Members(capacity: 12)
        members.set("id", id)
        members.set("name", name)
        members.set("stage", stage)
        members.set("pipeline", pipeline)
        members.set("is_closed_won", isClosedWon)
        members.set("amount", amount)
        members.set("close_date", closeDate)
        members.set("customer", customer?.directJSON())
        members.set("line_items", lineItems) { item in
            var members = Members(capacity: 8)
            members.set("id", item.id)
            members.set("product_id", item.productID)
            members.set("sku", item.sku)
            members.set("name", item.name)
            members.set("quantity", item.quantity)
            members.set("unit_price", item.unitPrice)
            members.set("discount_percent", item.discountPercent)
            members.set("recurrence", item.recurrence?.directJSON())
            return members.json
        }
        members.set("owner_email", ownerEmail)
        members.set("updated_at", updatedAt)
        members.set("metadata", metadata)
        return members.json
    }
}

extension CanonicalSubscription {
    fileprivate func directJSON() -> JSONValue {
        var members = Members(capacity: 16)
        members.set("id", id)
        members.set("customer_id", customerID)
        members.set("status", status)
        members.set("currency", currency)
        members.set("items", items) { item in
            var members = Members(capacity: 7)
            members.set("id", item.id)
            members.set("product_id", item.productID)
            members.set("price_id", item.priceID)
            members.set("description", item.description)
            members.set("quantity", item.quantity)
            members.set("unit_amount", item.unitAmount)
            members.set("recurrence", item.recurrence.directJSON())
            return members.json
        }
        members.set("started_at", startedAt)
        members.set("current_period_start", currentPeriodStart)
        members.set("current_period_end", currentPeriodEnd)
        members.set("trial_start", trialStart)
        members.set("trial_end", trialEnd)
        members.set("cancel_at_period_end", cancelAtPeriodEnd)
        members.set("cancel_at", cancelAt)
        members.set("canceled_at", canceledAt)
        members.set("ended_at", endedAt)
        members.set("updated_at", updatedAt)
        members.set("metadata", metadata)
        return members.json
    }
}

extension CanonicalInvoice {
    fileprivate func directJSON() -> JSONValue {
        var members = Members(capacity: 27)
        members.set("id", id)
        members.set("number", number)
        members.set("customer_id", customerID)
        members.set("customer_email", customerEmail)
        members.set("subscription_id", subscriptionID)
        members.set("status", status)
        members.set("currency", currency)
        members.set("lines", lines) { line in
            var members = Members(capacity: 12)
            members.set("id", line.id)
            members.set("description", line.description)
            members.set("product_id", line.productID)
            members.set("price_id", line.priceID)
            members.set("subscription_item_id", line.subscriptionItemID)
            members.set("quantity", line.quantity)
            members.set("unit_amount_minor", line.unitAmountMinor)
            members.set("amount", line.amount)
            members.set("discount_amounts", line.discountAmounts) { $0.directJSON() }
            members.set("taxes", line.taxes) { $0.directJSON() }
            members.set("proration", line.proration)
            members.set("period", line.period?.directJSON())
            return members.json
        }

        members.set("subtotal", subtotal)
        members.set("discount_total", discountTotal)
        members.set("tax_total", taxTotal)
        members.set("total", total)
        members.set("amount_due", amountDue)
        members.set("amount_paid", amountPaid)
        members.set("amount_remaining", amountRemaining)
        members.set("created_at", createdAt)
        members.set("finalized_at", finalizedAt)
        members.set("due_at", dueAt)
        members.set("paid_at", paidAt)
        members.set("voided_at", voidedAt)
        members.set("period_start", periodStart)
        members.set("period_end", periodEnd)
        members.set("billing_reason", billingReason)
        members.set("attempt_count", attemptCount)
        members.set("next_payment_attempt", nextPaymentAttempt)
        members.set("updated_at", updatedAt)
        members.set("metadata", metadata)
        return members.json
    }
}

extension CanonicalPayment {
    fileprivate func directJSON() -> JSONValue {
        var members = Members(capacity: 13)
        members.set("id", id)
        members.set("invoice_id", invoiceID)
        members.set("customer_id", customerID)
        members.set("amount", amount)
        members.set("status", status)
        members.set("method", method)
        members.set("charge_id", chargeID)
        members.set("failure_code", failureCode)
        members.set("failure_message", failureMessage)
        members.set("created_at", createdAt)
        members.set("paid_at", paidAt)
        members.set("updated_at", updatedAt)
        members.set("metadata", metadata)
        return members.json
    }
}

extension CanonicalRefund {
    fileprivate func directJSON() -> JSONValue {
        var members = Members(capacity: 10)
        members.set("id", id)
        members.set("payment_id", paymentID)
        members.set("charge_id", chargeID)
        members.set("invoice_id", invoiceID)
        members.set("customer_id", customerID)
        members.set("amount", amount)
        members.set("status", status)
        members.set("reason", reason)
        members.set("created_at", createdAt)
        members.set("metadata", metadata)
        return members.json
    }
}

extension CanonicalCreditNote {
    fileprivate func directJSON() -> JSONValue {
        var members = Members(capacity: 17)
        members.set("id", id)
        members.set("number", number)
        members.set("invoice_id", invoiceID)
        members.set("customer_id", customerID)
        members.set("status", status)
        members.set("currency", currency)
        members.set("lines", lines) { line in
            var members = Members(capacity: 6)
            members.set("id", line.id)
            members.set("invoice_line_id", line.invoiceLineID)
            members.set("description", line.description)
            members.set("quantity", line.quantity)
            members.set("amount", line.amount)
            members.set("taxes", line.taxes) { $0.directJSON() }
            return members.json
        }
        members.set("subtotal", subtotal)
        members.set("tax_total", taxTotal)
        members.set("total", total)
        members.set("refund_amount", refundAmount)
        members.set("refund_id", refundID)
        members.set("reason", reason)
        members.set("memo", memo)
        members.set("created_at", createdAt)
        members.set("voided_at", voidedAt)
        members.set("metadata", metadata)
        return members.json
    }
}
