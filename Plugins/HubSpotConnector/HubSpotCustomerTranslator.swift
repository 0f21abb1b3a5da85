import LedgerportSDK

/// Builds ``CanonicalCustomer``s from HubSpot companies and contacts.
///
/// Ids carry the object type (`company:9876543210`, `contact:501`) because
/// HubSpot numbers companies and contacts independently.
enum HubSpotCustomerTranslator {
    static func company(_ json: JSONValue, contacts: [JSONValue] = []) -> CanonicalCustomer? {
        guard let id = json["id"]?.stringValue else { return nil }
        let properties = json["properties"] ?? [:]
        let address = PostalAddress(
            line1: properties["address"]?.stringValue, line2: properties["address2"]?.stringValue, city: properties["city"]?.stringValue,
            postalCode: properties["zip"]?.stringValue, state: properties["state"]?.stringValue, country: properties["country"]?.stringValue
        )
        return CanonicalCustomer(
            id: "company:\(id)", kind: .company, name: properties["name"]?.stringValue, phone: properties["phone"]?.stringValue,
            address: address, contacts: contacts.map(person), metadata: properties["domain"]?.stringValue.map { ["domain": $0] } ?? [:]
        )
    }

    /// Builds an individual customer from a contact.
    static func individual(_ json: JSONValue) -> CanonicalCustomer? {
        let contact = person(json)
        guard let id = contact.id else { return nil }
        return CanonicalCustomer(id: "contact:\(id)", kind: .individual, name: contact.name, email: contact.email, phone: contact.phone)
    }

    /// Builds the customer HubSpot deleted, known only by its id.
    static func deleted(_ kind: CanonicalCustomer.Kind, id: String) -> CanonicalCustomer {
        CanonicalCustomer(id: "\(kind == .company ? "company" : "contact"):\(id)", kind: kind, deleted: true)
    }

    static func person(_ contact: JSONValue) -> CanonicalCustomer.Contact {
        let properties = contact["properties"] ?? [:]
        let name = [properties["firstname"]?.stringValue, properties["lastname"]?.stringValue].compactMap { $0 }.joined(separator: " ")
        return CanonicalCustomer.Contact(
            id: contact["id"]?.stringValue, name: name.isEmpty ? nil : name, email: properties["email"]?.stringValue,
            phone: properties["phone"]?.stringValue, role: properties["jobtitle"]?.stringValue
        )
    }
}
