import LedgerportSDK

/// `res.company`, with the tax rounding setting the invoice engine reads.
enum CompanyModels {
    static func definitions() -> [ModelDefinition] {
        [
            ModelDefinition(
                "res.company", label: "Companies",
                fields: [
                    FieldDefinition.char("name", "Company Name").required(),
                    .many2one("partner_id", "Partner", "res.partner"),
                    FieldDefinition.many2one("currency_id", "Currency", "res.currency").required(),
                    .many2one("country_id", "Country", "res.country"),
                    .many2one("account_fiscal_country_id", "Fiscal Country", "res.country"),
                    .char("chart_template", "Chart Template"),
                    FieldDefinition.selection(
                        "tax_calculation_rounding_method", "Tax Calculation Rounding Method",
                        [("round_per_line", "Round per Line"), ("round_globally", "Round Globally")]
                    ).defaulting(to: "round_per_line"),
                    .many2one("account_sale_tax_id", "Default Sale Tax", "account.tax"),
                    .many2one("account_purchase_tax_id", "Default Purchase Tax", "account.tax"),
                ],
                order: "name"
            )
        ]
    }
}

extension Transaction {
    /// Whether the company rounds taxes once per invoice (`round_globally`) instead of per line.
    var roundsTaxGlobally: Bool {
        row("res.company", 1)?["tax_calculation_rounding_method"]?.stringValue == "round_globally"
    }
}
