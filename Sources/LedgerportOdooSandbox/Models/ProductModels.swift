import LedgerportSDK

/// `product.product` with its `product.template`, and `product.pricelist`.
///
/// Each product has a template of the same name holding the shared columns;
/// the sandbox keeps the two in step on create and write. New products get
/// the company's default sale tax unless `taxes_id` is given, as in Odoo.
struct ProductModel: ModelBehavior {
    static let sharedFields = ["name", "default_code", "list_price", "type", "description_sale", "active", "invoice_policy"]

    static func definitions() -> [ModelDefinition] {
        [product(), template(), pricelist()]
    }

    private static func commonFields() -> [FieldDefinition] {
        [
            FieldDefinition.char("name", "Name").required().reportingRequired(on: "product.template", label: "Product"),
            .char("default_code", "Internal Reference"),
            FieldDefinition.float("list_price", "Sales Price", digits: 2).defaulting(to: .decimal(ExactDecimal(1))),
            FieldDefinition.selection("type", "Product Type", [("consu", "Goods"), ("service", "Service"), ("combo", "Combo")])
                .defaulting(to: "consu"),
            .text("description_sale", "Sales Description"),
            FieldDefinition.boolean("active", "Active").defaulting(to: true),
            FieldDefinition.selection("invoice_policy", "Invoicing Policy", [("order", "Ordered quantities"), ("delivery", "Delivered quantities")])
                .defaulting(to: "order"),
            FieldDefinition.many2many("taxes_id", "Customer Taxes", "account.tax").defaulting { transaction in
                let tax = transaction.row("res.company", 1)?["account_sale_tax_id"]?.intValue
                return .ids(tax.map { [$0] } ?? [])
            },
            FieldDefinition.many2one("uom_id", "Unit", "uom.uom").defaulting(to: 1),
        ]
    }

    private static func product() -> ModelDefinition {
        ModelDefinition(
            "product.product", label: "Product",
            fields: commonFields() + [
                FieldDefinition.many2one("product_tmpl_id", "Product Template", "product.template").readonly(),
                FieldDefinition.float("lst_price", "Sales Price").computed { transaction, record in
                    transaction.value(record.model, record.id, "list_price")
                },
            ],
            order: "default_code, name, id", nameSearch: ["default_code", "name"], behavior: ProductModel()
        )
    }

    private static func template() -> ModelDefinition {
        ModelDefinition(
            "product.template", label: "Product", fields: commonFields(), order: "name", nameSearch: ["default_code", "name"],
            behavior: ProductTemplateModel()
        )
    }

    private static func pricelist() -> ModelDefinition {
        ModelDefinition(
            "product.pricelist", label: "Pricelist",
            fields: [
                FieldDefinition.char("name", "Pricelist Name").required(),
                FieldDefinition.many2one("currency_id", "Currency", "res.currency").required(),
                FieldDefinition.boolean("active", "Active").defaulting(to: true),
            ]
        )
    }

    func didCreate(_ id: Int, in transaction: Transaction) throws {
        let row = transaction.row("product.product", id)!
        var shared = RecordValues()
        for field in Self.sharedFields + ["taxes_id", "uom_id"] {
            shared[field] = row[field] ?? .null
        }
        let template = transaction.insert("product.template", shared)
        transaction.update("product.product", id, ["product_tmpl_id": .int(template)])
    }

    func didWrite(_ ids: [Int], fields: Set<String>, in transaction: Transaction) throws {
        for id in ids {
            let row = transaction.row("product.product", id)!
            guard let template = row["product_tmpl_id"]?.intValue, transaction.exists("product.template", template) else { continue }
            var shared = RecordValues()
            for field in fields where transaction.registry.model("product.template")?.field(field) != nil {
                shared[field] = row[field] ?? .null
            }
            transaction.update("product.template", template, shared)
        }
    }

    func displayName(of id: Int, _ row: RecordValues, in transaction: Transaction) -> String {
        ProductTemplateModel.name(row)
    }
}

/// `product.template`: the display name carries the internal reference, `[PRO-M] Pro plan`.
struct ProductTemplateModel: ModelBehavior {
    static func name(_ row: RecordValues) -> String {
        let name = row["name"]?.stringValue ?? ""
        guard let code = row["default_code"]?.stringValue, !code.isEmpty else {
            return name
        }
        return "[\(code)] \(name)"
    }

    func displayName(of id: Int, _ row: RecordValues, in transaction: Transaction) -> String {
        Self.name(row)
    }
}
