import LedgerportSDK

/// The rules every canonical event from a source must satisfy, as a list of violations.
enum CanonicalInvariants {
    static func violations(of event: CanonicalEvent) -> [String] {
        var problems = [String]()
        if event.id.isEmpty { problems.append("empty event id") }
        if event.ordering.key.isEmpty { problems.append("empty ordering key") }
        if event.ordering.version <= 0 { problems.append("ordering version \(event.ordering.version) is not positive") }
        if event.type.objectName != event.object.objectType.rawValue {
            problems.append("type \(event.type) does not match object \(event.object.objectType.rawValue)")
        }
        switch event.object {
        case .invoice(let invoice): problems += invoiceViolations(invoice)
        case .subscription(let subscription): problems += subscriptionViolations(subscription)
        case .payment(let payment):
            if payment.amount.minorUnits <= 0 { problems.append("payment amount \(payment.amount) is not positive") }
        case .refund(let refund):
            if refund.amount.minorUnits <= 0 { problems.append("refund amount \(refund.amount) is not positive") }
        case .creditNote(let note):
            if note.total.isNegative { problems.append("credit note total \(note.total) is negative") }
        case .customer, .product, .deal:
            break
        }
        return problems
    }

    static func invoiceViolations(_ invoice: CanonicalInvoice) -> [String] {
        var problems = [String]()
        let amounts = invoice.lines.map(\.amount) + [invoice.subtotal, invoice.total, invoice.taxTotal, invoice.discountTotal, invoice.amountDue, invoice.amountPaid, invoice.amountRemaining]
        if amounts.contains(where: { $0.currency != invoice.currency }) { problems.append("an amount is not in \(invoice.currency)") }
        do {
            let lineSum = try Money.sum(invoice.lines.map(\.amount), currency: invoice.currency)
            if lineSum != invoice.subtotal { problems.append("lines add up to \(lineSum), subtotal is \(invoice.subtotal)") }
            let exclusiveTax = try Money.sum(invoice.lines.flatMap(\.taxes).filter { !$0.inclusive }.map(\.amount), currency: invoice.currency)
            let expectedTotal = try invoice.subtotal - invoice.discountTotal + exclusiveTax
            if expectedTotal != invoice.total { problems.append("subtotal - discounts + exclusive tax = \(expectedTotal), total is \(invoice.total)") }
            let remaining = try invoice.amountDue - invoice.amountPaid
            if remaining != invoice.amountRemaining { problems.append("amount due - paid = \(remaining), remaining is \(invoice.amountRemaining)") }
        } catch {
            problems.append("arithmetic failed: \(error)")
        }
        return problems
    }

    static func subscriptionViolations(_ subscription: CanonicalSubscription) -> [String] {
        var problems = [String]()
        if subscription.items.isEmpty { problems.append("subscription has no items") }
        if subscription.items.contains(where: { $0.unitAmount.currency != subscription.currency }) {
            problems.append("an item is not in \(subscription.currency)")
        }
        return problems
    }
}
