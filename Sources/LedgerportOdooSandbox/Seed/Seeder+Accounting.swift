import LedgerportSDK

/// The codes of the accounts the invoice engine posts to, from Odoo's generic chart of accounts.
enum AccountingSeeds {
    static let receivableAccountCode = "121000"
    static let incomeAccountCode = "400000"
    static let taxAccountCode = "251000"
    static let outstandingReceiptsCode = "101402"
}

/// The chart of accounts, journals, taxes and payment terms of the generic chart template.
extension Seeder {
    func seedAccounting() {
        seedAccounts()
        seedJournals()
        put("account.tax.group", 1, ["name": "Tax 15%", "sequence": 10])
        seedTaxes()
        put("account.payment.term", 1, ["name": "Immediate Payment", "days": 0, "active": true], xmlID: "account.account_payment_term_immediate")
        put("account.payment.term", 2, ["name": "30 Days", "days": 30, "active": true], xmlID: "account.account_payment_term_30days")
    }

    /// Accounts with the ids each version's database has; the recordings show receivable, income and tax accounts.
    private func seedAccounts() {
        let is17 = profile.version == .v17
        let accounts: [(id: Int, code: String, name: String, type: String, reconcile: Bool)] = [
            (1, "101401", "Bank", "asset_cash", false),
            (2, "101402", "Outstanding Receipts", "asset_current", true),
            (3, "101403", "Outstanding Payments", "asset_current", true),
            (is17 ? 6 : 5, AccountingSeeds.receivableAccountCode, "Account Receivable", "asset_receivable", true),
            (is17 ? 14 : 15, "211000", "Account Payable", "liability_payable", true),
            (is17 ? 19 : 21, AccountingSeeds.taxAccountCode, "Tax Received", "liability_current", false),
            (is17 ? 20 : 22, "131000", "Tax Paid", "asset_current", false),
            (is17 ? 24 : 26, AccountingSeeds.incomeAccountCode, "Product Sales", "income", false),
            (is17 ? 30 : 31, "600000", "Expenses", "expense", false),
        ]
        for account in accounts {
            put("account.account", account.id, [
                "code": .string(account.code), "name": .string(account.name), "account_type": .string(account.type),
                "reconcile": .bool(account.reconcile), "deprecated": false,
            ])
        }
    }

    /// Journals in the order and with the ids of each version; the sequence numbers reproduce 17.0's listing order.
    private func seedJournals() {
        let income = transaction.accountID(forCode: AccountingSeeds.incomeAccountCode).map { JSONValue.int($0) } ?? .null
        var journals: [(id: Int, name: String, code: String, type: String, sequence: Int, account: JSONValue)]
        if profile.version == .v17 {
            journals = [
                (1, "Customer Invoices", "INV", "sale", 5, income), (2, "Vendor Bills", "BILL", "purchase", 6, .null),
                (3, "Miscellaneous Operations", "MISC", "general", 9, .null), (4, "Exchange Difference", "EXCH", "general", 10, .null),
                (5, "Cash Basis Taxes", "CABA", "general", 13, .null), (6, "Bank", "BNK1", "bank", 11, 1), (7, "Cash", "CSH1", "cash", 12, .null),
            ]
        } else {
            journals = [
                (1, "Sales", "INV", "sale", 5, income), (2, "Purchases", "BILL", "purchase", 6, .null),
                (3, "Miscellaneous Operations", "MISC", "general", 9, .null), (4, "Exchange Difference", "EXCH", "general", 10, .null),
                (5, "Cash Basis Taxes", "CABA", "general", 13, .null), (6, "Bank", "BNK1", "bank", 11, 1),
            ]
        }
        for journal in journals {
            put("account.journal", journal.id, [
                "name": .string(journal.name), "code": .string(journal.code), "type": .string(journal.type), "company_id": 1,
                "sequence": .int(journal.sequence), "default_account_id": journal.account, "active": true, "currency_id": .null,
            ])
        }
    }

    private func seedTaxes() {
        let tax = transaction.accountID(forCode: AccountingSeeds.taxAccountCode).map { JSONValue.int($0) } ?? .null
        var taxes: [(id: Int, name: String, amount: Int64, use: String, included: Bool)] = [(1, "15%", 15, "sale", false), (2, "15%", 15, "purchase", false)]
        if profile.version == .v19 || initialData == .standard {
            taxes.append((3, "0% Exports", 0, "sale", false))
        }
        if initialData == .standard {
            taxes.append((4, "15% (incl.)", 15, "sale", true))
        }
        for entry in taxes {
            put("account.tax", entry.id, [
                "name": .string(entry.name), "amount": .decimal(ExactDecimal(entry.amount)), "amount_type": "percent",
                "type_tax_use": .string(entry.use), "price_include": .bool(entry.included), "include_base_amount": false,
                "tax_group_id": 1, "country_id": 233, "company_id": 1, "active": true, "sequence": 1, "account_id": tax,
            ])
        }
    }
}
