import Foundation
import LedgerportSDK
import Testing

@testable import LedgerportMapping

/// One expression evaluated against one invoice, with the value it must give.
struct ExpressionCase: CustomStringConvertible, Sendable {
    var label: String
    /// The probe field the expression is written to: text, amount, number, day, flag, texts, amounts or numbers.
    var field: String
    var expression: String
    var invoice: CanonicalInvoice = Samples.invoice()
    /// The expected value, or nil when the field must be left out.
    var expected: JSONValue?

    var description: String { label }
}

@Suite struct ExpressionEvaluationTests {
    static let moneyCases: [ExpressionCase] = [
        ExpressionCase(label: "JPY to_decimal has no fraction", field: "number", expression: #"{"to_decimal": {"path": "object.total"}}"#,
            invoice: Samples.invoice("JPY", total: 4500), expected: ["$decimal": "4500"]),
        ExpressionCase(label: "KWD to_decimal has three digits", field: "number", expression: #"{"to_decimal": {"path": "object.total"}}"#,
            invoice: Samples.invoice("KWD", total: 12345), expected: ["$decimal": "12.345"]),
        ExpressionCase(label: "KWD times a whole quantity is exact", field: "amount", expression: #"{"multiply": [{"path": "object.total"}, 3]}"#,
            invoice: Samples.invoice("KWD", total: 12345), expected: ["$money": ["minor_units": 37035, "currency": "KWD"]]),
        ExpressionCase(label: "KWD divided by 4 rounds half to even", field: "amount", expression: #"{"divide": [{"path": "object.total"}, 4], "rounding": "half_even"}"#,
            invoice: Samples.invoice("KWD", total: 12345), expected: ["$money": ["minor_units": 3086, "currency": "KWD"]]),
        ExpressionCase(label: "KWD divided by 4 rounds half up", field: "amount", expression: #"{"divide": [{"path": "object.total"}, 4], "rounding": "half_up"}"#,
            invoice: Samples.invoice("KWD", total: 12346), expected: ["$money": ["minor_units": 3087, "currency": "KWD"]]),
        ExpressionCase(label: "JPY times 1.5 rounds half up", field: "amount", expression: #"{"multiply": [{"path": "object.total"}, 1.5], "rounding": "half_up"}"#,
            invoice: Samples.invoice("JPY", total: 4501), expected: ["$money": ["minor_units": 6752, "currency": "JPY"]]),
        ExpressionCase(label: "sum keeps negative proration lines", field: "amount",
            expression: #"{"sum": {"each": {"path": "object.lines"}, "as": "line", "value": {"path": "line.amount"}}, "currency": {"path": "object.currency"}}"#,
            expected: ["$money": ["minor_units": 10000, "currency": "EUR"]]),
        ExpressionCase(label: "sum of proration lines only", field: "amount",
            expression: #"{"sum": {"each": {"path": "object.lines"}, "as": "line", "where": {"path": "line.proration"}, "value": {"path": "line.amount"}}, "currency": {"path": "object.currency"}}"#,
            expected: ["$money": ["minor_units": -2900, "currency": "EUR"]]),
        ExpressionCase(label: "sum of an empty list is zero in the currency", field: "amount",
            expression: #"{"sum": {"path": "object.lines.0.discount_amounts", "missing": "reject"}, "currency": "KWD"}"#,
            invoice: Samples.invoice("KWD"), expected: ["$money": ["minor_units": 0, "currency": "KWD"]]),
        ExpressionCase(label: "subtract discounts from the subtotal", field: "amount",
            expression: #"{"subtract": [{"path": "object.subtotal"}, {"path": "object.discount_total"}]}"#,
            expected: ["$money": ["minor_units": 9000, "currency": "EUR"]]),
        ExpressionCase(label: "negate a credit", field: "amount", expression: #"{"negate": {"path": "object.lines.1.amount", "missing": "reject"}}"#,
            expected: ["$money": ["minor_units": 2900, "currency": "EUR"]]),
        ExpressionCase(label: "abs of a credit", field: "amount", expression: #"{"abs": {"path": "object.lines.1.amount", "missing": "reject"}}"#,
            expected: ["$money": ["minor_units": 2900, "currency": "EUR"]]),
        ExpressionCase(label: "negative line price in major units", field: "number", expression: #"{"to_decimal": {"path": "object.lines.1.amount", "missing": "reject"}}"#,
            expected: ["$decimal": "-29.00"]),
        ExpressionCase(label: "unit price is line amount over quantity", field: "number",
            expression: #"{"divide": [{"to_decimal": {"path": "object.lines.2.amount", "missing": "reject"}}, {"path": "object.lines.2.quantity", "missing": "reject"}], "scale": 6, "rounding": "unnecessary"}"#,
            expected: ["$decimal": "10.00"]),
        ExpressionCase(label: "KWD amount from decimal text", field: "amount", expression: #"{"to_money": 12.345, "currency": "KWD"}"#,
            expected: ["$money": ["minor_units": 12345, "currency": "KWD"]]),
        ExpressionCase(label: "round a decimal half up", field: "number", expression: #"{"round": 12.345, "scale": 2, "rounding": "half_up"}"#,
            expected: ["$decimal": "12.35"]),
        ExpressionCase(label: "currency of an amount", field: "text", expression: #"{"currency_of": {"path": "object.total"}}"#,
            invoice: Samples.invoice("KWD"), expected: "KWD"),
        ExpressionCase(label: "discount line is the negated sum", field: "number",
            expression: #"{"negate": {"to_decimal": {"sum": {"path": "object.lines.2.discount_amounts", "missing": "reject"}, "currency": {"path": "object.currency"}}}}"#,
            expected: ["$decimal": "-10.00"]),
    ]

