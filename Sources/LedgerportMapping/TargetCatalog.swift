import LedgerportSDK

/// A target connector's catalog: its models, the actions on each, and the
/// fields each action takes, read from the `operations` of the connector's spec.
///
/// Mapping validation checks every operation against the catalog of the
/// connector the mapping targets, so a missing required field or a misspelt
/// one is reported before the mapping runs.
package struct TargetCatalog: Sendable {
    /// The connector id, such as `odoo`.
    package var connector: String
    /// The connector version the catalog describes.
    package var version: SemanticVersion
    /// The models by name.
    package var models: [String: TargetModel]

    /// Creates a catalog of models.
    package init(connector: String, version: SemanticVersion, models: [TargetModel]) {
        self.connector = connector
        self.version = version
        self.models = Dictionary(uniqueKeysWithValues: models.map { ($0.name, $0) })
    }
}

/// One target model, such as `account.move`, and what can be done to it.
package struct TargetModel: Sendable {
    /// The model name, such as `account.move`.
    package var name: String
    /// The fields each supported action takes.
    package var actions: [TargetAction: TargetFields]
    /// The amount fields the connector reads back after a write, such as `amount_total`.
    package var expectationFields: Set<String>

    /// Creates a model with its actions.
    package init(name: String, actions: [TargetAction: TargetFields], expectationFields: Set<String> = []) {
        self.name = name
        self.actions = actions
        self.expectationFields = expectationFields
    }
}

/// The fields one action takes, by name.
package typealias TargetFields = [String: TargetField]

/// One field an action takes.
package struct TargetField: Sendable {
    /// The type the field takes.
    package var kind: TargetFieldKind
    /// Whether every operation must set the field.
    package var isRequired: Bool

    /// Creates a field.
    package init(_ kind: TargetFieldKind, required: Bool = false) {
        self.kind = kind
        self.isRequired = required
    }

    /// Creates a required field.
    package static func required(_ kind: TargetFieldKind) -> TargetField {
        TargetField(kind, required: true)
    }

    /// Creates an optional field.
    package static func optional(_ kind: TargetFieldKind) -> TargetField {
        TargetField(kind, required: false)
    }
}

/// The type of a target field, in ``TargetValue`` terms.
package indirect enum TargetFieldKind: Sendable, CustomStringConvertible {
    case string
    /// A string from a fixed set, such as `out_invoice` or `out_refund`.
    case oneOf([String])
    case integer
    /// Any JSON value.
    case json
    case boolean
    case money
    case decimal
    case date
    /// A reference by external id to a record of the model, or of any model when nil.
    case reference(model: String?)
    case list(TargetFieldKind)
    case record(TargetFields)

    /// A name for messages, such as `reference to res.partner`.
    package var description: String {
        switch self {
        case .string: "string"
        case .oneOf(let values): "one of " + values.map { "\"\($0)\"" }.joined(separator: ", ")
        case .integer: "integer"
        case .json: "any JSON value"
        case .boolean: "boolean"
        case .money: "money"
        case .decimal: "decimal"
        case .date: "date"
        case .reference(let model): model.map { "reference to \($0)" } ?? "reference"
        case .list(let element): "list of \(element)"
        case .record: "record"
        }
    }
}

/// The target catalogs known to this build, by connector id.
package struct TargetCatalogRegistry: Sendable {
    private var catalogs: [String: [TargetCatalog]]

    /// Creates a registry of catalogs.
    package init(_ catalogs: [TargetCatalog]) {
        self.catalogs = Dictionary(grouping: catalogs, by: \.connector)
    }

    /// The catalogs of `connector`, newest version first.
    package func catalogs(of connector: String) -> [TargetCatalog] {
        (catalogs[connector] ?? []).sorted { $0.version > $1.version }
    }

    /// The ids of every known connector, sorted.
    package var connectors: [String] {
        catalogs.keys.sorted()
    }
}
