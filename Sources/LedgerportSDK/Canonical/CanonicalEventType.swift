/// The type of a canonical event, such as `invoice.finalized`.
///
/// Types are `<object>.<change>` in snake_case. The constants below are the
/// vocabulary mappings are written against; a source may emit only some.
public struct CanonicalEventType: RawRepresentable, Codable, Sendable, Hashable, Comparable,
    CustomStringConvertible, ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(stringLiteral value: String) {
        self.rawValue = value
    }

    public var description: String { rawValue }

    /// The object part of the type (`invoice` for `invoice.finalized`).
    public var objectName: Substring {
        rawValue.split(separator: ".", maxSplits: 1).first ?? ""
    }

    public static func < (lhs: CanonicalEventType, rhs: CanonicalEventType) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    public static let customerCreated: CanonicalEventType = "customer.created"
    public static let customerUpdated: CanonicalEventType = "customer.updated"
    public static let customerDeleted: CanonicalEventType = "customer.deleted"
    public static let productCreated: CanonicalEventType = "product.created"
    public static let productUpdated: CanonicalEventType = "product.updated"
    public static let dealClosedWon: CanonicalEventType = "deal.closed_won"
    public static let dealUpdated: CanonicalEventType = "deal.updated"
    public static let subscriptionCreated: CanonicalEventType = "subscription.created"
    public static let subscriptionUpdated: CanonicalEventType = "subscription.updated"
    public static let subscriptionCanceled: CanonicalEventType = "subscription.canceled"
    public static let invoiceCreated: CanonicalEventType = "invoice.created"
    public static let invoiceFinalized: CanonicalEventType = "invoice.finalized"
    public static let invoicePaid: CanonicalEventType = "invoice.paid"
    public static let invoicePaymentFailed: CanonicalEventType = "invoice.payment_failed"
    public static let invoiceVoided: CanonicalEventType = "invoice.voided"
    public static let invoiceMarkedUncollectible: CanonicalEventType = "invoice.marked_uncollectible"
    public static let paymentSucceeded: CanonicalEventType = "payment.succeeded"
    public static let paymentFailed: CanonicalEventType = "payment.failed"
    public static let refundCreated: CanonicalEventType = "refund.created"
    public static let creditNoteCreated: CanonicalEventType = "credit_note.created"
    public static let creditNoteVoided: CanonicalEventType = "credit_note.voided"

    /// Every type declared above, the vocabulary specs and mappings may name.
    public static let allKnown: [CanonicalEventType] = [
        .customerCreated, .customerUpdated, .customerDeleted,
        .productCreated, .productUpdated,
        .dealClosedWon, .dealUpdated,
        .subscriptionCreated, .subscriptionUpdated, .subscriptionCanceled,
        .invoiceCreated, .invoiceFinalized, .invoicePaid, .invoicePaymentFailed, .invoiceVoided, .invoiceMarkedUncollectible,
        .paymentSucceeded, .paymentFailed,
        .refundCreated,
        .creditNoteCreated, .creditNoteVoided,
    ]
}
