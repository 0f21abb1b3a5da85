import Foundation
import LedgerportSDK
import Testing

@testable import LedgerportMapping

@Suite struct LookupTests {
    static let tables: JSONValue = [
        "journal": [
            "description": "Legal entity to its Odoo company and sales journal.",
            "entries": [
                "acme_de": ["company": "ACME GmbH", "journal_code": "INVDE"], "acme_us": ["company": "ACME Inc", "journal_code": "INVUS"],
                "m\u{FC}nchen": ["company": "ACME München", "journal_code": "INVMUC"],
            ],
            "default": ["value": ["company": "ACME GmbH", "journal_code": "INV"]],
        ],
        "product": ["entries": ["biz-monthly": "product_business"], "default": "omit"],
        "tax": ["entries": ["txr_19": "19% USt"], "default": ["reject": "map the tax rate first"]],
    ]

    static func evaluate(_ field: String, _ expression: String, legalEntity: String? = "acme_de", overrides: [String: [String: JSONValue]] = [:]) throws -> JSONValue? {
        let document = ProbeTarget.mapping(values: [field: TestSupport.json(expression)], lookups: tables)
        var invoice = Samples.invoice()
        invoice.metadata = legalEntity.map { ["legal_entity": $0] } ?? [:]
        return try ProbeTarget.evaluate(document, event: Samples.invoiceEvent(invoice), context: TestSupport.context(overrides: overrides))[field]
    }

    static let entity = #"{"lookup": "journal", "key": {"path": "object.metadata.legal_entity", "missing": "omit"}, "field": "journal_code"}"#

    @Test func entry_selectsAMemberOfAnObject() throws {
        #expect(try Self.evaluate("text", Self.entity) == "INVDE")
        #expect(try Self.evaluate("text", Self.entity, legalEntity: "acme_us") == "INVUS")
    }

    @Test func decomposedKey_findsComposedEntry() throws {
        #expect(try Self.evaluate("text", Self.entity, legalEntity: "mu\u{308}nchen") == "INVMUC")
    }

    @Test func unknownKey_takesTheDefault() throws {
        #expect(try Self.evaluate("text", Self.entity, legalEntity: "acme_fr") == "INV")
    }

    @Test func missingKey_takesTheDefault() throws {
        #expect(try Self.evaluate("text", Self.entity, legalEntity: nil) == "INV")
    }

    @Test func tenantOverride_replacesTheEntry() throws {
        let overrides: [String: [String: JSONValue]] = ["journal": ["acme_de": ["company": "ACME GmbH", "journal_code": "VK"]]]
        #expect(try Self.evaluate("text", Self.entity, overrides: overrides) == "VK")
    }

    @Test func omitDefault_leavesTheFieldOut() throws {
        let expression = #"{"each": {"path": "object.lines"}, "as": "line", "value": {"lookup": "product", "key": {"path": "line.price_id", "missing": "omit", "null": "omit"}}}"#
        #expect(try Self.evaluate("texts", expression) == ["product_business"])
    }

    @Test func rejectDefault_failsWithItsHint() throws {
        let error = #expect(throws: MappingEvaluationError.self) {
            try Self.evaluate("text", #"{"lookup": "tax", "key": "txr_7"}"#)
        }
        #expect(error?.code == .lookupMiss)
        #expect(error?.message == "lookup tax has no entry for \"txr_7\"")
        #expect(error?.hint == "map the tax rate first")
    }

    @Test func overrideOfAnotherType_isAContextError() throws {
        let error = #expect(throws: MappingEvaluationError.self) {
            try Self.evaluate("text", #"{"lookup": "tax", "key": "txr_19"}"#, overrides: ["tax": ["txr_19": 19]])
        }
        #expect(error?.code == .invalidContext)
    }

    @Test func hasValue_keepsLinesWithAnEntry() throws {
        let expression = """
            {"each": {"path": "object.lines"}, "as": "line",
             "where": {"has_value": {"lookup": "product", "key": {"path": "line.price_id", "missing": "omit", "null": "omit"}}},
             "value": {"path": "line.id"}}
            """
        #expect(try Self.evaluate("texts", expression) == ["il_1"])
    }
}
