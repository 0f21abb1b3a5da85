import LedgerportSDK

/// Recomputes an invoice's journal items and totals from its product lines.
///
/// For each product line: subtotal and total (``TaxCalculator``), the amount
/// in the invoice currency and the balance in the company currency at the
/// rate of the invoice date (1.0 when there is no rate, as Odoo does). Then
/// one tax line per tax and one receivable line (`payment_term`) for the
/// total, and the stored totals of the move. Existing tax and receivable
/// lines are updated in place; Odoo recreates them, so their ids can differ.
/// Journal entries that are not invoices (payments) keep their lines.
struct MoveEngine {
    let transaction: Transaction

    static let invoiceTypes: Set<String> = ["out_invoice", "out_refund", "in_invoice", "in_refund", "out_receipt", "in_receipt"]

    /// Returns the sign of a product line's balance: customer invoices credit income, credit notes debit it.
    static func productSign(_ moveType: String) -> ExactDecimal {
        ["out_invoice", "out_receipt", "in_refund"].contains(moveType) ? ExactDecimal(-1) : ExactDecimal(1)
    }

    func recompute(_ id: Int) throws {
        guard let move = transaction.row("account.move", id) else {
            return
        }
        let moveType = move["move_type"]?.stringValue ?? "entry"
        guard Self.invoiceTypes.contains(moveType) else {
            try MoveReconciliation(transaction: transaction).refreshMove(id)
            return
        }
        var context = try LineContext(move: move, transaction: transaction)
        let lines = transaction.linkedIDs("account.move.line", field: "move_id", to: id).map { $0.sorted() } ?? []
        let productLines = lines.filter { transaction.row("account.move.line", $0)?["display_type"]?.stringValue == "product" }

        var taxes: [Int: TaxAccumulator] = [:]
        var taxOrder: [Int] = []
        for line in productLines {
            try updateProductLine(line, context: &context, taxes: &taxes, taxOrder: &taxOrder)
        }
        try updateTaxLines(move: id, lines: lines, taxes: taxes, order: taxOrder, context: &context)
        try updateTermLine(move: id, lines: lines, hasProducts: !productLines.isEmpty, context: context)
        try storeTotals(id, context: context)
        try MoveReconciliation(transaction: transaction).refreshMove(id)
    }

    // MARK: Lines

    private func updateProductLine(_ line: Int, context: inout LineContext, taxes: inout [Int: TaxAccumulator], taxOrder: inout [Int]) throws {
        let row = transaction.row("account.move.line", line)!
        let result = try context.calculator.compute(
            priceUnit: row["price_unit"]?.decimalValue ?? .zero, quantity: row["quantity"]?.decimalValue ?? .zero,
            discount: row["discount"]?.decimalValue ?? .zero, taxes: transaction.taxes(row["tax_ids"]?.idList ?? [])
        )
        let amountCurrency = try context.sign * result.subtotal
        let balance = try context.toCompany(amountCurrency)
        transaction.update("account.move.line", line, context.journalItemValues(amountCurrency: amountCurrency, balance: balance).merging([
            "price_subtotal": .decimal(result.subtotal), "price_total": .decimal(result.total),
        ]) { _, new in new })
        context.untaxed = try context.untaxed + result.subtotal
        context.productBalance = try context.productBalance + balance
        for entry in result.taxes {
            if taxes[entry.tax.id] == nil {
                taxOrder.append(entry.tax.id)
                taxes[entry.tax.id] = TaxAccumulator(priceInclude: entry.tax.priceInclude)
            }
            try taxes[entry.tax.id]!.add(exact: entry.exact, rounded: entry.rounded, base: result.subtotal, baseBalance: balance)
        }
    }