    @Test(arguments: moneyCases)
    func money(_ testCase: ExpressionCase) throws {
        try check(testCase)
    }

    static let dateCases: [ExpressionCase] = [
        ExpressionCase(label: "month end in Berlin is the next month", field: "day", expression: #"{"date": {"path": "object.created_at"}}"#,
            invoice: Samples.invoice(createdAt: "2026-01-31T23:30:00Z"), expected: ["$date": "2026-02-01"]),
        ExpressionCase(label: "month end in New York stays", field: "day", expression: #"{"date": {"path": "object.created_at"}, "time_zone": "America/New_York"}"#,
            invoice: Samples.invoice(createdAt: "2026-01-31T23:30:00Z"), expected: ["$date": "2026-01-31"]),
        ExpressionCase(label: "month end in UTC stays", field: "day", expression: #"{"date": {"path": "object.created_at"}, "time_zone": "UTC"}"#,
            invoice: Samples.invoice(createdAt: "2026-01-31T23:30:00Z"), expected: ["$date": "2026-01-31"]),
        ExpressionCase(label: "year end in Tokyo is the next year", field: "text", expression: #"{"year_month": {"path": "object.created_at"}, "time_zone": "Asia/Tokyo"}"#,
            invoice: Samples.invoice(createdAt: "2026-12-31T15:30:00Z"), expected: "2027-01"),
        ExpressionCase(label: "month of a Berlin invoice", field: "text", expression: #"{"year_month": {"path": "object.created_at"}}"#,
            invoice: Samples.invoice(createdAt: "2026-01-31T23:30:00Z"), expected: "2026-02"),
        ExpressionCase(label: "add days across a leap day", field: "day", expression: #"{"add_days": [{"date": {"path": "object.created_at"}, "time_zone": "UTC"}, 1]}"#,
            invoice: Samples.invoice(createdAt: "2028-02-28T12:00:00Z"), expected: ["$date": "2028-02-29"]),
        ExpressionCase(label: "add days backwards across a month", field: "day", expression: #"{"add_days": [{"date": {"path": "object.created_at"}}, -1]}"#,
            invoice: Samples.invoice(createdAt: "2026-03-01T00:30:00Z"), expected: ["$date": "2026-02-28"]),
    ]

    @Test(arguments: dateCases)
    func dates(_ testCase: ExpressionCase) throws {
        try check(testCase)
    }

