import Foundation
import LedgerportSDK

/// Lists past Stripe objects page by page as canonical events.
///
/// Objects and endpoints: `customer` (`/v1/customers`), `subscription`
/// (`/v1/subscriptions?status=all`, so canceled ones are included),
/// `invoice` (`/v1/invoices`), `charge` (`/v1/charges`) and `refund`
/// (`/v1/refunds`). The cursor is the last object's id, passed back as
/// `starting_after`. Each event's ordering version is the listing time,
/// because a listed object shows its state as of that moment. Its id comes
/// from ``BackfillRequest/eventID(for:listedAt:)`` and names the window, so a
/// window listed again stores nothing twice. Refunds are the exception: they use
/// the same `<refund id>:<status>` key as webhooks, so a refund seen both ways applies once.
struct StripeBackfill: Sendable {
    let client: StripeAPIClient
    let clock: any WallClock

    /// The objects a backfill can list.
    static let objects = ["customer", "subscription", "invoice", "charge", "refund"]

    func page(_ request: BackfillRequest) async throws(ConnectorError) -> BackfillPage {
        guard let path = Self.path(of: request.object) else {
            throw ConnectorError.configuration(
                "stripe_unknown_backfill_object", "backfill Stripe \"\(request.object)\": the object cannot be listed",
                hint: "use one of \(Self.objects.joined(separator: ", "))"
            )
        }
        let page = try await listPage(path, request: request)
        let seconds = Int64(clock.now().timeIntervalSince1970.rounded(.down))
        var events = [CanonicalEvent]()
        for object in page.objects where Self.isCreated(object, within: request) {
            if let event = try await event(for: object, request: request, listedAt: seconds) {
                events.append(event)
            }
        }
        return BackfillPage(events: events, nextCursor: page.nextCursor)
    }

    /// Lists one page with the window as `created` filters; when the server rejects those filters,
    /// lists without them and lets ``isCreated(_:within:)`` apply the window.
    ///
    /// Stripe's API accepts `created[gte]` and `created[lt]` on every list used here. Stripe test
    /// doubles such as localstripe 1.15 answer 400 ("Unexpected created") instead, and the window
    /// must still hold there.
    private func listPage(_ path: String, request: BackfillRequest) async throws(ConnectorError) -> StripeListPage {
        do {
            return try await client.listPage(path, query: query(for: request, filtersCreated: true), limit: request.pageSize, startingAfter: request.cursor)
        } catch where error.code == "stripe_invalid_request" && (error.targetMessage ?? "").contains("created") {
            return try await client.listPage(path, query: query(for: request, filtersCreated: false), limit: request.pageSize, startingAfter: request.cursor)
        }
    }

    /// Whether the object's `created` time falls in the request's window; objects without one are kept.
    static func isCreated(_ object: StripeObject, within request: BackfillRequest) -> Bool {
        guard let created = object.integer("created") else { return true }
        let time = Date(timeIntervalSince1970: TimeInterval(created))
        if let from = request.createdFrom, time < from { return false }
        if let before = request.createdBefore, time >= before { return false }
        return true
    }

    private static func path(of object: String) -> String? {
        switch object {
        case "customer": "/v1/customers"
        case "subscription": "/v1/subscriptions"
        case "invoice": "/v1/invoices"
        case "charge": "/v1/charges"
        case "refund": "/v1/refunds"
        default: nil
        }
    }

    private func query(for request: BackfillRequest, filtersCreated: Bool) -> [(String, String)] {
        var query = [(String, String)]()
        if request.object == "subscription" {
            query.append(("status", "all"))
        }
        guard filtersCreated else { return query }
        if let from = request.createdFrom {
            query.append(("created[gte]", String(Int64(from.timeIntervalSince1970.rounded(.up)))))
        }
        if let before = request.createdBefore {
            query.append(("created[lt]", String(Int64(before.timeIntervalSince1970.rounded(.up)))))
        }
        return query
    }

    private func event(for object: StripeObject, request: BackfillRequest, listedAt seconds: Int64) async throws(ConnectorError) -> CanonicalEvent? {
        let kind = request.object
        let listedAt = Date(timeIntervalSince1970: TimeInterval(seconds))
        let id = try object.requireID()
        let source = EventSource(
            connector: StripeConnector.id, connectorVersion: StripeConnector.version.description,
            nativeType: "\(kind).listed", apiVersion: client.apiVersion.rawValue, livemode: object.bool("livemode")
        )
        func make(_ type: CanonicalEventType, _ value: CanonicalObjectValue, key: String, stage: Int64, eventID: String? = nil) -> CanonicalEvent {
            CanonicalEvent(
                id: eventID ?? request.eventID(for: id, listedAt: listedAt), type: type, occurredAt: listedAt, source: source,
                ordering: EventOrdering(key: key, version: StripeOrdering.version(seconds: seconds, stage: stage)), object: value
            )
        }

        switch kind {
        case "customer":
            let customer = try StripeCustomerTranslator.customer(from: object, deleted: false, updatedAt: listedAt)
            return make(.customerUpdated, .customer(customer), key: StripeOrdering.customerKey(id), stage: 0)
        case "subscription":
            let subscription = try StripeSubscriptionTranslator.subscription(from: object, updatedAt: listedAt)
            let type: CanonicalEventType = subscription.status == .canceled ? .subscriptionCanceled : .subscriptionUpdated
            return make(type, .subscription(subscription), key: StripeOrdering.subscriptionKey(id), stage: StripeOrdering.subscriptionStage(subscription.status))
        case "invoice":
            let invoice = try await StripeInvoiceTranslator(client: client).invoice(from: object, updatedAt: listedAt)
            return make(Self.eventType(of: invoice.status), .invoice(invoice), key: StripeOrdering.invoiceKey(id), stage: StripeOrdering.InvoiceGroupStage.of(invoice.status))
        case "charge":
            let payment = try StripePaymentTranslator.payment(fromCharge: object, at: listedAt)
            guard payment.status != .pending else { return nil }
            let type: CanonicalEventType = payment.status == .succeeded ? .paymentSucceeded : .paymentFailed
            return make(type, .payment(payment), key: StripeOrdering.paymentKey(paymentID: payment.id, invoiceID: payment.invoiceID), stage: StripeOrdering.InvoiceGroupStage.of(payment.status))
        default:
            let refund = try StripeRefundTranslator.refund(object, charge: object.object("charge"))
            let key = StripeOrdering.paymentKey(paymentID: refund.paymentID ?? refund.chargeID ?? refund.id, invoiceID: refund.invoiceID)
            return make(.refundCreated, .refund(refund), key: key, stage: StripeOrdering.InvoiceGroupStage.refund, eventID: "\(refund.id):\(refund.status.rawValue)")
        }
    }

    /// Returns the canonical event type that reports an invoice in `status`.
    static func eventType(of status: CanonicalInvoice.Status) -> CanonicalEventType {
        switch status {
        case .draft: .invoiceCreated
        case .open: .invoiceFinalized
        case .paid: .invoicePaid
        case .void: .invoiceVoided
        case .uncollectible: .invoiceMarkedUncollectible
        }
    }
}
