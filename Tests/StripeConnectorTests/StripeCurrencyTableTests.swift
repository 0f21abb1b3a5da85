import LedgerportSDK
import Testing
@testable import StripeConnector

@Suite struct StripeCurrencyTableTests {
    @Test(arguments: [
        ("JPY", Int64(4500), Int64(4500), "4500"),
        ("EUR", 2900, 2900, "29.00"),
        ("USD", 3200, 3200, "32.00"),
        ("KWD", 12340, 12340, "12.340"),
        ("ISK", 50000, 500, "500"),
        ("HUF", 123450, 123450, "1234.50"),
        ("TWD", 10000, 10000, "100.00"),
        ("UGX", 5000, 5000, "5000"),
        ("MGA", 1500, 150000, "1500.00"),
    ] as [(String, Int64, Int64, String)])
    func stripeAmount_convertsToISOMinorUnits(currency: String, stripe: Int64, iso: Int64, decimal: String) throws {
        let code = try #require(CurrencyCode(currency))
        let money = try StripeCurrencyTable.money(stripeAmount: stripe, currency: code)
        #expect(money == Money(minorUnits: iso, currency: code))
        #expect(try money.decimalString() == decimal)
        #expect(try StripeCurrencyTable.stripeAmount(of: money) == stripe)
    }

    @Test func exponents_followStripeNotISOForExceptions() {
        #expect(StripeCurrencyTable.stripe.exponent(of: "JPY") == 0)
        #expect(StripeCurrencyTable.stripe.exponent(of: "EUR") == 2)
        #expect(StripeCurrencyTable.stripe.exponent(of: "USD") == 2)
        #expect(StripeCurrencyTable.stripe.exponent(of: "KWD") == 3)
        #expect(StripeCurrencyTable.stripe.exponent(of: "ISK") == 2)
        #expect(CurrencyExponentTable.iso4217.exponent(of: "ISK") == 0)
        #expect(StripeCurrencyTable.stripe.exponent(of: "MGA") == 0)
    }

    @Test func fractionalKrona_isRejectedNotRounded() {
        #expect(throws: MoneyError.self) { try StripeCurrencyTable.money(stripeAmount: 12345, currency: "ISK") }
    }

    @Test func unknownCurrency_isRejected() {
        #expect(throws: MoneyError.self) { try StripeCurrencyTable.money(stripeAmount: 1, currency: "XYZ") }
    }
}