    static let textCases: [ExpressionCase] = [
        ExpressionCase(label: "email is trimmed and lowercased", field: "text", expression: #"{"email": "  Billing@ACME.Example "}"#, expected: "billing@acme.example"),
        ExpressionCase(label: "trim keeps inner spaces", field: "text", expression: #"{"trim": "  Acme  Robotics\n"}"#, expected: "Acme  Robotics"),
        ExpressionCase(label: "external id is normalised", field: "text", expression: #"{"external_id": ["stripe_invoice", "in_AB-c.1"]}"#, expected: "stripe_invoice_in_ab_c_1"),
        ExpressionCase(label: "concat joins numbers and dates", field: "text",
            expression: #"{"concat": ["Invoice ", {"path": "object.number", "missing": "reject", "null": "reject"}, " of ", {"date": {"path": "object.created_at"}}, ", ", {"to_decimal": {"path": "object.total"}}]}"#,
            expected: "Invoice ACME-0042 of 2026-12-04, 70.00"),
        ExpressionCase(label: "if picks then", field: "text", expression: #"{"if": {"eq": [{"path": "object.status"}, "open"]}, "then": "yes", "else": "no"}"#, expected: "yes"),
        ExpressionCase(label: "if without else omits", field: "text", expression: #"{"if": {"eq": [{"path": "object.status"}, "paid"]}, "then": "yes"}"#, expected: nil),
        ExpressionCase(label: "in matches a list", field: "flag", expression: #"{"in": [{"path": "object.status"}, ["open", "paid"]]}"#, expected: true),
        ExpressionCase(label: "money compares within a currency", field: "flag", expression: #"{"gt": [{"path": "object.total"}, {"path": "object.tax_total"}]}"#, expected: true),
        ExpressionCase(label: "and or not", field: "flag",
            expression: #"{"and": [{"or": [false, {"path": "object.lines.1.proration", "missing": "reject"}]}, {"not": {"path": "object.lines.0.proration", "missing": "reject"}}]}"#, expected: true),
        ExpressionCase(label: "each with index", field: "texts",
            expression: #"{"each": {"path": "object.lines"}, "as": "line", "index_as": "n", "value": {"concat": [{"path": "n"}, ":", {"path": "line.id"}]}}"#,
            expected: ["0:il_1", "1:il_2", "2:il_3"]),
        ExpressionCase(label: "flatten and count", field: "number",
            expression: #"{"count": {"flatten": [{"path": "object.lines"}, {"path": "object.lines.2.discount_amounts", "missing": "reject"}]}}"#, expected: ["$decimal": "4"]),
        ExpressionCase(label: "context carries the tenant", field: "text", expression: #"{"path": "context.tenant_id"}"#, expected: "tenant_a"),
        ExpressionCase(label: "metadata key", field: "text", expression: #"{"path": "object.metadata.legal_entity", "missing": "omit"}"#, expected: "acme_de"),
    ]

    @Test(arguments: textCases)
    func textAndLogic(_ testCase: ExpressionCase) throws {
        try check(testCase)
    }

    private func check(_ testCase: ExpressionCase) throws {
        let document = ProbeTarget.mapping(values: [testCase.field: TestSupport.json(testCase.expression)])
        let values = try ProbeTarget.evaluate(document, event: Samples.invoiceEvent(testCase.invoice))
        #expect(values[testCase.field] == testCase.expected, "\(testCase.label)")
    }

    @Test func inexactDivision_failsWithArithmeticError() throws {
        let document = ProbeTarget.mapping(values: ["amount": TestSupport.json(#"{"divide": [{"path": "object.total"}, 3], "rounding": "unnecessary"}"#)])
        let error = #expect(throws: MappingEvaluationError.self) {
            try ProbeTarget.evaluate(document, event: Samples.invoiceEvent(Samples.invoice("KWD", total: 10000)))
        }
        #expect(error?.code == .arithmetic)
        #expect(error?.failureClass == .business)
        #expect(error?.pointer.description == "/operations/0/values/amount")
    }

    @Test func mixedCurrencies_failToAdd() throws {
        let document = ProbeTarget.mapping(values: ["amount": TestSupport.json(#"{"add": [{"path": "object.total"}, {"to_money": 1, "currency": "USD"}]}"#)])
        let error = #expect(throws: MappingEvaluationError.self) {
            try ProbeTarget.evaluate(document, event: Samples.invoiceEvent())
        }
        #expect(error?.code == .arithmetic)
        #expect(error?.message.contains("EUR and USD") == true)
    }

    @Test func tooManyDigits_failWithoutRounding() throws {
        let document = ProbeTarget.mapping(values: ["amount": TestSupport.json(#"{"to_money": 12.345, "currency": "EUR"}"#)])
        #expect(throws: MappingEvaluationError.self) {
            try ProbeTarget.evaluate(document, event: Samples.invoiceEvent())
        }
    }

    @Test func exponentTable_convertsBetweenSystems() throws {
        let document = ProbeTarget.mapping(
            values: ["amount": TestSupport.json(#"{"convert_exponent": {"path": "object.total"}, "from": "two_digit_isk", "to": "iso4217"}"#)],
            tables: ["two_digit_isk": ["base": "iso4217", "exponents": ["ISK": 2]]]
        )
        let values = try ProbeTarget.evaluate(document, event: Samples.invoiceEvent(Samples.invoice("ISK", total: 150_000)))
        #expect(values["amount"] == ["$money": ["minor_units": 1500, "currency": "ISK"]])

        let inexact = Samples.invoiceEvent(Samples.invoice("ISK", total: 150_050))
        #expect(throws: MappingEvaluationError.self) { try ProbeTarget.evaluate(document, event: inexact) }
    }

    @Test func monthEnd_followsTheTenantZone() throws {
        let document = ProbeTarget.mapping(values: ["day": TestSupport.json(#"{"date": {"path": "object.created_at"}}"#)])
        let event = Samples.invoiceEvent(Samples.invoice(createdAt: "2026-04-30T23:30:00Z"))
        let expected: [(String, String)] = [
            ("Europe/Berlin", "2026-05-01"), ("America/New_York", "2026-04-30"), ("Asia/Kolkata", "2026-05-01"),
            ("Pacific/Honolulu", "2026-04-30"), ("UTC", "2026-04-30"),
        ]
        for (zone, day) in expected {
            let values = try ProbeTarget.evaluate(document, event: event, context: TestSupport.context(zone))
            #expect(values["day"] == ["$date": .string(day)], "\(zone)")
        }
    }

    @Test func unknownTenantZone_isAContextError() {
        let error = #expect(throws: MappingEvaluationError.self) {
            try EvaluationContext(tenantID: "tenant_a", timeZoneIdentifier: "Europe/Atlantis")
        }
        #expect(error?.code == .invalidContext)
        #expect(error?.failureClass == .configuration)
    }
}
