import Foundation
import LedgerportSDK

/// Translates a Stripe customer into a ``CanonicalCustomer``.
///
/// Stripe does not record whether a customer is a company or a person, so
/// the metadata key `customer_kind` (`company` or `individual`) decides. A
/// customer without it is a company, the usual case for subscription billing.
enum StripeCustomerTranslator {
    static func customer(from object: StripeObject, deleted: Bool, updatedAt: Date?) throws(ConnectorError) -> CanonicalCustomer {
        let metadata = object.metadata()
        return CanonicalCustomer(
            id: try object.requireID(),
            kind: metadata["customer_kind"] == "individual" ? .individual : .company,
            name: object.string("name"),
            email: object.string("email"),
            phone: object.string("phone"),
            address: object.object("address").map(address),
            currency: object.string("currency").flatMap { CurrencyCode($0) },
            taxIDs: taxIDs(of: object),
            deleted: deleted || object.bool("deleted") == true,
            createdAt: object.date("created"),
            updatedAt: updatedAt,
            metadata: metadata
        )
    }

    static func address(_ object: StripeObject) -> PostalAddress {
        PostalAddress(
            line1: object.string("line1"), line2: object.string("line2"), city: object.string("city"),
            postalCode: object.string("postal_code"), state: object.string("state"), country: object.string("country")
        )
    }

    /// Tax ids from `tax_ids` (current versions) and `business_vat_id` (2017 versions).
    private static func taxIDs(of object: StripeObject) -> [CanonicalCustomer.TaxRegistration] {
        var registrations = object.elements("tax_ids").compactMap { element -> CanonicalCustomer.TaxRegistration? in
            guard let type = element.string("type"), let value = element.string("value") else { return nil }
            return CanonicalCustomer.TaxRegistration(type: type, value: value)
        }
        if let vat = object.string("business_vat_id"), !vat.isEmpty {
            registrations.append(CanonicalCustomer.TaxRegistration(type: "vat", value: vat))
        }
        return registrations
    }
}
