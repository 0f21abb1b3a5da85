import LedgerportSDK
import Testing
@testable import OdooConnector

/// Amounts Odoo changes are reported with both values, never accepted silently.
struct AmountCheckTests {
    @Test func odooAmounts_convertExactlyPerCurrency() throws {
        let kwd = try #require(try Recording("odoo17/03_invoice_read_kwd_posted").jsonValue?["result"]?[0])
        #expect(OdooAmounts.money(kwd["amount_total"], currency: "KWD") == Money(minorUnits: 26_563, currency: "KWD"))
        #expect(OdooAmounts.money(kwd["amount_untaxed"], currency: "KWD") == Money(minorUnits: 24_710, currency: "KWD"))

        let jpy = try #require(try Recording("odoo17/03_invoice_read_jpy_posted").jsonValue?["result"]?[0])
        #expect(OdooAmounts.money(jpy["amount_total"], currency: "JPY") == Money(minorUnits: 1533, currency: "JPY"))
        #expect(OdooAmounts.money(.number(JSONNumber(literal: "63.1")!), currency: "USD") == Money(minorUnits: 6310, currency: "USD"))
    }

    @Test func threeDecimalKWDPrice_flaggedBeforeWriting() {
        let error = #expect(throws: ConnectorError.self) {
            try AmountCheck.checkPrecision([(line: "Pro Plan (KWD)", price: ExactDecimal(parsing: "12.345")!)], digits: 2, currency: "KWD", label: "upsert account.move/x")
        }
        #expect(error?.failureClass == .business)
        #expect(error?.code == "odoo_unit_price_precision")
        #expect(error?.message.contains("12.345") == true)
        #expect(error?.message.contains("12.35") == true)
    }

    @Test func storedPriceRoundedByOdoo_flaggedWithBothAmounts() throws {
        let lines = try #require(try Recording("odoo17/03_invoice_lines_kwd_posted").jsonValue?["result"]?.arrayValue)
        let stored = lines.filter { $0["display_type"] == "product" }.map { $0["price_unit"] }
        let sent = [(line: "Pro Plan (KWD)", price: ExactDecimal(parsing: "12.345")!), (line: "Seats (KWD)", price: ExactDecimal(parsing: "4.115")!)]

        let error = #expect(throws: ConnectorError.self) {
            try AmountCheck.verifyStoredPrices(sent: sent, stored: stored, currency: "KWD", label: "upsert account.move/kwd")
        }
        #expect(error?.code == "odoo_unit_price_mismatch")
        #expect(error?.message == "upsert account.move/kwd: unit price of line \"Pro Plan (KWD)\" sent as 12.345 KWD, but Odoo stored 12.35")
    }

    @Test func twoDecimalPrices_pass() throws {
        try AmountCheck.checkPrecision([(line: "Pro", price: ExactDecimal(parsing: "49.00")!), (line: "JPY", price: ExactDecimal(1000))], digits: 2, currency: "USD", label: "x")
        try AmountCheck.verifyStoredPrices(sent: [(line: "Pro", price: ExactDecimal(parsing: "49.00")!)], stored: [.number(JSONNumber(literal: "49.0")!)], currency: "USD", label: "x")
    }

    @Test func totalMismatch_namesExpectedAndActual() throws {
        let readBack = try #require(try Recording("odoo17/03_invoice_read_kwd_posted").jsonValue?["result"]?[0]?.objectValue)
        let expectation = AmountExpectation(field: "amount_total", expected: Money(minorUnits: 26_568, currency: "KWD"))

        let error = #expect(throws: ConnectorError.self) {
            try AmountCheck.verify([expectation], readBack: readBack, currency: "KWD", label: "upsert account.move/kwd")
        }
        #expect(error?.failureClass == .business)
        #expect(error?.message == "upsert account.move/kwd: amount_total expected 26.568 KWD, but Odoo has 26.563 KWD")
    }

    @Test func matchingTotals_pass() throws {
        let readBack = try #require(try Recording("odoo17/03_invoice_read_jpy_posted").jsonValue?["result"]?[0]?.objectValue)
        try AmountCheck.verify([
            AmountExpectation(field: "amount_total", expected: Money(minorUnits: 1533, currency: "JPY")),
            AmountExpectation(field: "amount_tax", expected: Money(minorUnits: 200, currency: "JPY")),
        ], readBack: readBack, currency: "JPY", label: "x")
    }

    @Test func expectationInOtherCurrency_isBusinessError() {
        let error = #expect(throws: ConnectorError.self) {
            try AmountCheck.verify([AmountExpectation(field: "amount_total", expected: Money(minorUnits: 1, currency: "EUR"))], readBack: ["amount_total": 1], currency: "USD", label: "x")
        }
        #expect(error?.code == "odoo_currency_mismatch")
    }
}
