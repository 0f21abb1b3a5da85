import LedgerportSDK

extension TargetValue {
    /// The value as a reviewer reads it: amounts in major units with their
    /// currency (`29.00 EUR`), references as `model/external_id`, text quoted,
    /// records as `{field=value, ...}` with sorted fields.
    var displayText: String {
        switch self {
        case .json(let json): json.description
        case .money(let amount): amount.displayText
        case .decimal(let value): value.description
        case .date(let text): text
        case .reference(let reference): reference.description
        case .list(let elements): "[" + elements.map(\.displayText).joined(separator: ", ") + "]"
        case .record(let fields): "{" + fields.keys.sorted().map { "\($0)=\(fields[$0]!.displayText)" }.joined(separator: ", ") + "}"
        }
    }
}

extension JSONValue {
    /// A JSON value from a dry run or a diff as a reviewer reads it, with tagged values shown as in ``TargetValue/displayText``.
    var displayText: String {
        (try? TargetValue(json: self))?.displayText ?? description
    }
}

extension Money {
    /// `29.00 EUR`, or the minor units when the currency is not in ISO 4217.
    var displayText: String {
        // A currency outside the ISO table has no known exponent; the minor units are shown instead of a guess.
        guard let text = try? decimalString() else {
            return description
        }
        return "\(text) \(currency)"
    }
}
