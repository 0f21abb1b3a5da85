import LedgerportSDK

/// A model: its name, label, fields, default order and behaviour.
package struct ModelDefinition: Sendable {
    /// The model name, such as `account.move`.
    package let name: String
    /// The model's description (`_description`), used in error messages: `Contact`, `Journal Entry`.
    package let label: String
    /// The fields in declaration order, including the magic fields every model has.
    package let fields: [FieldDefinition]
    /// The default order of searches, in Odoo's syntax (`complete_name asc, id desc`).
    package let order: String
    /// The fields `name_search` matches.
    package let nameSearchFields: [String]
    /// Whether records inherit `mail.thread` and `mail.activity.mixin`: messages, activities and their fields.
    package let isMailThread: Bool
    /// Whether records are wizard rows (`TransientModel`).
    package let isTransient: Bool
    let behavior: any ModelBehavior

    private let fieldIndex: [String: Int]

    init(
        _ name: String, label: String, fields: [FieldDefinition], order: String = "id",
        nameSearch: [String] = ["name"], mailThread: Bool = false, transient: Bool = false,
        behavior: any ModelBehavior = PlainModel()
    ) {
        self.name = name
        self.label = label
        self.order = order
        self.nameSearchFields = nameSearch
        self.isMailThread = mailThread
        self.isTransient = transient
        self.behavior = behavior
        var all = fields
        if mailThread {
            all += MailThreadFields.definitions
        }
        all += MagicFields.definitions(excluding: Set(all.map(\.name)))
        self.fields = all
        var index: [String: Int] = [:]
        for (position, field) in all.enumerated() {
            precondition(index[field.name] == nil, "field \(name).\(field.name) is declared twice")
            index[field.name] = position
        }
        self.fieldIndex = index
    }

    /// Returns the field named `name`, or nil when the model has none.
    package func field(_ name: String) -> FieldDefinition? {
        fieldIndex[name].map { fields[$0] }
    }

    /// Whether the model has an `active` field, which makes searches skip archived records.
    package var hasActiveField: Bool { fieldIndex["active"] != nil }
}

/// The fields Odoo adds to every model (`id`, `display_name`, create and write stamps).
enum MagicFields {
    static func definitions(excluding declared: Set<String>) -> [FieldDefinition] {
        let all: [FieldDefinition] = [
            .integer("id", "ID").readonly(),
            FieldDefinition.char("display_name", "Display Name").computed { transaction, record in
                .string(transaction.displayName(record.model, record.id))
            },
            FieldDefinition.many2one("create_uid", "Created by", "res.users").readonly(),
            FieldDefinition.datetime("create_date", "Created on").readonly(),
            FieldDefinition.many2one("write_uid", "Last Updated by", "res.users").readonly(),
            FieldDefinition.datetime("write_date", "Last Updated on").readonly(),
        ]
        return all.filter { !declared.contains($0.name) }
    }
}
