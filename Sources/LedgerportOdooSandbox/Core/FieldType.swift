/// The type of a model field, named as Odoo names it in `fields_get`.
package enum FieldType: Sendable, Equatable {
    case char
    case text
    case html
    case boolean
    case integer
    /// A float rounded to `digits` decimals on write (a decimal precision such as "Product Price"), or not rounded.
    case float(digits: Int?)
    /// An amount in the currency named by another field of the record; rounded by the engine, not on write.
    case monetary
    case date
    case datetime
    case selection([SelectionOption])
    case many2one(String)
    case one2many(String, inverse: String)
    case many2many(String)
    /// A computed structure serialized as JSON (Odoo declares such fields as `binary`).
    case serialized

    /// The `type` reported by `fields_get`.
    package var typeName: String {
        switch self {
        case .char: "char"
        case .text: "text"
        case .html: "html"
        case .boolean: "boolean"
        case .integer: "integer"
        case .float: "float"
        case .monetary: "monetary"
        case .date: "date"
        case .datetime: "datetime"
        case .selection: "selection"
        case .many2one: "many2one"
        case .one2many: "one2many"
        case .many2many: "many2many"
        case .serialized: "binary"
        }
    }

    /// The comodel of a relational field.
    package var relation: String? {
        switch self {
        case .many2one(let model), .one2many(let model, _), .many2many(let model): model
        default: nil
        }
    }

    var isRelational: Bool { relation != nil }

    var isX2Many: Bool {
        switch self {
        case .one2many, .many2many: true
        default: false
        }
    }

    var isNumeric: Bool {
        switch self {
        case .integer, .float, .monetary: true
        default: false
        }
    }

    var isText: Bool {
        switch self {
        case .char, .text, .html, .selection, .date, .datetime: true
        default: false
        }
    }
}

/// One choice of a selection field: the stored value and its label.
package struct SelectionOption: Sendable, Equatable {
    /// The stored value, such as `out_invoice`.
    package let value: String
    /// The label shown to users, such as `Customer Invoice`.
    package let label: String

    /// Creates the option `value`, shown as `label`.
    package init(_ value: String, _ label: String) {
        self.value = value
        self.label = label
    }
}
