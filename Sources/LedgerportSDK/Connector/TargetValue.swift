/// A field value in a ``TargetOperation``: plain JSON, an amount, a date, or a reference to another record.
///
/// Amounts stay ``Money`` until the target connector converts them with the
/// target's own currency rules, and references stay external ids until the
/// connector resolves them to the target's record ids, so a planned operation
/// is independent of any one target database.
///
/// JSON form (used by dry runs and diffs): plain JSON for ``json(_:)``;
/// `{"$money": {"minor_units": 2900, "currency": "EUR"}}`;
/// `{"$decimal": "12.345"}`; `{"$date": "2026-12-31"}`;
/// `{"$ref": {"model": "res.partner", "external_id": "stripe_customer_cus_1"}}`;
/// arrays and objects of these.
public indirect enum TargetValue: Sendable, Hashable {
    case json(JSONValue)
    case money(Money)
    case decimal(ExactDecimal)
    /// A calendar date, `YYYY-MM-DD`, already in the tenant's time zone.
    case date(String)
    case reference(TargetReference)
    case list([TargetValue])
    case record([String: TargetValue])

    public static let null = TargetValue.json(.null)

    public static func string(_ text: String) -> TargetValue {
        .json(.string(text))
    }

    public static func integer(_ number: Int64) -> TargetValue {
        .json(.number(JSONNumber(number)))
    }

    public static func bool(_ flag: Bool) -> TargetValue {
        .json(.bool(flag))
    }

    /// Every ``Money`` value inside this value, depth first.
    public var moneyValues: [Money] {
        switch self {
        case .money(let amount): [amount]
        case .list(let values): values.flatMap(\.moneyValues)
        case .record(let fields): fields.keys.sorted().flatMap { fields[$0]!.moneyValues }
        case .json, .decimal, .date, .reference: []
        }
    }

    /// Every reference inside this value, depth first.
    public var references: [TargetReference] {
        switch self {
        case .reference(let reference): [reference]
        case .list(let values): values.flatMap(\.references)
        case .record(let fields): fields.keys.sorted().flatMap { fields[$0]!.references }
        case .json, .money, .decimal, .date: []
        }
    }
}

/// A reference to a record in the target by its external id.
public struct TargetReference: Codable, Sendable, Hashable, CustomStringConvertible {
    /// The target model, such as `res.partner`.
    public var model: String
    public var externalID: String

    public init(model: String, externalID: String) {
        self.model = model
        self.externalID = externalID
    }

    public var description: String { "\(model)/\(externalID)" }

    enum CodingKeys: String, CodingKey {
        case model
        case externalID = "external_id"
    }
}

extension TargetValue: Codable {
    public init(from decoder: any Decoder) throws {
        let json = try decoder.singleValueContainer().decode(JSONValue.self)
        self = try TargetValue(json: json)
    }

    /// Reads the JSON form described on ``TargetValue``.
    public init(json: JSONValue) throws {
        switch json {
        case .object(let members) where members.count == 1 && members.keys.first!.hasPrefix("$"):
            let (tag, payload) = members.first!
            switch tag {
            case "$money": self = .money(try JSONValueDecoder().decode(Money.self, from: payload))
            case "$decimal": self = .decimal(try JSONValueDecoder().decode(ExactDecimal.self, from: payload))
            case "$date":
                guard let text = payload.stringValue else {
                    throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "$date must be a YYYY-MM-DD string"))
                }
                self = .date(text)
            case "$ref": self = .reference(try JSONValueDecoder().decode(TargetReference.self, from: payload))
            default:
                throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "unknown target value tag \"\(tag)\"; use $money, $decimal, $date or $ref"))
            }
        case .object(let members):
            var fields = [String: TargetValue]()
            for (key, value) in members {
                fields[key] = try TargetValue(json: value)
            }
            self = .record(fields)
        case .array(let elements):
            self = .list(try elements.map(TargetValue.init(json:)))
        default:
            self = .json(json)
        }
    }

    /// The JSON form described on ``TargetValue``.
    public var json: JSONValue {
        switch self {
        case .json(let value): value
        case .money(let amount): ["$money": ["minor_units": .number(JSONNumber(amount.minorUnits)), "currency": .string(amount.currency.rawValue)]]
        case .decimal(let value): ["$decimal": .string(value.description)]
        case .date(let text): ["$date": .string(text)]
        case .reference(let reference): ["$ref": ["model": .string(reference.model), "external_id": .string(reference.externalID)]]
        case .list(let values): .array(values.map(\.json))
        case .record(let fields): .object(fields.mapValues(\.json))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(json)
    }
}
