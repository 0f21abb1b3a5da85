import Foundation
import LedgerportSDK

/// The `tax_totals` structure of an invoice, in Odoo 17's shape.
///
/// NOTE: 19.0 changed this structure; only the 17.0 shape was recorded, and
/// the sandbox returns it for both versions.
enum TaxTotalsWidget {
    static func compute(_ move: Int, in transaction: Transaction) throws -> JSONValue {
        guard let row = transaction.row("account.move", move),
            MoveEngine.invoiceTypes.contains(row["move_type"]?.stringValue ?? "")
        else {
            return false
        }
        let currency = row["currency_id"]?.intValue ?? transaction.companyCurrency
        let untaxed = row["amount_untaxed"]?.decimalValue ?? .zero
        let total = row["amount_total"]?.decimalValue ?? .zero
        var groups: [Int: (amount: ExactDecimal, base: ExactDecimal)] = [:]
        for line in transaction.linkedIDs("account.move.line", field: "move_id", to: move)?.sorted() ?? [] {
            let lineRow = transaction.row("account.move.line", line)!
            guard lineRow["display_type"]?.stringValue == "tax", let tax = lineRow["tax_line_id"]?.intValue else { continue }
            let group = transaction.row("account.tax", tax)?["tax_group_id"]?.intValue ?? 0
            let amount = (lineRow["amount_currency"]?.decimalValue ?? .zero).magnitude
            let current = groups[group] ?? (.zero, .zero)
            groups[group] = (try current.amount + amount, untaxed)
        }
        let format = { (amount: ExactDecimal) in CurrencyFormat.format(amount, currency: currency, in: transaction) }
        let groupEntries: [JSONValue] = groups.keys.sorted().map { group in
            let entry = groups[group]!
            return [
                "group_key": .int(group), "tax_group_id": .int(group),
                "tax_group_name": .string(transaction.row("account.tax.group", group)?["name"]?.stringValue ?? ""),
                "tax_group_amount": .decimal(entry.amount), "tax_group_base_amount": .decimal(entry.base),
                "formatted_tax_group_amount": .string(format(entry.amount)),
                "formatted_tax_group_base_amount": .string(format(entry.base)), "hide_base_amount": false,
            ]
        }
        return [
            "amount_untaxed": .decimal(untaxed), "amount_total": .decimal(total),
            "formatted_amount_total": .string(format(total)), "formatted_amount_untaxed": .string(format(untaxed)),
            "groups_by_subtotal": ["Untaxed Amount": .array(groupEntries)],
            "subtotals": [["name": "Untaxed Amount", "amount": .decimal(untaxed), "formatted_amount": .string(format(untaxed))]],
            "subtotals_order": ["Untaxed Amount"], "display_tax_base": false,
        ]
    }
}

/// Amounts formatted as Odoo's `formatLang` does: `$ 1,380.00`, `26.563 د.ك`.
enum CurrencyFormat {
    static func format(_ amount: ExactDecimal, currency: Int, in transaction: Transaction) -> String {
        let row = transaction.row("res.currency", currency) ?? [:]
        let digits = transaction.currencyDigits(currency)
        let rounded = (try? amount.rescaled(to: digits, rounding: .halfUp)) ?? amount
        let text = grouped(rounded.description)
        let symbol = (row["symbol"]?.stringValue ?? "").trimmingCharacters(in: .whitespaces)
        // Odoo separates symbol and amount with a no-break space.
        return row["position"]?.stringValue == "before" ? "\(symbol)\u{00A0}\(text)" : "\(text)\u{00A0}\(symbol)"
    }

    private static func grouped(_ text: String) -> String {
        let negative = text.hasPrefix("-")
        let unsigned = negative ? String(text.dropFirst()) : text
        let parts = unsigned.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        var groups: [String] = []
        while integer.count > 3 {
            groups.insert(String(integer.suffix(3)), at: 0)
            integer = String(integer.dropLast(3))
        }
        groups.insert(integer, at: 0)
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return (negative ? "-" : "") + groups.joined(separator: ",") + fraction
    }
}
