import LedgerportSDK

/// `res.currency` and `res.currency.rate`: currencies with their rounding and dated exchange rates.
///
/// A rate is the number of currency units per unit of the company currency
/// (KWD 0.307 per USD). The rate for a date is the latest rate dated on or
/// before it. When there is none, Odoo uses 1.0 silently, even when a later
/// rate exists, and so does the sandbox.
enum CurrencyModels {
    static func definitions() -> [ModelDefinition] {
        [currency(), rate()]
    }

    private static func currency() -> ModelDefinition {
        ModelDefinition(
            "res.currency", label: "Currency",
            fields: [
                FieldDefinition.char("name", "Currency").required(),
                .char("full_name", "Name"),
                FieldDefinition.char("symbol", "Symbol").required(),
                FieldDefinition.float("rounding", "Rounding Factor").defaulting(to: .decimal(ExactDecimal(significand: 1, scale: 2))),
                FieldDefinition.integer("decimal_places", "Decimal Places").computed { transaction, record in
                    .int(transaction.currencyDigits(record.id))
                },
                FieldDefinition.float("rate", "Current Rate").computed { transaction, record in
                    .decimal(transaction.currencyRate(record.id, on: transaction.todayText))
                },
                FieldDefinition.float("inverse_rate", "Inverse Rate").computed { transaction, record in
                    .decimal(ExchangeRates.inverse(transaction.currencyRate(record.id, on: transaction.todayText)))
                },
                FieldDefinition.boolean("active", "Active").defaulting(to: true),
                FieldDefinition.selection("position", "Symbol Position", [("after", "After Amount"), ("before", "Before Amount")])
                    .defaulting(to: "after"),
                .char("currency_unit_label", "Currency Unit"),
                .char("currency_subunit_label", "Currency Subunit"),
                FieldDefinition.one2many("rate_ids", "Rates", "res.currency.rate", inverse: "currency_id"),
            ],
            order: "active desc, name"
        )
    }

    private static func rate() -> ModelDefinition {
        ModelDefinition(
            "res.currency.rate", label: "Currency Rate",
            fields: [
                FieldDefinition.date("name", "Date").required().defaulting { .string($0.todayText) },
                FieldDefinition.float("rate", "Technical Rate").defaulting(to: .decimal(ExactDecimal(1))),
                FieldDefinition.float("company_rate", "Unit per USD").computed { transaction, record in
                    transaction.value(record.model, record.id, "rate")
                },
                FieldDefinition.float("inverse_company_rate", "USD per Unit").computed { transaction, record in
                    .decimal(ExchangeRates.inverse(transaction.value(record.model, record.id, "rate").decimalValue ?? ExactDecimal(1)))
                },
                FieldDefinition.many2one("currency_id", "Currency", "res.currency").required(),
                FieldDefinition.many2one("company_id", "Company", "res.company").defaulting(to: 1),
            ],
            order: "name desc"
        )
    }
}

/// Exchange-rate arithmetic.
enum ExchangeRates {
    /// `1 / rate` with fifteen significant decimals, as Odoo prints `inverse_company_rate`.
    static func inverse(_ rate: ExactDecimal) -> ExactDecimal {
        guard !rate.isZero else {
            return .zero
        }
        // 1 × 10^(digits + rate scale) must fit a 64-bit significand.
        let digits = max(0, min(15 - integerDigits(of: ExactDecimal(1), over: rate), 18 - rate.normalized().scale))
        return ((try? ExactDecimal(1).divided(by: rate, scale: digits, rounding: .halfUp)) ?? .zero).normalized()
    }

    private static func integerDigits(of numerator: ExactDecimal, over denominator: ExactDecimal) -> Int {
        guard let quotient = try? numerator.divided(by: denominator, scale: 0, rounding: .down), let whole = quotient.exactInt64,
            whole != 0
        else {
            return 0
        }
        return String(abs(whole)).count
    }
}

extension Transaction {
    /// The company currency (the first company's).
    var companyCurrency: Int {
        row("res.company", 1)?["currency_id"]?.intValue ?? 1
    }

    /// Returns the currency's rate on `date`: the latest rate dated on or before it, or 1.0 when there is none.
    func currencyRate(_ currency: Int, on date: String) -> ExactDecimal {
        guard currency != companyCurrency else {
            return ExactDecimal(1)
        }
        let rates = (linkedIDs("res.currency.rate", field: "currency_id", to: currency).map(Array.init) ?? []).compactMap { row("res.currency.rate", $0) }
        let applicable = rates.filter { ($0["name"]?.stringValue ?? "") <= date }
            .max { ($0["name"]?.stringValue ?? "") < ($1["name"]?.stringValue ?? "") }
        return applicable?["rate"]?.decimalValue ?? ExactDecimal(1)
    }

    /// Returns the number of decimals of a currency, from its rounding factor (0.01 gives 2, 1.0 gives 0).
    func currencyDigits(_ currency: Int) -> Int {
        let rounding = row("res.currency", currency)?["rounding"]?.decimalValue ?? ExactDecimal(significand: 1, scale: 2)
        let normalized = rounding.normalized()
        return max(0, normalized.scale)
    }

    /// `amount` rounded half-up to the currency's decimals.
    func roundCurrency(_ amount: ExactDecimal, _ currency: Int) throws -> ExactDecimal {
        try amount.roundedHalfUp(to: currencyDigits(currency))
    }
}
