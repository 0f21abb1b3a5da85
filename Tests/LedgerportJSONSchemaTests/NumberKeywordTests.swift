import LedgerportSDK
import Testing

@testable import LedgerportJSONSchema

@Suite struct NumberKeywordTests {
    @Test func minimum_isInclusiveAndExact() throws {
        let schema = #"{"minimum": 0.1}"#
        #expect(try validate("0.1", against: schema).isEmpty)
        #expect(try validate("0.10000000000000001", against: schema).isEmpty)

        let issue = try #require(try validate("0.09999999999999999", against: schema).first)
        #expect(issue.rule == "minimum")
        #expect(issue.message == "0.09999999999999999 is less than the minimum 0.1")
        #expect(issue.fix == "use a value of at least 0.1")
    }

    @Test func maximum_isInclusive() throws {
        #expect(try validate("100", against: #"{"maximum": 100}"#).isEmpty)
        #expect(try validate("100.001", against: #"{"maximum": 100}"#).map(\.rule) == ["maximum"])
    }

    @Test func exclusiveBounds_rejectTheBoundItself() throws {
        #expect(try validate("0", against: #"{"exclusiveMinimum": 0}"#).map(\.rule) == ["exclusiveMinimum"])
        #expect(try validate("0.001", against: #"{"exclusiveMinimum": 0}"#).isEmpty)
        #expect(try validate("10", against: #"{"exclusiveMaximum": 10}"#).map(\.rule) == ["exclusiveMaximum"])
    }

    @Test func comparison_isExactBeyondSixtyFourBits() throws {
        // 2^64 and 1e30 do not fit ExactDecimal's 64-bit significand.
        #expect(try validate("18446744073709551616", against: #"{"maximum": 18446744073709551615}"#).count == 1)
        #expect(try validate("18446744073709551615", against: #"{"maximum": 18446744073709551615}"#).isEmpty)
        #expect(try validate("1e30", against: #"{"minimum": 0.5}"#).isEmpty)
        #expect(try validate("-1e30", against: #"{"minimum": -0.5}"#).count == 1)
        #expect(try validate("9223372036854775807", against: #"{"minimum": 0.5}"#).isEmpty)
        #expect(try validate("1e-500", against: #"{"exclusiveMinimum": 0}"#).isEmpty)
        #expect(try validate("-1e-500", against: #"{"minimum": 0}"#).count == 1)
    }

    @Test func numberComparison_ordersDecimalTexts() {
        func number(_ text: String) -> JSONNumber { JSONNumber(literal: text)! }
        #expect(NumberComparison.compare(number("12.50"), number("12.5")) == 0)
        #expect(NumberComparison.compare(number("0.005"), number("5e-3")) == 0)
        #expect(NumberComparison.compare(number("-12.5e3"), number("-12499")) == -1)
        #expect(NumberComparison.compare(number("123456789012345678901234567890"), number("123456789012345678901234567891")) == -1)
        #expect(NumberComparison.compare(number("0"), number("-0")) == 0)
    }
}
