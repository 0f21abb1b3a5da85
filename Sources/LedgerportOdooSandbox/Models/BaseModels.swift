import LedgerportSDK

/// Small reference models of the `base` module: countries, states, tags, bank accounts, groups, units.
enum BaseModels {
    static func definitions() -> [ModelDefinition] {
        [resCountry(), resCountryState(), resPartnerCategory(), resPartnerBank(), resGroups(), uomUom(), decimalPrecision(), irModel(), irSequence()]
    }

    private static func resCountry() -> ModelDefinition {
        ModelDefinition(
            "res.country", label: "Country",
            fields: [
                FieldDefinition.char("name", "Country Name").required(),
                FieldDefinition.char("code", "Country Code"),
                .many2one("currency_id", "Currency", "res.currency"),
                .integer("phone_code", "Country Calling Code"),
            ],
            order: "name"
        )
    }

    private static func resCountryState() -> ModelDefinition {
        ModelDefinition(
            "res.country.state", label: "Country state",
            fields: [
                FieldDefinition.char("name", "State Name").required(),
                FieldDefinition.char("code", "State Code").required(),
                FieldDefinition.many2one("country_id", "Country", "res.country").required(),
            ],
            order: "code"
        )
    }

    private static func resPartnerCategory() -> ModelDefinition {
        ModelDefinition(
            "res.partner.category", label: "Partner Tags",
            fields: [
                FieldDefinition.char("name", "Name").required(),
                .integer("color", "Color"),
                .many2one("parent_id", "Parent Category", "res.partner.category"),
                FieldDefinition.boolean("active", "Active").defaulting(to: true),
            ],
            order: "name"
        )
    }

    private static func resPartnerBank() -> ModelDefinition {
        ModelDefinition(
            "res.partner.bank", label: "Bank Accounts",
            fields: [
                FieldDefinition.char("acc_number", "Account Number").required(),
                FieldDefinition.many2one("partner_id", "Account Holder", "res.partner").required(),
                FieldDefinition.boolean("active", "Active").defaulting(to: true),
            ],
            nameSearch: ["acc_number"], behavior: NamedBy(field: "acc_number")
        )
    }

    private static func resGroups() -> ModelDefinition {
        ModelDefinition(
            "res.groups", label: "Access Groups",
            fields: [
                FieldDefinition.char("name", "Name").required(),
                .char("full_name", "Group Name"),
            ],
            order: "name"
        )
    }

    private static func uomUom() -> ModelDefinition {
        ModelDefinition("uom.uom", label: "Product Unit of Measure", fields: [FieldDefinition.char("name", "Unit").required()])
    }

    private static func decimalPrecision() -> ModelDefinition {
        ModelDefinition(
            "decimal.precision", label: "Decimal Precision",
            fields: [FieldDefinition.char("name", "Usage").required(), FieldDefinition.integer("digits", "Digits").required()]
        )
    }

    private static func irModel() -> ModelDefinition {
        ModelDefinition(
            "ir.model", label: "Models",
            fields: [FieldDefinition.char("name", "Model Description").required(), FieldDefinition.char("model", "Model").required()],
            order: "model", nameSearch: ["name", "model"]
        )
    }

    private static func irSequence() -> ModelDefinition {
        ModelDefinition(
            "ir.sequence", label: "Sequence",
            fields: [
                FieldDefinition.char("name", "Name").required(),
                .char("code", "Sequence Code"),
                .char("prefix", "Prefix"),
                FieldDefinition.integer("padding", "Sequence Size").defaulting(to: 0),
                FieldDefinition.integer("number_next", "Next Number").defaulting(to: 1),
            ]
        )
    }
}

/// A model whose display name is one of its fields.
struct NamedBy: ModelBehavior {
    let field: String

    func displayName(of id: Int, _ row: RecordValues, in transaction: Transaction) -> String {
        row[field]?.stringValue ?? ""
    }
}

extension Transaction {
    /// Takes the next number of the `ir.sequence` with `code` and formats it with its prefix and padding (`S00001`).
    func nextSequenceValue(code: String) -> String? {
        guard let id = first("ir.sequence", where: "code", is: .string(code)), let sequence = row("ir.sequence", id) else {
            return nil
        }
        let number = sequence["number_next"]?.intValue ?? 1
        update("ir.sequence", id, ["number_next": .int(number + 1)])
        let padding = sequence["padding"]?.intValue ?? 0
        let digits = String(number)
        let padded = String(repeating: "0", count: max(0, padding - digits.count)) + digits
        return (sequence["prefix"]?.stringValue ?? "") + padded
    }

    /// Returns the id of the `ir.model` record of `model`.
    func irModelID(_ model: String) -> Int? {
        first("ir.model", where: "model", is: .string(model))
    }
}
