import LedgerportSDK

/// The operations a target supports on one model.
package struct ModelOperationsSpec: Sendable, Hashable, Decodable {
    /// The target model, such as `account.move`; one of the spec's objects.
    package var model: String
    package var description: String
    /// A regular expression every external id of this model matches, when the target restricts them.
    package var externalIDPattern: String?
    /// The amount fields an ``AmountExpectation`` may name on this model.
    package var expectationFields: [String]
    /// The supported actions by name (``TargetAction/rawValue``).
    package var actions: [String: ActionSpec]

    enum CodingKeys: String, CodingKey {
        case model, description
        case externalIDPattern = "external_id_pattern"
        case expectationFields = "expectation_fields"
        case actions
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        model = try container.decode(String.self, forKey: .model)
        description = try container.decode(String.self, forKey: .description)
        externalIDPattern = try container.decodeIfPresent(String.self, forKey: .externalIDPattern)
        expectationFields = try container.decodeIfPresent([String].self, forKey: .expectationFields) ?? []
        actions = try container.decode([String: ActionSpec].self, forKey: .actions)
    }
}

/// One action on a model and the values it takes.
package struct ActionSpec: Sendable, Hashable, Decodable {
    package var description: String
    /// The explanation of how applying the action twice keeps one effect.
    package var exactlyOnce: String?
    /// The values by name; empty for an action that takes none.
    package var values: [String: OperationValueSpec]

    enum CodingKeys: String, CodingKey {
        case description
        case exactlyOnce = "exactly_once"
        case values
    }

    /// The names of the values that must be present, sorted.
    package var requiredValueNames: [String] {
        values.filter(\.value.required).keys.sorted()
    }
}

/// One value of an operation, in ``TargetValue``'s terms: its kind and constraints.
package struct OperationValueSpec: Sendable, Hashable, Decodable {
    /// The kind of a value, matching the cases of ``TargetValue``.
    package enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case string
        case integer
        case boolean
        /// Any JSON value.
        case json
        case money
        case decimal
        case date
        case reference
        case list
        case record
    }

    package var kind: Kind
    package var description: String
    package var required: Bool
    /// For a reference: the model referred to; nil allows any model of the spec.
    package var model: String?
    /// For a record: its values by name.
    package var fields: [String: OperationValueSpec]?
    /// For a string: the allowed values.
    package var allowedValues: [String]?
    /// For a string: a regular expression the value matches.
    package var pattern: String?
    /// The value the target uses when this one is absent.
    package var defaultValue: JSONValue?
    /// For a list: the element kind, stored in an array because a struct cannot contain itself.
    private var itemStorage: [OperationValueSpec]

    enum CodingKeys: String, CodingKey {
        case kind, description, required, model, items, fields
        case allowedValues = "enum"
        case pattern
        case defaultValue = "default"
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(Kind.self, forKey: .kind)
        description = try container.decode(String.self, forKey: .description)
        required = try container.decodeIfPresent(Bool.self, forKey: .required) ?? false
        model = try container.decodeIfPresent(String.self, forKey: .model)
        fields = try container.decodeIfPresent([String: OperationValueSpec].self, forKey: .fields)
        allowedValues = try container.decodeIfPresent([String].self, forKey: .allowedValues)
        pattern = try container.decodeIfPresent(String.self, forKey: .pattern)
        defaultValue = try container.decodeIfPresent(JSONValue.self, forKey: .defaultValue)
        itemStorage = try container.decodeIfPresent(OperationValueSpec.self, forKey: .items).map { [$0] } ?? []
    }

    /// For a list: the kind of each element.
    package var items: OperationValueSpec? {
        itemStorage.first
    }
}
