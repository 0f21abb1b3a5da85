import Foundation
import LedgerportSDK
import Testing

@testable import LedgerportMapping

/// A read of `object.number` under one set of policies, with the field in one state.
struct FieldStateCase: CustomStringConvertible, Sendable {
    var label: String
    /// The field's value in the event document, or nil to leave it out.
    var number: JSONValue?
    var policies: String
    /// The value sent, nil when the field is left out, or an error code when the event fails.
    var expected: Outcome

    enum Outcome: Sendable {
        case success(JSONValue?)
        case failure(MappingEvaluationError.Code)
    }

    var description: String { label }
}

@Suite struct FieldStateTests {
    static let keepOrClear = #""missing": "omit", "null": "clear", "empty": "omit""#
    static let substitute = #""missing": {"value": "no number"}, "null": {"value": "number withdrawn"}, "empty": "accept""#
    static let strict = #""missing": {"reject": "give the invoice a number in Stripe"}, "null": "reject""#

    static let cases: [FieldStateCase] = [
        FieldStateCase(label: "missing is left out", number: nil, policies: keepOrClear, expected: .success(nil)),
        FieldStateCase(label: "null clears", number: .null, policies: keepOrClear, expected: .success(.null)),
        FieldStateCase(label: "empty is left out", number: "", policies: keepOrClear, expected: .success(nil)),
        FieldStateCase(label: "blank is empty", number: "  \t", policies: keepOrClear, expected: .success(nil)),
        FieldStateCase(label: "a value passes", number: "ACME-7", policies: keepOrClear, expected: .success("ACME-7")),
        FieldStateCase(label: "missing takes its value", number: nil, policies: substitute, expected: .success("no number")),
        FieldStateCase(label: "null takes its own value", number: .null, policies: substitute, expected: .success("number withdrawn")),
        FieldStateCase(label: "empty accepted as is", number: "", policies: substitute, expected: .success("")),
        FieldStateCase(label: "missing rejected", number: nil, policies: strict, expected: .failure(.fieldRejected)),
        FieldStateCase(label: "null rejected", number: .null, policies: strict, expected: .failure(.fieldRejected)),
        FieldStateCase(label: "strict passes a value", number: "ACME-7", policies: strict, expected: .success("ACME-7")),
    ]

    @Test(arguments: cases)
    func numberRead(_ testCase: FieldStateCase) throws {
        let document = ProbeTarget.mapping(values: ["text": TestSupport.json(#"{"path": "object.number", \#(testCase.policies)}"#)])
        let event = Samples.invoiceEvent().setting("/object/number", to: testCase.number)
        switch testCase.expected {
        case .success(let expected):
            let values = try ProbeTarget.evaluate(document, event: event)
            #expect(values["text"] == expected, "\(testCase.label)")
        case .failure(let code):
            let error = #expect(throws: MappingEvaluationError.self, "\(testCase.label)") { try ProbeTarget.evaluate(document, event: event) }
            #expect(error?.code == code)
            #expect(error?.pointer.description == "/operations/0/values/text")
        }
    }

    @Test func rejection_carriesTheMappingsHint() throws {
        let document = ProbeTarget.mapping(values: ["text": TestSupport.json(#"{"path": "object.number", \#(Self.strict)}"#)])
        let event = Samples.invoiceEvent().setting("/object/number", to: nil)
        let error = #expect(throws: MappingEvaluationError.self) { try ProbeTarget.evaluate(document, event: event) }
        #expect(error?.hint == "give the invoice a number in Stripe")
        #expect(error?.message == "source field object.number is missing and the mapping rejects it")
    }

    @Test func stateTests_tellTheFourStatesApart() throws {
        let document = ProbeTarget.mapping(values: ["texts": TestSupport.json("""
            [{"if": {"is_missing": "object.number"}, "then": "missing"}, {"if": {"is_null": "object.number"}, "then": "null"},
             {"if": {"is_empty": "object.number"}, "then": "empty"}, {"if": {"is_present": "object.number"}, "then": "present"}]
            """)])
        let states: [(JSONValue?, JSONValue)] = [(nil, ["missing"]), (.null, ["null"]), ("", ["empty"]), ("ACME-7", ["present"])]
        for (number, expected) in states {
            let values = try ProbeTarget.evaluate(document, event: Samples.invoiceEvent().setting("/object/number", to: number))
            #expect(values["texts"] == expected, "\(String(describing: number))")
        }
    }

    @Test func sdkEvent_turnsNilIntoMissing() throws {
        let document = ProbeTarget.mapping(values: ["text": TestSupport.json(#"{"path": "object.number", \#(Self.substitute)}"#)])
        let mapping = try Mapping(document: document, file: "probe.json", environment: ProbeTarget.environment)
        var invoice = Samples.invoice()
        invoice.number = nil
        let operations = try MappingEvaluator.evaluate(mapping, event: TestSupport.event(.invoiceFinalized, .invoice(invoice)), context: TestSupport.context())
        #expect(operations.first?["text"] == "no number")
    }

    @Test func nullAddress_makesItsPartsNull() throws {
        let document = ProbeTarget.mapping(
            "customer", events: ["customer.updated"],
            values: ["text": TestSupport.json(#"{"path": "object.address.city", "missing": {"value": "missing"}, "null": {"value": "null"}}"#)]
        )
        let customer = try JSONValueEncoder().encode(TestSupport.event(.customerUpdated, .customer(CanonicalCustomer(id: "cus_1", kind: .company))))
        #expect(try ProbeTarget.evaluate(document, event: customer)["text"] == "missing")
        #expect(try ProbeTarget.evaluate(document, event: customer.setting("/object/address", to: .null))["text"] == "null")
        #expect(try ProbeTarget.evaluate(document, event: customer.setting("/object/address", to: ["city": .null]))["text"] == "null")
    }

    @Test func documentOffSchema_isRejectedBeforeEvaluation() throws {
        let document = ProbeTarget.mapping(values: ["text": "x"])
        let event = Samples.invoiceEvent().setting("/object/total", to: "70.00")
        let error = #expect(throws: MappingEvaluationError.self) { try ProbeTarget.evaluate(document, event: event) }
        #expect(error?.code == .invalidEvent)
        #expect(error?.message.contains("/object/total") == true)
    }
}
