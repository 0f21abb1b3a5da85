import LedgerportSDK
import Testing

@Suite struct ExactDecimalTests {
    @Test(arguments: [
        ("12.345", 2, RoundingRule.halfEven, "12.34"),
        ("12.355", 2, RoundingRule.halfEven, "12.36"),
        ("12.345", 2, RoundingRule.halfUp, "12.35"),
        ("-12.345", 2, RoundingRule.halfUp, "-12.35"),
        ("12.341", 2, RoundingRule.up, "12.35"),
        ("-12.341", 2, RoundingRule.floor, "-12.35"),
        ("-12.349", 2, RoundingRule.ceiling, "-12.34"),
        ("0.5", 0, RoundingRule.halfEven, "0"),
        ("1.5", 0, RoundingRule.halfEven, "2"),
    ])
    func rescale_appliesRoundingRule(text: String, scale: Int, rule: RoundingRule, expected: String) throws {
        let value = try #require(ExactDecimal(parsing: text))
        #expect(try value.rescaled(to: scale, rounding: rule).description == expected)
    }

    @Test func arithmetic_isExact() throws {
        let a = try #require(ExactDecimal(parsing: "0.1"))
        let b = try #require(ExactDecimal(parsing: "0.2"))
        #expect(try a + b == ExactDecimal(parsing: "0.3")!)
        #expect(try (a * b).description == "0.02")
        #expect(try ExactDecimal(10).divided(by: ExactDecimal(4), scale: 2, rounding: .unnecessary).description == "2.50")
    }

    @Test func divisionByZero_throws() {
        #expect(throws: ExactDecimalError.divisionByZero) {
            try ExactDecimal(1).divided(by: .zero, scale: 2, rounding: .halfEven)
        }
    }
}