    private func updateTaxLines(move: Int, lines: [Int], taxes: [Int: TaxAccumulator], order: [Int], context: inout LineContext) throws {
        var existing: [Int: Int] = [:]
        for line in lines {
            let row = transaction.row("account.move.line", line)!
            guard row["display_type"]?.stringValue == "tax" else { continue }
            if let tax = row["tax_line_id"]?.intValue, existing[tax] == nil, taxes[tax] != nil {
                existing[tax] = line
            } else {
                transaction.remove("account.move.line", line)
            }
        }
        for taxID in order {
            let accumulator = taxes[taxID]!
            let amount = try accumulator.amount(globally: transaction.roundsTaxGlobally, calculator: context.calculator)
            guard !amount.isZero else {
                if let line = existing[taxID] { transaction.remove("account.move.line", line) }
                continue
            }
            let amountCurrency = try context.sign * amount
            let balance = try context.toCompany(amountCurrency)
            let taxRow = transaction.row("account.tax", taxID) ?? [:]
            var values = context.journalItemValues(amountCurrency: amountCurrency, balance: balance)
            values["name"] = taxRow["name"] ?? .null
            values["tax_base_amount"] = .decimal(try accumulator.baseBalance.negatedIf(context.sign.isNegative))
            values["account_id"] = taxRow["account_id"].flatMap { $0.isNull ? nil : $0 }
                ?? transaction.accountID(forCode: AccountingSeeds.taxAccountCode).map { .int($0) } ?? .null
            try upsertLine(existing[taxID], move: move, displayType: "tax", values: values.merging(["tax_line_id": .int(taxID)]) { _, new in new })
            context.tax = try context.tax + amount
            context.taxBalance = try context.taxBalance + balance
        }
    }

    private func updateTermLine(move: Int, lines: [Int], hasProducts: Bool, context: LineContext) throws {
        let termLines = lines.filter { transaction.row("account.move.line", $0)?["display_type"]?.stringValue == "payment_term" }
        guard hasProducts else {
            termLines.forEach { transaction.remove("account.move.line", $0) }
            return
        }
        let amountCurrency = try (try context.untaxed + context.tax) * context.sign.negated()
        let balance = (try context.productBalance + context.taxBalance).negated()
        let moveRow = transaction.row("account.move", move)!
        var values = context.journalItemValues(amountCurrency: amountCurrency, balance: balance)
        values["name"] = .string(moveRow["payment_reference"]?.stringValue ?? "")
        values["account_id"] = transaction.accountID(forCode: AccountingSeeds.receivableAccountCode).map { .int($0) } ?? .null
        values["date_maturity"] = moveRow["invoice_date_due"] ?? moveRow["date"] ?? .null
        values["amount_residual"] = .decimal(balance)
        values["amount_residual_currency"] = .decimal(amountCurrency)
        for extra in termLines.dropFirst() {
            transaction.remove("account.move.line", extra)
        }
        try upsertLine(termLines.first, move: move, displayType: "payment_term", values: values)
    }

    private func upsertLine(_ line: Int?, move: Int, displayType: String, values: RecordValues) throws {
        if let line {
            transaction.update("account.move.line", line, values)
            return
        }
        var created = values
        created["move_id"] = .int(move)
        created["display_type"] = .string(displayType)
        created["quantity"] = .decimal(.zero)
        created["price_unit"] = .decimal(.zero)
        created["discount"] = .decimal(.zero)
        created["price_subtotal"] = .decimal(.zero)
        created["price_total"] = .decimal(.zero)
        created["tax_ids"] = []
        created["company_id"] = 1
        created["create_date"] = .string(transaction.nowText)
        created["write_date"] = .string(transaction.nowText)
        _ = transaction.insert("account.move.line", created)
    }

    // MARK: Totals

    private func storeTotals(_ id: Int, context: LineContext) throws {
        let total = try context.untaxed + context.tax
        let totalBalance = try context.productBalance + context.taxBalance
        var values: RecordValues = [
            "amount_untaxed": .decimal(context.untaxed), "amount_tax": .decimal(context.tax), "amount_total": .decimal(total),
            "amount_untaxed_signed": .decimal(context.productBalance.negated()), "amount_tax_signed": .decimal(context.taxBalance.negated()),
            "amount_total_signed": .decimal(totalBalance.negated()),
            "amount_total_in_currency_signed": .decimal(try total * context.sign.negated()),
        ]
        let move = transaction.row("account.move", id)!
        if let invoiceDate = move["invoice_date"]?.stringValue {
            values["invoice_date_due"] = .string(try dueDate(move, invoiceDate: invoiceDate))
        }
        transaction.update("account.move", id, values)
    }

