import Foundation
import LedgerportSDK
import Testing

@testable import LedgerportMapping

/// A change to a valid mapping and the issue validation must report for it.
struct ValidationCase: CustomStringConvertible, Sendable {
    var label: String
    var pointer: String
    /// The new value at `pointer`, or nil to remove the member.
    var value: JSONValue?
    var code: MappingIssue.Code
    /// Where the issue must point.
    var reportedAt: String

    var description: String { label }
}

@Suite struct MappingValidationTests {
    /// A small valid invoice mapping that the cases change one place at a time.
    static let base = TestSupport.json("""
        {
          "mapping_format": 1,
          "name": "invoice_probe",
          "version": "1.2.0",
          "description": "Invoices to Odoo, reduced for validation tests.",
          "source": {"object_type": "invoice", "schema_version": 1, "event_types": ["invoice.finalized"]},
          "target": {"connector": "odoo", "versions": "^1.0.0", "models": ["account.move"]},
          "lookups": {"odoo_tax": {"entries": {"txr_19": "19%"}, "default": "reject"}},
          "operations": [
            {
              "name": "upsert_invoice",
              "action": "upsert",
              "model": "account.move",
              "external_id": {"external_id": ["stripe_invoice", {"path": "object.id"}]},
              "values": {
                "partner": {"ref": {"model": "res.partner", "external_id": {"external_id": ["stripe_customer", {"path": "object.customer_id"}]}}},
                "currency": {"path": "object.currency"},
                "invoice_date": {"date": {"path": "object.created_at"}, "time_zone": "tenant"},
                "ref": {"path": "object.number", "missing": "omit", "null": "omit"},
                "lines": {"each": {"path": "object.lines"}, "as": "line", "value": {"record": {
                  "external_id": {"external_id": ["stripe_invoice_line", {"path": "line.id"}]},
                  "name": {"path": "line.description", "missing": {"value": "Line"}, "null": {"value": "Line"}},
                  "quantity": {"path": "line.quantity"},
                  "price_unit": {"divide": [{"to_decimal": {"path": "line.amount"}}, {"path": "line.quantity"}], "scale": 6, "rounding": "unnecessary"},
                  "taxes": {"each": {"path": "line.taxes"}, "as": "tax", "value": {"lookup": "odoo_tax", "key": {"path": "tax.tax_code"}}}
                }}}
              },
              "expectations": [{"field": "amount_total", "amount": {"path": "object.total"}}]
            }
          ]
        }
        """)

