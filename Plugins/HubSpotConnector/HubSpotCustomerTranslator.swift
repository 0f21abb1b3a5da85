import LedgerportSDK

/// Builds ``CanonicalCustomer``s from HubSpot companies and contacts.
///
/// Ids carry the object type (`company:9876543210`, `contact:501`) because
/// HubSpot numbers companies and contacts independently.
enum HubSpotCustomerTranslator {
    /// Builds a company customer, or nil without an id.
    ///
    /// - Throws: a business ``ConnectorError`` when the free-text `country`
    ///   property names no country, so the record is fixed in HubSpot rather
    ///   than rejected by the target later under a code it cannot know.
    static func company(_ json: JSONValue, contacts: [JSONValue] = []) throws(ConnectorError) -> CanonicalCustomer? {
        guard let id = json["id"]?.stringValue else { return nil }
        let properties = json["properties"] ?? [:]
        let address = PostalAddress(
            line1: properties["address"]?.stringValue, line2: properties["address2"]?.stringValue, city: properties["city"]?.stringValue,
            postalCode: properties["zip"]?.stringValue, state: properties["state"]?.stringValue,
            country: try countryCode(properties["country"]?.stringValue, company: id)
        )
        return CanonicalCustomer(
            id: "company:\(id)", kind: .company, name: properties["name"]?.stringValue, phone: properties["phone"]?.stringValue,
            address: address, contacts: contacts.map(person), metadata: properties["domain"]?.stringValue.map { ["domain": $0] } ?? [:]
        )
    }

    /// Reads HubSpot's free-text country as an ISO 3166-1 alpha-2 code; an empty value is no country.
    static func countryCode(_ text: String?, company id: String) throws(ConnectorError) -> String? {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            return nil
        }
        guard let code = CountryCode.alpha2(for: text) else {
            throw ConnectorError.business(
                "hubspot_unknown_country",
                "read HubSpot company \"\(id)\": property \"country\" is \"\(text)\", which is neither an ISO 3166-1 code nor a country name",
                hint: "set the company's country in HubSpot to a name such as \"Germany\" or a code such as \"DE\", then replay the event")
        }
        return code
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
