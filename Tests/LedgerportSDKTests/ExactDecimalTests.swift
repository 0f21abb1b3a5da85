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

    @Test(arguments: [
        ("0.5", "9223372036854775807", true),
        ("9223372036854775807", "0.5", false),
        ("-0.5", "-9223372036854775807", false),
        ("1e-30", "1e-29", true),
        ("12.340", "12.34", false),
        ("-1", "0", true),
        ("0", "0.000", false),
        ("99.99", "100", true),
    ])
    func comparison_isExactAcrossScales(left: String, right: String, isLess: Bool) throws {
        let lhs = try #require(ExactDecimal(parsing: left))
        let rhs = try #require(ExactDecimal(parsing: right))
        #expect((lhs < rhs) == isLess)
    }
}
