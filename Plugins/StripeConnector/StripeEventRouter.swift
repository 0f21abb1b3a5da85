import Foundation
import LedgerportSDK

/// Routes each Stripe event type to its translator and wraps the result in canonical events.
///
/// Handled types and what they become:
///
/// | Stripe event | canonical event |
/// |---|---|
/// | `customer.created`, `.updated`, `.deleted` | `customer.created`, `.updated`, `.deleted` |
/// | `product.created`, `.updated` | `product.created`, `.updated` |
/// | `customer.subscription.created`, `.updated`, `.deleted` | `subscription.created`, `.updated`, `.canceled` |
/// | `invoice.created`, `.finalized`, `.voided`, `.marked_uncollectible`, `.payment_failed` | the same `invoice.*` |
/// | `invoice.paid`, `invoice.payment_succeeded` | `invoice.paid` |
/// | `payment_intent.succeeded`, `.payment_failed` | `payment.succeeded`, `.failed` |
/// | `charge.refunded` | one `refund.created` per refund of the charge |
/// | `refund.created`, `refund.updated` (2024-06-20) | `refund.created` |
/// | `credit_note.created`, `.voided` | `credit_note.created`, `.voided` |
///
/// Other types translate to no event: plans (their amounts reach the target
/// through invoice lines, and one plan is not the product's whole price
/// list), payment methods, balances and payouts.
struct StripeEventRouter: Sendable {
    let client: StripeAPIClient
    let logger: Logger

    private static let invoiceTypes: [String: CanonicalEventType] = [
        "invoice.created": .invoiceCreated, "invoice.finalized": .invoiceFinalized,
        "invoice.paid": .invoicePaid, "invoice.payment_succeeded": .invoicePaid,
        "invoice.payment_failed": .invoicePaymentFailed, "invoice.voided": .invoiceVoided,
        "invoice.marked_uncollectible": .invoiceMarkedUncollectible,
    ]

    private static let subscriptionTypes: [String: CanonicalEventType] = [
        "customer.subscription.created": .subscriptionCreated,
        "customer.subscription.updated": .subscriptionUpdated,
        "customer.subscription.deleted": .subscriptionCanceled,
    ]

    /// Every native type that produces canonical events, for specs and tests.
    static var handledTypes: Set<String> {
        Set(invoiceTypes.keys).union(subscriptionTypes.keys).union([
            "customer.created", "customer.updated", "customer.deleted", "product.created", "product.updated",
            "payment_intent.succeeded", "payment_intent.payment_failed",
            "charge.refunded", "refund.created", "refund.updated", "credit_note.created", "credit_note.voided",
        ])
    }

    func translate(_ event: StripeEvent) async throws(ConnectorError) -> [CanonicalEvent] {
        if let type = Self.invoiceTypes[event.type] {
            return [try await invoiceEvent(event, type: type)]
        }
        if let type = Self.subscriptionTypes[event.type] {
            return [try subscriptionEvent(event, type: type)]
        }
        switch event.type {
        case "customer.created", "customer.updated", "customer.deleted":
            return [try customerEvent(event)]
        case "product.created", "product.updated":
            return [try productEvent(event)]
        case "payment_intent.succeeded", "payment_intent.payment_failed":
            return [try paymentEvent(event)]
        case "charge.refunded":
            return try await refundEvents(event)
        case "refund.created", "refund.updated":
            return [try await refundEvent(event)]
        case "credit_note.created", "credit_note.voided":
            return [try creditNoteEvent(event)]
        default:
            logger.debug("skip Stripe event type", metadata: [LogMetadataKey.eventID: .string(event.id), LogMetadataKey.eventType: .string(event.type)])
            return []
        }
    }

    private func customerEvent(_ event: StripeEvent) throws(ConnectorError) -> CanonicalEvent {
        let deleted = event.type == "customer.deleted"
        let customer = try StripeCustomerTranslator.customer(from: event.object, deleted: deleted, updatedAt: event.created)
        let type: CanonicalEventType = deleted ? .customerDeleted : (event.type == "customer.created" ? .customerCreated : .customerUpdated)
        let ordering = EventOrdering(
            key: StripeOrdering.customerKey(customer.id),
            version: StripeOrdering.version(seconds: event.createdSeconds, stage: StripeOrdering.customerStage(deleted: deleted))
        )
        return event.canonical(type, object: .customer(customer), ordering: ordering)
    }

    private func productEvent(_ event: StripeEvent) throws(ConnectorError) -> CanonicalEvent {
        let product = try StripeProductTranslator.product(from: event.object)
        let type: CanonicalEventType = event.type == "product.created" ? .productCreated : .productUpdated
        let seconds = max(event.createdSeconds, event.object.integer("updated") ?? 0)
        let ordering = EventOrdering(key: StripeOrdering.productKey(product.id), version: StripeOrdering.version(seconds: seconds, stage: 0))
        return event.canonical(type, object: .product(product), ordering: ordering)
    }

