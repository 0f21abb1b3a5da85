/// A postal address as billing systems store it. Every part is optional.
public struct PostalAddress: Codable, Sendable, Hashable {
    public var line1: String?
    public var line2: String?
    public var city: String?
    public var postalCode: String?
    public var state: String?
    /// ISO 3166-1 alpha-2 country code, such as `DE`.
    public var country: String?

    public init(
        line1: String? = nil, line2: String? = nil, city: String? = nil,
        postalCode: String? = nil, state: String? = nil, country: String? = nil
    ) {
        self.line1 = line1
        self.line2 = line2
        self.city = city
        self.postalCode = postalCode
        self.state = state
        self.country = country
    }

    enum CodingKeys: String, CodingKey {
        case line1, line2, city
        case postalCode = "postal_code"
        case state, country
    }
}
