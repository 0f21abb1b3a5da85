/// One canonical object of any type, as an event carries it.
///
/// JSON form: the object itself; the enclosing event's `object_type` says which case to decode.
public enum CanonicalObjectValue: Sendable, Hashable {
    case customer(CanonicalCustomer)
    case product(CanonicalProduct)
    case deal(CanonicalDeal)
    case subscription(CanonicalSubscription)
    case invoice(CanonicalInvoice)
    case payment(CanonicalPayment)
    case refund(CanonicalRefund)
    case creditNote(CanonicalCreditNote)

    public var objectType: CanonicalObjectType {
        switch self {
        case .customer: .customer
        case .product: .product
        case .deal: .deal
        case .subscription: .subscription
        case .invoice: .invoice
        case .payment: .payment
        case .refund: .refund
        case .creditNote: .creditNote
        }
    }

    /// The wrapped object.
    public var object: any CanonicalObject {
        switch self {
        case .customer(let value): value
        case .product(let value): value
        case .deal(let value): value
        case .subscription(let value): value
        case .invoice(let value): value
        case .payment(let value): value
        case .refund(let value): value
        case .creditNote(let value): value
        }
    }

    public var id: String { object.id }

    /// The schema version of the wrapped object's type.
    public var schemaVersion: Int { type(of: object).schemaVersion }

    /// Decodes an object of `type` from its JSON form.
    public static func decode(_ type: CanonicalObjectType, from json: JSONValue) throws -> CanonicalObjectValue {
        let decoder = JSONValueDecoder()
        return switch type {
        case .customer: .customer(try decoder.decode(CanonicalCustomer.self, from: json))
        case .product: .product(try decoder.decode(CanonicalProduct.self, from: json))
        case .deal: .deal(try decoder.decode(CanonicalDeal.self, from: json))
        case .subscription: .subscription(try decoder.decode(CanonicalSubscription.self, from: json))
        case .invoice: .invoice(try decoder.decode(CanonicalInvoice.self, from: json))
        case .payment: .payment(try decoder.decode(CanonicalPayment.self, from: json))
        case .refund: .refund(try decoder.decode(CanonicalRefund.self, from: json))
        case .creditNote: .creditNote(try decoder.decode(CanonicalCreditNote.self, from: json))
        }
    }

    /// The object's JSON form.
    public func json() throws -> JSONValue {
        try JSONValueEncoder().encode(object)
    }
}