    private func subscriptionEvent(_ event: StripeEvent, type: CanonicalEventType) throws(ConnectorError) -> CanonicalEvent {
        let subscription = try StripeSubscriptionTranslator.subscription(from: event.object, updatedAt: event.created)
        let ordering = EventOrdering(
            key: StripeOrdering.subscriptionKey(subscription.id),
            version: StripeOrdering.version(seconds: event.createdSeconds, stage: StripeOrdering.subscriptionStage(subscription.status))
        )
        return event.canonical(type, object: .subscription(subscription), ordering: ordering)
    }

    private func invoiceEvent(_ event: StripeEvent, type: CanonicalEventType) async throws(ConnectorError) -> CanonicalEvent {
        let invoice = try await StripeInvoiceTranslator(client: client).invoice(from: event.object, updatedAt: event.created)
        let transitions = [invoice.finalizedAt, invoice.paidAt, invoice.voidedAt].compactMap { $0 }
        let seconds = max(event.createdSeconds, transitions.map { Int64($0.timeIntervalSince1970) }.max() ?? 0)
        let ordering = EventOrdering(
            key: StripeOrdering.invoiceKey(invoice.id),
            version: StripeOrdering.version(seconds: seconds, stage: StripeOrdering.InvoiceGroupStage.of(invoice.status))
        )
        return event.canonical(type, object: .invoice(invoice), ordering: ordering)
    }

    private func paymentEvent(_ event: StripeEvent) throws(ConnectorError) -> CanonicalEvent {
        let succeeded = event.type == "payment_intent.succeeded"
        let payment = try StripePaymentTranslator.payment(fromIntent: event.object, status: succeeded ? .succeeded : .failed, at: event.created)
        let ordering = EventOrdering(
            key: StripeOrdering.paymentKey(paymentID: payment.id, invoiceID: payment.invoiceID),
            version: StripeOrdering.version(seconds: event.createdSeconds, stage: StripeOrdering.InvoiceGroupStage.of(payment.status))
        )
        return event.canonical(succeeded ? .paymentSucceeded : .paymentFailed, object: .payment(payment), ordering: ordering)
    }

    /// Makes one event per refund of the charge, with `<refund id>:<status>` as its deduplication key.
    ///
    /// The key is the refund's, not the event's:
    /// each `charge.refunded` repeats the charge's earlier refunds, which must
    /// not be applied again, while a refund that later fails is a new event.
    private func refundEvents(_ event: StripeEvent) async throws(ConnectorError) -> [CanonicalEvent] {
        let charge = event.object
        let refundObjects = try await StripeRefundTranslator(client: client).refunds(ofCharge: charge, version: event.apiVersion)
        return try refundObjects.map { (object) throws(ConnectorError) in
            refundEvent(try StripeRefundTranslator.refund(object, charge: charge), of: event)
        }
    }

    /// Makes the event of a refund object, fetching its charge for the invoice and customer a refund does not carry.
    private func refundEvent(_ event: StripeEvent) async throws(ConnectorError) -> CanonicalEvent {
        var charge = event.object.object("charge")
        if charge == nil, let chargeID = event.object.string("charge") {
            let json = try await client.get("/v1/charges/\(chargeID)")
            charge = StripeObject(json: json, path: "", subject: "Stripe GET /v1/charges/\(chargeID)")
        }
        let refund = try StripeRefundTranslator.refund(event.object, charge: charge)
        return refundEvent(refund, of: event)
    }

    private func refundEvent(_ refund: CanonicalRefund, of event: StripeEvent) -> CanonicalEvent {
        let ordering = EventOrdering(
            key: StripeOrdering.paymentKey(paymentID: refund.paymentID ?? refund.chargeID ?? refund.id, invoiceID: refund.invoiceID),
            version: StripeOrdering.version(seconds: event.createdSeconds, stage: StripeOrdering.InvoiceGroupStage.refund)
        )
        return event.canonical(.refundCreated, object: .refund(refund), ordering: ordering, id: "\(refund.id):\(refund.status.rawValue)")
    }

    private func creditNoteEvent(_ event: StripeEvent) throws(ConnectorError) -> CanonicalEvent {
        let note = try StripeCreditNoteTranslator.creditNote(from: event.object)
        let ordering = EventOrdering(
            key: StripeOrdering.invoiceKey(note.invoiceID),
            version: StripeOrdering.version(seconds: event.createdSeconds, stage: StripeOrdering.InvoiceGroupStage.creditNote)
        )
        let type: CanonicalEventType = event.type == "credit_note.voided" ? .creditNoteVoided : .creditNoteCreated
        return event.canonical(type, object: .creditNote(note), ordering: ordering)
    }
}
