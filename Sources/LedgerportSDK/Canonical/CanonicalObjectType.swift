/// The kinds of canonical object that sources produce and mappings read.
public enum CanonicalObjectType: String, Sendable, Hashable, CaseIterable, Codable {
    case customer
    case product
    case deal
    case subscription
    case invoice
    case payment
    case refund
    case creditNote = "credit_note"
}

/// A canonical object: Ledgerport's own, schema-versioned model of one business record.
///
/// Canonical objects refer to each other by the source system's ids
/// (`customer_id: "cus_123"`); mappings turn those ids into target external ids.
/// Amounts are ``Money``; quantities and rates are ``ExactDecimal``.
public protocol CanonicalObject: Codable, Sendable, Hashable {
    /// The object type this model represents.
    static var objectType: CanonicalObjectType { get }
    /// The version of the JSON schema this model serializes to. It changes only
    /// with a change the schema registry would call incompatible or additive.
    static var schemaVersion: Int { get }
    /// The source system's id of the object.
    var id: String { get }
}