    /// Computes the due date: the invoice date plus the payment term's days, or the date already set, or the invoice date.
    private func dueDate(_ move: RecordValues, invoiceDate: String) throws -> String {
        if let term = move["invoice_payment_term_id"]?.intValue, let days = transaction.row("account.payment.term", term)?["days"]?.intValue {
            return OdooDateFormat.date(invoiceDate, plusDays: days) ?? invoiceDate
        }
        if let existing = move["invoice_date_due"]?.stringValue, existing >= invoiceDate {
            return existing
        }
        return invoiceDate
    }
}

/// The currency facts and running totals of one move's recomputation.
private struct LineContext {
    let calculator: TaxCalculator
    let sign: ExactDecimal
    let currency: Int
    let companyCurrency: Int
    let companyDigits: Int
    let rate: ExactDecimal
    let partner: JSONValue
    var untaxed = ExactDecimal.zero
    var tax = ExactDecimal.zero
    var productBalance = ExactDecimal.zero
    var taxBalance = ExactDecimal.zero

    init(move: RecordValues, transaction: Transaction) throws {
        currency = move["currency_id"]?.intValue ?? transaction.companyCurrency
        companyCurrency = transaction.companyCurrency
        companyDigits = transaction.currencyDigits(companyCurrency)
        calculator = TaxCalculator(digits: transaction.currencyDigits(currency))
        sign = MoveEngine.productSign(move["move_type"]?.stringValue ?? "entry")
        let rateDate = move["invoice_date"]?.stringValue ?? move["date"]?.stringValue ?? transaction.todayText
        rate = transaction.currencyRate(currency, on: rateDate)
        partner = move["partner_id"]?.intValue.map { .int(transaction.commercialPartner($0)) } ?? .null
    }

    /// Converts an amount in the move currency to the company currency at the move's rate.
    func toCompany(_ amount: ExactDecimal) throws -> ExactDecimal {
        if currency == companyCurrency || rate == ExactDecimal(1) {
            return try amount.roundedHalfUp(to: companyDigits).normalized()
        }
        return try amount.divided(by: rate, scale: companyDigits, rounding: .halfUp).normalized()
    }

    func journalItemValues(amountCurrency: ExactDecimal, balance: ExactDecimal) -> RecordValues {
        [
            "amount_currency": .decimal(amountCurrency), "balance": .decimal(balance),
            "debit": .decimal(balance.isNegative ? .zero : balance), "credit": .decimal(balance.isNegative ? balance.negated() : .zero),
            "currency_id": .int(currency), "partner_id": partner,
        ]
    }
}

/// One tax's amounts summed over the lines it applies to.
private struct TaxAccumulator {
    let priceInclude: Bool
    var exact = ExactDecimal.zero
    var rounded = ExactDecimal.zero
    var base = ExactDecimal.zero
    var baseBalance = ExactDecimal.zero

    mutating func add(exact: ExactDecimal, rounded: ExactDecimal, base: ExactDecimal, baseBalance: ExactDecimal) throws {
        self.exact = try self.exact + exact
        self.rounded = try self.rounded + rounded
        self.base = try self.base + base
        self.baseBalance = try self.baseBalance + baseBalance
    }

    /// Returns the tax line's amount: per-line rounded amounts, or the exact sum rounded once under `round_globally`.
    func amount(globally: Bool, calculator: TaxCalculator) throws -> ExactDecimal {
        globally && !priceInclude ? try calculator.round(exact) : rounded
    }
}

extension ExactDecimal {
    func negatedIf(_ condition: Bool) throws -> ExactDecimal {
        condition ? negated() : self
    }
}
