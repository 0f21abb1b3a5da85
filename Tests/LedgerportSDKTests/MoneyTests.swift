import LedgerportSDK
import Testing

@Suite struct MoneyTests {
    @Test(arguments: [
        ("JPY", "2900", Int64(2900)),
        ("USD", "29.00", Int64(2900)),
        ("USD", "29.5", Int64(2950)),
        ("KWD", "12.345", Int64(12345)),
        ("KWD", "-0.001", Int64(-1)),
        ("EUR", "0", Int64(0)),
    ])
    func decimalText_convertsToMinorUnits(currency: String, text: String, minorUnits: Int64) throws {
        let money = try Money(decimal: text, currency: CurrencyCode(currency)!)
        #expect(money.minorUnits == minorUnits)
    }

    @Test(arguments: [
        ("JPY", Int64(2900), "2900"),
        ("USD", Int64(2900), "29.00"),
        ("USD", Int64(-5), "-0.05"),
        ("KWD", Int64(12345), "12.345"),
        ("KWD", Int64(7), "0.007"),
    ])
    func minorUnits_formatWithCurrencyExponent(currency: String, minorUnits: Int64, text: String) throws {
        let money = Money(minorUnits: minorUnits, currency: CurrencyCode(currency)!)
        #expect(try money.decimalString() == text)
        #expect(try Money(decimal: text, currency: money.currency) == money)
    }

    @Test func extraFractionDigits_throwInsteadOfRounding() {
        #expect(throws: MoneyError.tooManyFractionDigits("12.345", currency: "USD", exponent: 2)) {
            try Money(decimal: "12.345", currency: "USD")
        }
        #expect(throws: MoneyError.tooManyFractionDigits("1.5", currency: "JPY", exponent: 0)) {
            try Money(decimal: "1.5", currency: "JPY")
        }
    }

    @Test func explicitRounding_roundsHalfEven() throws {
        #expect(try Money(decimal: "12.345", currency: "USD", rounding: .halfEven).minorUnits == 1234)
        #expect(try Money(decimal: "12.355", currency: "USD", rounding: .halfEven).minorUnits == 1236)
        #expect(try Money(decimal: "12.345", currency: "USD", rounding: .halfUp).minorUnits == 1235)
    }

    @Test func unknownCurrency_namesTable() {
        #expect(throws: MoneyError.unknownCurrency("ZZZ", table: "ISO 4217")) {
            try Money(decimal: "1", currency: "ZZZ")
        }
    }

    @Test func addingDifferentCurrencies_throws() {
        let euros = Money(minorUnits: 100, currency: "EUR")
        let dollars = Money(minorUnits: 100, currency: "USD")
        #expect(throws: MoneyError.self) { try euros + dollars }
    }

    @Test func overflow_throws() {
        let large = Money(minorUnits: .max, currency: "USD")
        #expect(throws: MoneyError.self) { try large + Money(minorUnits: 1, currency: "USD") }
        #expect(throws: MoneyError.self) { try large.multiplied(by: 2) }
    }

    @Test func multiplyByDecimal_roundsOnRequest() throws {
        let price = Money(minorUnits: 999, currency: "USD")
        let third = try ExactDecimal(1).divided(by: ExactDecimal(3), scale: 6, rounding: .halfEven)
        #expect(try price.multiplied(by: third, rounding: .halfEven).minorUnits == 333)
        #expect(throws: MoneyError.self) { try price.multiplied(by: third, rounding: .unnecessary) }
    }

    @Test func conversionBetweenTables_isExactOrThrows() throws {
        let stripeLike = CurrencyExponentTable.iso4217.overriding(name: "example", with: ["ISK": 2])
        let krona = Money(minorUnits: 12300, currency: "ISK")
        #expect(try krona.converted(from: stripeLike, to: .iso4217).minorUnits == 123)
        let fractional = Money(minorUnits: 12345, currency: "ISK")
        #expect(throws: MoneyError.self) { try fractional.converted(from: stripeLike, to: .iso4217) }
    }

    @Test func jsonForm_isMinorUnitsAndCurrency() throws {
        let money = Money(minorUnits: 12345, currency: "KWD")
        let json = try JSONValueEncoder().encode(money)
        #expect(json == ["minor_units": 12345, "currency": "KWD"])
        #expect(try JSONValueDecoder().decode(Money.self, from: json) == money)
    }
}
