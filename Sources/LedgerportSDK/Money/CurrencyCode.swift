/// An ISO 4217 alphabetic currency code such as `EUR`, always upper case.
public struct CurrencyCode: Sendable, Hashable, Comparable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    /// Accepts three ASCII letters in either case (Stripe sends `eur`); returns nil otherwise.
    public init?(_ text: some StringProtocol) {
        guard text.utf8.count == 3, text.utf8.allSatisfy({ ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }) else {
            return nil
        }
        rawValue = text.uppercased()
    }

    /// Creates a code from a literal; a malformed literal is a programming error.
    public init(stringLiteral value: String) {
        guard let code = CurrencyCode(value) else {
            preconditionFailure("\"\(value)\" is not a three-letter currency code")
        }
        self = code
    }

    public var description: String { rawValue }

    public static func < (lhs: CurrencyCode, rhs: CurrencyCode) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = CurrencyCode(text) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "\"\(text)\" is not a three-letter ISO 4217 currency code such as \"EUR\""
            ))
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