    static let cases: [ValidationCase] = [
        ValidationCase(label: "unknown source field", pointer: "/operations/0/values/currency", value: ["path": "object.curency"],
            code: .unknownSourceField, reportedAt: "/operations/0/values/currency/path"),
        ValidationCase(label: "unknown field of a line", pointer: "/operations/0/values/lines/value/record/quantity", value: ["path": "line.qty"],
            code: .unknownSourceField, reportedAt: "/operations/0/values/lines/value/record/quantity/path"),
        ValidationCase(label: "money where a string is needed", pointer: "/operations/0/values/currency", value: ["path": "object.total"],
            code: .typeMismatch, reportedAt: "/operations/0/values/currency"),
        ValidationCase(label: "instant where a date is needed", pointer: "/operations/0/values/invoice_date", value: ["path": "object.created_at"],
            code: .typeMismatch, reportedAt: "/operations/0/values/invoice_date"),
        ValidationCase(label: "text in arithmetic", pointer: "/operations/0/expectations/0/amount", value: ["negate": ["path": "object.id"]],
            code: .typeMismatch, reportedAt: "/operations/0/expectations/0/amount/negate"),
        ValidationCase(label: "missing required target field", pointer: "/operations/0/values/partner", value: nil,
            code: .missingTargetField, reportedAt: "/operations/0/values"),
        ValidationCase(label: "missing required line field", pointer: "/operations/0/values/lines/value/record/quantity", value: nil,
            code: .missingTargetField, reportedAt: "/operations/0/values/lines/value"),
        ValidationCase(label: "required field that may be omitted", pointer: "/operations/0/values/currency",
            value: ["path": "object.metadata.currency", "missing": "omit"], code: .missingTargetField, reportedAt: "/operations/0/values/currency"),
        ValidationCase(label: "lookup without a default", pointer: "/lookups/odoo_tax/default", value: nil,
            code: .lookupWithoutDefault, reportedAt: "/lookups/odoo_tax"),
        ValidationCase(label: "unknown lookup", pointer: "/operations/0/values/lines/value/record/taxes/value/lookup", value: "odoo_taxes",
            code: .unknownLookup, reportedAt: "/operations/0/values/lines/value/record/taxes/value/lookup"),
        ValidationCase(label: "unknown connector", pointer: "/target/connector", value: "sap",
            code: .unknownConnector, reportedAt: "/target/connector"),
        ValidationCase(label: "connector version out of range", pointer: "/target/versions", value: "^2.0.0",
            code: .unsupportedConnectorVersion, reportedAt: "/target/versions"),
        ValidationCase(label: "unknown schema version", pointer: "/source/schema_version", value: 7,
            code: .unknownSchemaVersion, reportedAt: "/source/schema_version"),
        ValidationCase(label: "unknown object type", pointer: "/source/object_type", value: "invoices",
            code: .unknownObjectType, reportedAt: "/source/object_type"),
        ValidationCase(label: "event type of another object", pointer: "/source/event_types/0", value: "payment.succeeded",
            code: .unknownEventType, reportedAt: "/source/event_types/0"),
        ValidationCase(label: "optional field without a missing policy", pointer: "/operations/0/values/ref", value: ["path": "object.number", "null": "omit"],
            code: .policyRequired, reportedAt: "/operations/0/values/ref"),
        ValidationCase(label: "nullable field without a null policy", pointer: "/operations/0/values/ref", value: ["path": "object.number", "missing": "omit"],
            code: .policyRequired, reportedAt: "/operations/0/values/ref"),
        ValidationCase(label: "unknown operator", pointer: "/operations/0/values/currency", value: ["upper": ["path": "object.currency"]],
            code: .unknownOperator, reportedAt: "/operations/0/values/currency"),
        ValidationCase(label: "unknown variable", pointer: "/operations/0/values/lines/value/record/quantity", value: ["path": "item.quantity"],
            code: .unknownVariable, reportedAt: "/operations/0/values/lines/value/record/quantity/path"),
        ValidationCase(label: "model not declared", pointer: "/target/models/0", value: "res.partner",
            code: .unknownModel, reportedAt: "/operations/0/model"),
        ValidationCase(label: "unknown model", pointer: "/operations/0/model", value: "account.invoice",
            code: .unknownModel, reportedAt: "/operations/0/model"),
        ValidationCase(label: "unsupported action", pointer: "/operations/0/action", value: "confirm_order",
            code: .unsupportedAction, reportedAt: "/operations/0/action"),
        ValidationCase(label: "unknown target field", pointer: "/operations/0/values/partner_id", value: "x",
            code: .unknownTargetField, reportedAt: "/operations/0/values/partner_id"),
        ValidationCase(label: "unknown expectation field", pointer: "/operations/0/expectations/0/field", value: "amount_totals",
            code: .unknownTargetField, reportedAt: "/operations/0/expectations/0/field"),
        ValidationCase(label: "invalid external id literal", pointer: "/operations/0/external_id", value: "Stripe-Invoice",
            code: .invalidExternalID, reportedAt: "/operations/0/external_id"),
        ValidationCase(label: "unknown time zone", pointer: "/operations/0/values/invoice_date/time_zone", value: "Europe/Atlantis",
            code: .unknownTimeZone, reportedAt: "/operations/0/values/invoice_date/time_zone"),
        ValidationCase(label: "unknown exponent table", pointer: "/operations/0/values/lines/value/record/price_unit/divide/0/table",
            value: "stripe", code: .unknownExponentTable, reportedAt: "/operations/0/values/lines/value/record/price_unit/divide/0/table"),
        ValidationCase(label: "division without rounding", pointer: "/operations/0/values/lines/value/record/price_unit/rounding", value: nil,
            code: .invalidDocument, reportedAt: "/operations/0/values/lines/value/record/price_unit"),
        ValidationCase(label: "comparison with an impossible status", pointer: "/operations/0/when", value: ["eq": [["path": "object.status"], "paied"]],
            code: .invalidValue, reportedAt: "/operations/0/when/eq/1"),
        ValidationCase(label: "misspelt top-level member", pointer: "/operatons", value: [],
            code: .unknownMember, reportedAt: "/operatons"),
        ValidationCase(label: "version that is not semantic", pointer: "/version", value: "1.2",
            code: .invalidValue, reportedAt: "/version"),
        ValidationCase(label: "unsupported mapping format", pointer: "/mapping_format", value: 2,
            code: .invalidDocument, reportedAt: "/mapping_format"),
        ValidationCase(label: "duplicate operation name", pointer: "/operations/1", value: ["name": "upsert_invoice", "action": "post", "model": "account.move", "external_id": "stripe_invoice_x"],
            code: .invalidValue, reportedAt: "/operations/1/name"),
    ]

