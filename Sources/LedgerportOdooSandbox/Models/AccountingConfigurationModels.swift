import LedgerportSDK

/// The accounting configuration models: accounts, journals, taxes, tax groups and payment terms.
enum AccountingConfigurationModels {
    static func definitions() -> [ModelDefinition] {
        [account(), journal(), taxGroup(), tax(), paymentTerm()]
    }

    private static func account() -> ModelDefinition {
        ModelDefinition(
            "account.account", label: "Account",
            fields: [
                FieldDefinition.char("name", "Account Name").required(),
                FieldDefinition.char("code", "Code").required(),
                FieldDefinition.selection(
                    "account_type", "Type",
                    [
                        ("asset_receivable", "Receivable"), ("asset_cash", "Bank and Cash"), ("asset_current", "Current Assets"),
                        ("liability_payable", "Payable"), ("liability_current", "Current Liabilities"), ("income", "Income"),
                        ("expense", "Expenses"), ("equity", "Equity"),
                    ]
                ).required(),
                FieldDefinition.boolean("reconcile", "Allow Reconciliation").defaulting(to: false),
                FieldDefinition.boolean("deprecated", "Deprecated").defaulting(to: false),
            ],
            order: "code", nameSearch: ["code", "name"], behavior: AccountModel()
        )
    }

    private static func journal() -> ModelDefinition {
        ModelDefinition(
            "account.journal", label: "Journal",
            fields: [
                FieldDefinition.char("name", "Journal Name").required(),
                FieldDefinition.char("code", "Short Code").required(),
                FieldDefinition.selection(
                    "type", "Type", [("sale", "Sales"), ("purchase", "Purchase"), ("cash", "Cash"), ("bank", "Bank"), ("general", "Miscellaneous")]
                ).required(),
                .many2one("currency_id", "Currency", "res.currency"),
                FieldDefinition.many2one("company_id", "Company", "res.company").defaulting(to: 1),
                FieldDefinition.integer("sequence", "Sequence").defaulting(to: 10),
                .many2one("default_account_id", "Default Account", "account.account"),
                FieldDefinition.boolean("active", "Active").defaulting(to: true),
            ],
            order: "sequence, type, code"
        )
    }

    private static func taxGroup() -> ModelDefinition {
        ModelDefinition(
            "account.tax.group", label: "Tax Group",
            fields: [FieldDefinition.char("name", "Name").required(), FieldDefinition.integer("sequence", "Sequence").defaulting(to: 10)],
            order: "sequence asc, id"
        )
    }

    private static func tax() -> ModelDefinition {
        ModelDefinition(
            "account.tax", label: "Tax",
            fields: [
                FieldDefinition.char("name", "Tax Name").required(),
                FieldDefinition.float("amount", "Amount").defaulting(to: .decimal(.zero)),
                FieldDefinition.selection(
                    "amount_type", "Tax Computation",
                    [("group", "Group of Taxes"), ("fixed", "Fixed"), ("percent", "Percentage of Price"), ("division", "Percentage of Price Tax Included")]
                ).defaulting(to: "percent"),
                FieldDefinition.selection("type_tax_use", "Tax Type", [("sale", "Sales"), ("purchase", "Purchases"), ("none", "None")])
                    .defaulting(to: "sale"),
                FieldDefinition.boolean("price_include", "Included in Price").defaulting(to: false),
                FieldDefinition.boolean("include_base_amount", "Affect Base of Subsequent Taxes").defaulting(to: false),
                FieldDefinition.many2one("tax_group_id", "Tax Group", "account.tax.group").defaulting(to: 1),
                FieldDefinition.many2one("country_id", "Country", "res.country").defaulting { transaction in
                    transaction.row("res.company", 1)?["account_fiscal_country_id"] ?? .null
                },
                FieldDefinition.many2one("company_id", "Company", "res.company").defaulting(to: 1),
                FieldDefinition.selection("tax_scope", "Tax Scope", [("service", "Services"), ("consu", "Goods")]),
                .char("description", "Label on Invoices"),
                FieldDefinition.boolean("active", "Active").defaulting(to: true),
                FieldDefinition.integer("sequence", "Sequence").defaulting(to: 1),
                .many2one("account_id", "Tax Account", "account.account"),
            ],
            order: "sequence,id"
        )
    }

    private static func paymentTerm() -> ModelDefinition {
        ModelDefinition(
            "account.payment.term", label: "Payment Terms",
            fields: [
                FieldDefinition.char("name", "Payment Terms").required(),
                FieldDefinition.integer("days", "Days").defaulting(to: 0),
                FieldDefinition.boolean("active", "Active").defaulting(to: true),
            ]
        )
    }
}

/// Accounts show their code before their name on 17.0 (`400000 Product Sales`), the name alone on 19.0.
struct AccountModel: ModelBehavior {
    func displayName(of id: Int, _ row: RecordValues, in transaction: Transaction) -> String {
        let name = row["name"]?.stringValue ?? ""
        guard transaction.profile.accountDisplayIncludesCode, let code = row["code"]?.stringValue else {
            return name
        }
        return "\(code) \(name)"
    }
}
