import LedgerportSDK

/// The value of a computed field for one record.
typealias FieldCompute = @Sendable (Transaction, RecordReference) throws -> JSONValue

/// A record named by its model and id.
package struct RecordReference: Sendable, Hashable {
    /// The model name, such as `res.partner`.
    package let model: String
    /// The record id in that model.
    package let id: Int

    /// Creates a reference to the record `id` of `model`.
    package init(_ model: String, _ id: Int) {
        self.model = model
        self.id = id
    }
}

/// The default of a field at creation, computed in the creating transaction.
typealias FieldDefault = @Sendable (Transaction) throws -> JSONValue

/// One field of a model: its type, its label, and how it is stored or computed.
///
/// Definitions are built with the static constructors and chained modifiers
/// (`.char("ref", "Reference").required()`), so a model's field list reads
/// like the field declarations of an Odoo model.
package struct FieldDefinition: Sendable {
    /// The technical name, such as `partner_id`.
    package let name: String
    /// The label (`string` in `fields_get`).
    package let label: String
    /// The field type, which decides the stored and read forms of its values.
    package let type: FieldType
    /// Whether creating or writing an empty value fails with the mandatory-field error.
    package private(set) var isRequired = false
    /// The `readonly` flag `fields_get` reports; the ORM does not enforce it, as Odoo does not over RPC.
    package private(set) var isReadonly = false
    /// Computes the value on read; a computed field has no column and ignores writes.
    private(set) var compute: FieldCompute?
    private(set) var defaultValue: FieldDefault?
    /// Keeps only some comodel records in a one2many (child contacts that are active, invoice lines without tax lines).
    private(set) var x2manyFilter: (@Sendable (RecordValues) -> Bool)?
    /// The model and label named in the mandatory-field error, when Odoo stores the column on another table.
    private(set) var requiredErrorOwner: (label: String, model: String)?
    /// The `decimal.precision` record whose digits a float is rounded to, read at each write, as Odoo's `digits="Product Price"`.
    private(set) var precisionName: String?

    init(_ name: String, _ label: String, _ type: FieldType) {
        self.name = name
        self.label = label
        self.type = type
    }

    /// Whether the field has a column of its own (computed and one2many fields do not).
    package var isStored: Bool {
        if compute != nil {
            return false
        }
        if case .one2many = type {
            return false
        }
        return true
    }

    func required(_ flag: Bool = true) -> FieldDefinition {
        var copy = self
        copy.isRequired = flag
        return copy
    }

    func readonly(_ flag: Bool = true) -> FieldDefinition {
        var copy = self
        copy.isReadonly = flag
        return copy
    }

    func computed(_ body: @escaping FieldCompute) -> FieldDefinition {
        var copy = self
        copy.compute = body
        copy.isReadonly = true
        return copy
    }

    func defaulting(to value: JSONValue) -> FieldDefinition {
        var copy = self
        copy.defaultValue = { _ in value }
        return copy
    }

    func defaulting(_ body: @escaping FieldDefault) -> FieldDefinition {
        var copy = self
        copy.defaultValue = body
        return copy
    }

    func filtered(_ predicate: @escaping @Sendable (RecordValues) -> Bool) -> FieldDefinition {
        var copy = self
        copy.x2manyFilter = predicate
        return copy
    }

    /// Rounds the float to the digits of the `decimal.precision` record `name` at each write; `digits` applies when it is missing.
    func precision(_ name: String) -> FieldDefinition {
        var copy = self
        copy.precisionName = name
        return copy
    }

    func reportingRequired(on model: String, label: String) -> FieldDefinition {
        var copy = self
        copy.requiredErrorOwner = (label, model)
        return copy
    }
}

extension FieldDefinition {
    static func char(_ name: String, _ label: String) -> FieldDefinition { .init(name, label, .char) }
    static func text(_ name: String, _ label: String) -> FieldDefinition { .init(name, label, .text) }
    static func html(_ name: String, _ label: String) -> FieldDefinition { .init(name, label, .html) }
    static func boolean(_ name: String, _ label: String) -> FieldDefinition { .init(name, label, .boolean) }
    static func integer(_ name: String, _ label: String) -> FieldDefinition { .init(name, label, .integer) }
    static func date(_ name: String, _ label: String) -> FieldDefinition { .init(name, label, .date) }
    static func datetime(_ name: String, _ label: String) -> FieldDefinition { .init(name, label, .datetime) }
    static func monetary(_ name: String, _ label: String) -> FieldDefinition { .init(name, label, .monetary) }

    static func float(_ name: String, _ label: String, digits: Int? = nil) -> FieldDefinition {
        .init(name, label, .float(digits: digits))
    }

    static func selection(_ name: String, _ label: String, _ options: [(String, String)]) -> FieldDefinition {
        .init(name, label, .selection(options.map { SelectionOption($0.0, $0.1) }))
    }

    static func many2one(_ name: String, _ label: String, _ comodel: String) -> FieldDefinition {
        .init(name, label, .many2one(comodel))
    }

    static func one2many(_ name: String, _ label: String, _ comodel: String, inverse: String) -> FieldDefinition {
        .init(name, label, .one2many(comodel, inverse: inverse))
    }

    static func many2many(_ name: String, _ label: String, _ comodel: String) -> FieldDefinition {
        .init(name, label, .many2many(comodel))
    }

    static func serialized(_ name: String, _ label: String) -> FieldDefinition {
        .init(name, label, .serialized)
    }
}
