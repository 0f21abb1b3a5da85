import LedgerportSDK

/// Computes a line's subtotal, total and tax amounts the way Odoo 17 does, in exact decimals.
///
/// The rules, checked against the recorded invoices:
/// - the line's gross amount is `price_unit × quantity × (1 − discount / 100)`;
/// - a price-included tax splits the gross amount rounded to the currency.
///   Its amount is rounded per line and the subtotal is the gross minus it,
///   in both rounding modes: three lines of 10.01 at 19% included give a
///   4.80 tax line even under `round_globally`;
/// - a price-excluded tax applies to the subtotal; under `round_per_line` it
///   is rounded on each line, under `round_globally` the exact amounts are
///   summed per tax and rounded once (three lines of 33.33 at 19% give 18.99
///   per line but 19.00 globally);
/// - the line's total is its subtotal plus its taxes rounded per line.
///
/// NOTE: `include_base_amount` (taxes on taxes) and `group` taxes are not
/// modelled; `division` taxes are computed as Odoo defines them.
struct TaxCalculator {
    /// One tax as the calculator needs it.
    struct Tax {
        let id: Int
        let amountType: String
        let amount: ExactDecimal
        let priceInclude: Bool
    }

    /// The result for one line, in the document currency.
    struct LineResult {
        let subtotal: ExactDecimal
        let total: ExactDecimal
        /// Per tax: the exact amount (summed under `round_globally`) and the amount rounded on this line.
        let taxes: [(tax: Tax, exact: ExactDecimal, rounded: ExactDecimal)]
    }

    let digits: Int

    /// Decimals kept for exact intermediate amounts: the currency's plus six, more than Odoo's five guard digits.
    ///
    /// NOTE: intermediate products must fit a 64-bit significand, which
    /// limits a line to roughly 10^9 currency units; larger lines throw.
    private var workScale: Int { digits + 6 }

    /// Computes one line from its unit price, quantity and discount percentage.
    func compute(priceUnit: ExactDecimal, quantity: ExactDecimal, discount: ExactDecimal, taxes: [Tax]) throws -> LineResult {
        let factor = try ExactDecimal(100) - discount
        let gross = try (priceUnit * quantity * factor).divided(by: ExactDecimal(100), scale: workScale, rounding: .halfUp)
        let grossRounded = try round(gross)

        let included = taxes.filter { $0.priceInclude && $0.amountType != "fixed" }
        let excluded = taxes.filter { !($0.priceInclude && $0.amountType != "fixed") }
        var results: [(tax: Tax, exact: ExactDecimal, rounded: ExactDecimal)] = []

        var subtotal = grossRounded
        var exactBase = gross
        if !included.isEmpty {
            let rateSum = try included.reduce(ExactDecimal.zero) { try $0 + $1.amount }
            exactBase = try (gross * ExactDecimal(100)).divided(by: try ExactDecimal(100) + rateSum, scale: workScale, rounding: .halfUp)
            for tax in included {
                let exact = try (exactBase * tax.amount).divided(by: ExactDecimal(100), scale: workScale, rounding: .halfUp)
                let rounded = try round(exact)
                results.append((tax, rounded, rounded))
                subtotal = try subtotal - rounded
            }
        }
        for tax in excluded {
            let exact = try excludedAmount(tax, base: exactBase, quantity: quantity)
            results.append((tax, exact, try round(exact)))
        }
        let total = try results.reduce(subtotal) { try $0 + $1.rounded }
        return LineResult(subtotal: subtotal, total: total, taxes: results)
    }

    private func excludedAmount(_ tax: Tax, base: ExactDecimal, quantity: ExactDecimal) throws -> ExactDecimal {
        switch tax.amountType {
        case "fixed":
            return try tax.amount * quantity
        case "division":
            let remainder = try ExactDecimal(100) - tax.amount
            guard !remainder.isZero else { return .zero }
            return try (base * tax.amount).divided(by: remainder, scale: workScale, rounding: .halfUp)
        default:
            return try (base * tax.amount).divided(by: ExactDecimal(100), scale: workScale, rounding: .halfUp)
        }
    }

    /// Rounds half-up to the currency's decimals.
    func round(_ value: ExactDecimal) throws -> ExactDecimal {
        try value.roundedHalfUp(to: digits).normalized()
    }
}

extension Transaction {
    /// Reads `account.tax` records into the calculator's form, in the order given.
    func taxes(_ ids: [Int]) -> [TaxCalculator.Tax] {
        ids.compactMap { id in
            guard let row = row("account.tax", id) else { return nil }
            return TaxCalculator.Tax(
                id: id, amountType: row["amount_type"]?.stringValue ?? "percent", amount: row["amount"]?.decimalValue ?? .zero,
                priceInclude: row["price_include"]?.isTruthy ?? false
            )
        }
    }
}
