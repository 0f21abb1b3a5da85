/// What a ``TargetOperation`` does. A target spec lists the actions it supports per model.
public struct TargetAction: RawRepresentable, Codable, Sendable, Hashable, Comparable,
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

    public static func < (lhs: TargetAction, rhs: TargetAction) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// Create the record, or update it when its external id exists (a draft only, for documents).
    public static let upsert: TargetAction = "upsert"
    /// Post (validate) a draft document; a posted one is left as it is.
    public static let post: TargetAction = "post"
    /// Register a payment against an invoice, once per external id.
    public static let registerPayment: TargetAction = "register_payment"
    /// Create a credit note reversing an invoice in full or in part, once per external id.
    public static let reverse: TargetAction = "reverse"
    /// Confirm a sales order.
    public static let confirmOrder: TargetAction = "confirm_order"
    /// Cancel a document.
    public static let cancel: TargetAction = "cancel"
    /// Reset a cancelled or posted document to draft.
    public static let resetToDraft: TargetAction = "reset_to_draft"
    /// Schedule a follow-up activity (a dunning trigger) on a record, once per external id.
    public static let addActivity: TargetAction = "add_activity"
    /// Add a tag to a record.
    public static let addTag: TargetAction = "add_tag"
    /// Archive a record (customers deleted at the source).
    public static let archive: TargetAction = "archive"
}
