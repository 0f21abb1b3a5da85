extension ExactDecimal: Codable {
    /// Decodes from a JSON number, exactly under ``JSONValueDecoder``, or from decimal text such as `"12.345"`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let value = try container.decode(JSONValue.self)
        switch value {
        case .number(let number):
            guard let decimal = number.decimal else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "number \(number) does not fit a 64-bit decimal")
            }
            self = decimal
        case .string(let text):
            guard let decimal = ExactDecimal(parsing: text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not a decimal number")
            }
            self = decimal
        default:
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a decimal number but found \(value.typeName)")
        }
    }

    /// Encodes as a JSON number with no exponent.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(JSONValue.number(JSONNumber(self)))
    }
}