    @Test(arguments: cases)
    func changedMapping_reportsTheIssue(_ testCase: ValidationCase) {
        let issues = TestSupport.issues(Self.base.setting(testCase.pointer, to: testCase.value))
        let match = issues.first { $0.code == testCase.code && $0.pointer.description == testCase.reportedAt }
        #expect(match != nil, "\(testCase.label): got \(issues.map(\.description))")
        #expect(issues.allSatisfy { !$0.fix.isEmpty })
        #expect(issues.allSatisfy { $0.file == "test.json" })
    }

    @Test func baseMapping_isValid() {
        #expect(TestSupport.issues(Self.base).isEmpty)
    }

    @Test func malformedRef_fixKeepsItsModel() throws {
        let ref: JSONValue = ["ref": ["model": "product.product", "externl_id": ["external_id": ["stripe_product", ["path": "object.id"]]]]]
        let issues = TestSupport.issues(Self.base.setting("/operations/0/values/partner", to: ref))

        let issue = try #require(issues.first { $0.code == .typeMismatch && $0.pointer.description == "/operations/0/values/partner/ref" })
        #expect(issue.fix.contains(#"{"ref": {"model": "product.product", "external_id": <expression>}}"#))
        #expect(!issue.fix.contains("res.partner"))
    }

    @Test func unknownField_suggestsTheClosestName() {
        let issues = TestSupport.issues(Self.base.setting("/operations/0/values/currency", to: ["path": "object.curency"]))
        #expect(issues.count == 1)
        #expect(issues.first?.message == "object has no field \"curency\"")
        #expect(issues.first?.fix.hasPrefix("did you mean \"currency\"?") == true)
    }

    @Test func issueText_namesFilePointerAndFix() {
        let issue = TestSupport.issues(Self.base.setting("/lookups/odoo_tax/default", to: nil)).first
        #expect(issue?.description == "test.json#/lookups/odoo_tax: lookup odoo_tax has no default; add \"default\": {\"value\": ...} for a fallback value, \"omit\" to leave the field out, or {\"reject\": \"<what to do>\"} to fail the event")
    }

    @Test func severalProblems_areAllReported() {
        let broken = Self.base
            .setting("/target/connector", to: "sap")
            .setting("/lookups/odoo_tax/default", to: nil)
            .setting("/source/event_types/0", to: "invoice.finalised")
        let codes = Set(TestSupport.issues(broken).map(\.code))
        #expect(codes == [.unknownConnector, .lookupWithoutDefault, .unknownEventType])
    }

    @Test func invalidJSON_isReportedAtTheRoot() {
        let error = #expect(throws: MappingValidationError.self) {
            try Mapping.parse(Array(#"{"name": "x",}"#.utf8), file: "broken.json", environment: TestSupport.environment)
        }
        #expect(error?.issues.first?.code == .invalidJSON)
        #expect(error?.issues.first?.pointer == .root)
        #expect(error?.description.hasPrefix("validate mapping broken.json: 1 error") == true)
    }
}

@Suite struct TargetCatalogTests {
    @Test func odooSpec_givesTheOperationCatalog() throws {
        let catalog = try #require(TestSupport.environment.catalogs.catalogs(of: "odoo").first)
        #expect(catalog.version.description == "1.0.0")
        #expect(Set(catalog.models.keys) == ["res.partner", "product.product", "account.move", "account.payment", "sale.order", "mail.activity"])
        let upsert = try #require(catalog.models["account.move"]?.actions[.upsert])
        #expect(upsert["partner"]?.isRequired == true)
        #expect(upsert["narration"]?.isRequired == false)
        guard case .list(.record(let line))? = upsert["lines"]?.kind else {
            Issue.record("account.move lines are not a list of records")
            return
        }
        #expect(Set(line.filter(\.value.isRequired).keys) == ["external_id", "name", "quantity", "price_unit"])
        #expect(catalog.models["account.move"]?.expectationFields.contains("amount_residual") == true)
    }

    @Test func sourceSpecs_giveNoCatalog() {
        #expect(TestSupport.environment.catalogs.connectors == ["odoo"])
    }
}
