import Foundation

/// A customer: a company with optional contacts, or an individual.
///
/// In Odoo a company customer becomes a `res.partner` with `is_company` set
/// and each contact a child partner; an individual becomes one partner.
public struct CanonicalCustomer: CanonicalObject {
    public static let objectType = CanonicalObjectType.customer
    public static let schemaVersion = 1

    /// Whether the customer is an organisation or a person.
    public enum Kind: String, Codable, Sendable, Hashable {
        case company
        case individual
    }

    public var id: String
    public var kind: Kind
    public var name: String?
    public var email: String?
    public var phone: String?
    public var address: PostalAddress?
    /// The customer's preferred billing currency, when the source records one.
    public var currency: CurrencyCode?
    /// Tax registrations such as VAT numbers.
    public var taxIDs: [TaxRegistration]
    /// People at a company customer; empty for individuals.
    public var contacts: [Contact]
    /// Set when the source deleted the customer.
    public var deleted: Bool
    public var createdAt: Date?
    /// When the source last changed the customer, used to order updates.
    public var updatedAt: Date?
    /// The source's free-form key/value metadata.
    public var metadata: [String: String]

    public init(
        id: String, kind: Kind, name: String? = nil, email: String? = nil, phone: String? = nil,
        address: PostalAddress? = nil, currency: CurrencyCode? = nil, taxIDs: [TaxRegistration] = [],
        contacts: [Contact] = [], deleted: Bool = false, createdAt: Date? = nil, updatedAt: Date? = nil,
        metadata: [String: String] = [:]
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.email = email
        self.phone = phone
        self.address = address
        self.currency = currency
        self.taxIDs = taxIDs
        self.contacts = contacts
        self.deleted = deleted
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.metadata = metadata
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, name, email, phone, address, currency
        case taxIDs = "tax_ids"
        case contacts, deleted
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case metadata
    }

    /// A person at a company customer.
    public struct Contact: Codable, Sendable, Hashable {
        public var id: String?
        public var name: String?
        public var email: String?
        public var phone: String?
        /// The person's role, such as `billing` or `decision_maker`.
        public var role: String?

        public init(id: String? = nil, name: String? = nil, email: String? = nil, phone: String? = nil, role: String? = nil) {
            self.id = id
            self.name = name
            self.email = email
            self.phone = phone
            self.role = role
        }
    }

    /// A tax registration number with its scheme, such as `eu_vat` / `DE123456789`.
    public struct TaxRegistration: Codable, Sendable, Hashable {
        public var type: String
        public var value: String

        public init(type: String, value: String) {
            self.type = type
            self.value = value
        }
    }
}
