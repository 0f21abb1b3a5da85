import LedgerportSDK

/// Sales order totals, invoiced quantities, and invoices made from orders.
enum SaleInvoicing {
    /// Recomputes each line's amounts and the order's totals.
    static func recomputeTotals(_ order: Int, in transaction: Transaction) throws {
        let currency = transaction.value("sale.order", order, "currency_id").intValue ?? transaction.companyCurrency
        let calculator = TaxCalculator(digits: transaction.currencyDigits(currency))
        let taxesField = transaction.profile.saleLineTaxesField
        var untaxed = ExactDecimal.zero
        var taxAmounts: [Int: (exact: ExactDecimal, rounded: ExactDecimal, included: Bool)] = [:]
        for line in transaction.linkedIDs("sale.order.line", field: "order_id", to: order)?.sorted() ?? [] {
            let row = transaction.row("sale.order.line", line)!
            let result = try calculator.compute(
                priceUnit: row["price_unit"]?.decimalValue ?? .zero, quantity: row["product_uom_qty"]?.decimalValue ?? .zero,
                discount: row["discount"]?.decimalValue ?? .zero, taxes: transaction.taxes(row[taxesField]?.idList ?? [])
            )
            let lineTax = try result.total - result.subtotal
            transaction.update("sale.order.line", line, [
                "price_subtotal": .decimal(result.subtotal), "price_tax": .decimal(lineTax), "price_total": .decimal(result.total),
            ])
            untaxed = try untaxed + result.subtotal
            for entry in result.taxes {
                let current = taxAmounts[entry.tax.id] ?? (.zero, .zero, entry.tax.priceInclude)
                taxAmounts[entry.tax.id] = (try current.exact + entry.exact, try current.rounded + entry.rounded, current.included)
            }
        }
        var tax = ExactDecimal.zero
        for entry in taxAmounts.values {
            let amount = transaction.roundsTaxGlobally && !entry.included ? try calculator.round(entry.exact) : entry.rounded
            tax = try tax + amount
        }
        transaction.update("sale.order", order, [
            "amount_untaxed": .decimal(untaxed), "amount_tax": .decimal(tax), "amount_total": .decimal(try untaxed + tax),
        ])
    }

    /// Returns the invoice lines made from a sales order line, in moves that are not cancelled.
    static func invoiceLines(of saleLine: Int, in transaction: Transaction) -> [Int] {
        transaction.allIDs("account.move.line").filter { line in
            let row = transaction.row("account.move.line", line)!
            guard row["sale_line_ids"]?.idList.contains(saleLine) == true else { return false }
            let move = transaction.row("account.move", row["move_id"]?.intValue ?? 0)
            return move?["state"]?.stringValue != "cancel"
        }
    }

    /// Returns the quantity already invoiced, credit notes subtracted.
    static func invoicedQuantity(_ saleLine: Int, in transaction: Transaction) throws -> ExactDecimal {
        try invoiceLines(of: saleLine, in: transaction).reduce(ExactDecimal.zero) { total, line in
            let row = transaction.row("account.move.line", line)!
            let moveType = transaction.row("account.move", row["move_id"]?.intValue ?? 0)?["move_type"]?.stringValue
            let quantity = row["quantity"]?.decimalValue ?? .zero
            return try moveType == "out_refund" ? total - quantity : total + quantity
        }
    }

    /// Returns the ordered quantity not invoiced yet for a confirmed order, and zero before confirmation.
    static func quantityToInvoice(_ saleLine: Int, in transaction: Transaction) throws -> ExactDecimal {
        let row = transaction.row("sale.order.line", saleLine)!
        let order = transaction.row("sale.order", row["order_id"]?.intValue ?? 0)
        guard order?["state"]?.stringValue == "sale" else {
            return .zero
        }
        return try (row["product_uom_qty"]?.decimalValue ?? .zero) - invoicedQuantity(saleLine, in: transaction)
    }

    static func invoices(of order: Int, in transaction: Transaction) -> [Int] {
        let lines = transaction.linkedIDs("sale.order.line", field: "order_id", to: order)?.sorted() ?? []
        let moves = lines.flatMap { invoiceLines(of: $0, in: transaction) }.compactMap {
            transaction.row("account.move.line", $0)?["move_id"]?.intValue
        }
        return Set(moves).sorted()
    }

    static func invoiceStatus(_ order: Int, in transaction: Transaction) -> String {
        guard transaction.row("sale.order", order)?["state"]?.stringValue == "sale" else {
            return "no"
        }
        let lines = transaction.linkedIDs("sale.order.line", field: "order_id", to: order)?.sorted() ?? []
        if lines.contains(where: { ((try? quantityToInvoice($0, in: transaction)) ?? .zero) > .zero }) {
            return "to invoice"
        }
        return invoices(of: order, in: transaction).isEmpty ? "no" : "invoiced"
    }

    /// Creates one draft invoice per order for what is left to invoice, as the wizard's "regular invoice" does.
    static func createInvoices(_ orders: [Int], in transaction: Transaction) throws -> [Int] {
        var invoices: [Int] = []
        let taxesField = transaction.profile.saleLineTaxesField
        for order in orders {
            let row = transaction.row("sale.order", order)!
            var lines: [JSONValue] = []
            for line in transaction.linkedIDs("sale.order.line", field: "order_id", to: order)?.sorted() ?? [] {
                let quantity = try quantityToInvoice(line, in: transaction)
                guard !quantity.isZero else { continue }
                let lineRow = transaction.row("sale.order.line", line)!
                lines.append([0, 0, [
                    "name": lineRow["name"] ?? .null, "product_id": lineRow["product_id"] ?? .null, "quantity": .decimal(quantity),
                    "price_unit": lineRow["price_unit"] ?? .null, "discount": lineRow["discount"] ?? .null,
                    "tax_ids": [[6, 0, lineRow[taxesField] ?? []]], "sale_line_ids": [[6, 0, [.int(line)]]],
                ]])
            }
            guard !lines.isEmpty else { continue }
            invoices.append(try transaction.create("account.move", [
                "move_type": "out_invoice", "partner_id": row["partner_invoice_id"] ?? row["partner_id"] ?? .null,
                "partner_shipping_id": row["partner_shipping_id"] ?? .null, "invoice_origin": row["name"] ?? .null,
                "ref": row["client_order_ref"] ?? .null, "currency_id": transaction.value("sale.order", order, "currency_id"),
                "invoice_user_id": row["user_id"] ?? .null, "narration": row["note"] ?? .null, "invoice_line_ids": .array(lines),
            ] as RecordValues))
        }
        guard !invoices.isEmpty else {
            throw OdooFault(.userError, noItemsMessage)
        }
        return invoices
    }

    static let noItemsMessage = """
        Cannot create an invoice. No items are available to invoice.

        To resolve this issue, please ensure that:
           • The products have been delivered before attempting to invoice them.
           • The invoicing policy of the product is configured correctly.

        If you want to invoice based on ordered quantities instead:
           • For consumable or storable products, open the product, go to the 'General Information' tab and change the 'Invoicing Policy' from 'Delivered Quantities' to 'Ordered Quantities'.
           • For services (and other products), change the 'Invoicing Policy' to 'Prepaid/Fixed Price'.

        """
}
