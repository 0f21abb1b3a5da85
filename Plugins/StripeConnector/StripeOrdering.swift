import LedgerportSDK

/// Ordering keys and versions for Stripe objects.
///
/// Keys group objects whose events must apply in order: a payment, refund
/// or credit note of an invoice shares the invoice's key (`invoice:in_1`), a
/// payment without an invoice has its own (`payment:pi_1`), and customers,
/// subscriptions and products each have theirs.
///
/// A version is `seconds × 1000 + stage`: the time of the state in Unix
/// seconds, then the state's place in its lifecycle. Stripe timestamps have
/// one-second resolution and an invoice is often created, paid and reported
/// paid within one second, so the stage orders states of the same second:
/// a `draft` invoice sorts before its `paid` state however the webhooks arrive.
enum StripeOrdering {
    static func version(seconds: Int64, stage: Int64) -> Int64 {
        precondition((0..<1000).contains(stage), "a lifecycle stage is below 1000")
        return seconds * 1000 + stage
    }

    static func customerKey(_ id: String) -> String { "customer:\(id)" }
    static func productKey(_ id: String) -> String { "product:\(id)" }
    static func subscriptionKey(_ id: String) -> String { "subscription:\(id)" }
    static func invoiceKey(_ id: String) -> String { "invoice:\(id)" }

    /// Returns the key of a payment (or of a refund of it): its invoice's key when it has one.
    static func paymentKey(paymentID: String, invoiceID: String?) -> String {
        invoiceID.map(invoiceKey) ?? "payment:\(paymentID)"
    }

    /// Stages of the objects that share an invoice's key, in lifecycle order.
    enum InvoiceGroupStage {
        static func of(_ status: CanonicalInvoice.Status) -> Int64 {
            switch status {
            case .draft: 0
            case .open: 1
            case .paid: 4
            case .uncollectible: 5
            case .void: 6
            }
        }

        static func of(_ status: CanonicalPayment.Status) -> Int64 {
            switch status {
            case .pending, .failed, .canceled: 2
            case .succeeded: 3
            }
        }

        static let refund: Int64 = 7
        static let creditNote: Int64 = 8
    }

    static func subscriptionStage(_ status: CanonicalSubscription.Status) -> Int64 {
        switch status {
        case .incomplete: 0
        case .trialing: 1
        case .active: 2
        case .pastDue: 3
        case .unpaid: 4
        case .paused: 5
        case .incompleteExpired: 8
        case .canceled: 9
        }
    }

    /// Returns the stage of a customer: 0 while it exists, 9 once deleted.
    static func customerStage(deleted: Bool) -> Int64 {
        deleted ? 9 : 0
    }
}
