import LedgerportSDK

/// Compares what Odoo stores with what the source sent, so no amount ever changes silently.
///
/// Odoo rounds unit prices to the "Product Price" decimal precision (2 by
/// default, whatever the currency: 12.345 KWD is stored as 12.35) and
/// computes totals with its own tax rounding. Each check throws a business
/// error naming both amounts; the operation is parked for a finance operator.
enum AmountCheck {
    /// Checks every expectation against the fields read back from the record.
    static func verify(
        _ expectations: [AmountExpectation], readBack: JSONObject, currency: CurrencyCode, label: String
    ) throws(ConnectorError) {
        for expectation in expectations {
            guard expectation.expected.currency == currency else {
                throw .business(
                    "odoo_currency_mismatch",
                    "\(label): expected \(expectation.field) in \(expectation.expected.currency), but the record is in \(currency)",
                    hint: "check the currency the mapping sends for this record"
                )
            }
            guard let actual = OdooAmounts.money(readBack[expectation.field], currency: currency) else {
                throw .system("odoo_unexpected_response", "\(label): Odoo returned no amount for \(expectation.field)")
            }
            guard actual == expectation.expected else {
                throw .business(
                    "odoo_amount_mismatch",
                    "\(label): \(expectation.field) expected \(OdooAmounts.describe(expectation.expected)), but Odoo has \(OdooAmounts.describe(actual))",
                    targetMessage: "\(expectation.field) = \(readBack[expectation.field].map { $0.description } ?? "missing")",
                    hint: "compare the tax and rounding settings of Odoo with the source, fix the cause and replay"
                )
            }
        }
    }

    /// Rejects unit prices that Odoo would round before anything is written.
    static func checkPrecision(_ prices: [(line: String, price: ExactDecimal)], digits: Int, currency: CurrencyCode, label: String) throws(ConnectorError) {
        for (line, price) in prices where OdooAmounts.fractionDigits(price) > digits {
            let rounded = (try? price.rescaled(to: digits, rounding: .halfUp)) ?? price
            throw .business(
                "odoo_unit_price_precision",
                "\(label): unit price \(OdooAmounts.text(price)) \(currency) of line \"\(line)\" has more than \(digits) decimals; Odoo would store \(OdooAmounts.text(rounded))",
                hint: "raise the decimal precision \"Product Price\" in Odoo to at least \(OdooAmounts.fractionDigits(price)) digits, or send the line with a quantity that keeps the price to \(digits) decimals"
            )
        }
    }

    /// Compares the unit prices Odoo stored with the ones sent, line by line.
    static func verifyStoredPrices(sent: [(line: String, price: ExactDecimal)], stored: [JSONValue?], currency: CurrencyCode, label: String) throws(ConnectorError) {
        for (index, line) in sent.enumerated() {
            guard index < stored.count, let actual = OdooAmounts.decimal(stored[index]) else {
                throw .business("odoo_line_mismatch", "\(label): Odoo has \(stored.count) lines, but \(sent.count) were sent")
            }
            guard actual == line.price else {
                throw .business(
                    "odoo_unit_price_mismatch",
                    "\(label): unit price of line \"\(line.line)\" sent as \(OdooAmounts.text(line.price)) \(currency), but Odoo stored \(OdooAmounts.text(actual))",
                    hint: "raise the decimal precision \"Product Price\" in Odoo or correct the line, then replay"
                )
            }
        }
    }
}
