/// Tax charged on a line or a document.
public struct TaxAmount: Codable, Sendable, Hashable {
    /// The source's tax rate id or code, which mappings look up to a target tax.
    public var taxCode: String
    public var displayName: String?
    /// The rate in percent, such as `19` or `7.5`.
    public var percentage: ExactDecimal?
    /// Whether the tax is included in the line's amount (price-included) or added to it.
    public var inclusive: Bool
    public var amount: Money
    public var jurisdiction: String?

    public init(
        taxCode: String, displayName: String? = nil, percentage: ExactDecimal? = nil, inclusive: Bool,
        amount: Money, jurisdiction: String? = nil
    ) {
        self.taxCode = taxCode
        self.displayName = displayName
        self.percentage = percentage
        self.inclusive = inclusive
        self.amount = amount
        self.jurisdiction = jurisdiction
    }

    enum CodingKeys: String, CodingKey {
        case taxCode = "tax_code"
        case displayName = "display_name"
        case percentage, inclusive, amount, jurisdiction
    }
}
