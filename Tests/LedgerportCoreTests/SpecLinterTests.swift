import LedgerportJSONSchema
import LedgerportSDK
import Testing

@testable import LedgerportCore

@Suite struct SpecLinterTests {
    /// Returns the issues of the repository spec `id` after `change`, written at its proper path.
    private func lintIssues(_ id: String, _ change: (JSONValue) -> JSONValue) throws -> [ValidationIssue] {
        try issuesOf(change(try repositorySpecDocument(id)), at: "\(id)/1.0.0.json").issues
    }

    @Test func sourceWithOperations_isKindSectionsIssue() throws {
        let operations = try repositorySpecDocument("odoo")["operations"]!
        let issues = try lintIssues("stripe") { $0.replacing("/operations", with: operations) }
        #expect(issues.map(\.rule).contains("kind_sections"))
        #expect(issues.first { $0.rule == "kind_sections" }?.pointer.description == "/operations")
    }

    @Test func targetWithoutOperations_isKindSectionsIssue() throws {
        let issues = try lintIssues("odoo") { $0.replacing("/operations", with: nil) }
        #expect(issues.map(\.rule) == ["kind_sections"])
        #expect(issues.first?.pointer == .root)
    }

    @Test func webhookCapabilityWithoutSection_isReported() throws {
        let issues = try lintIssues("stripe") { $0.replacing("/capabilities/webhooks", with: false) }
        #expect(issues.map(\.rule) == ["kind_sections"])
        #expect(issues.first?.pointer.description == "/capabilities/webhooks")
    }

    @Test func credentialNamedFieldNotSecret_isReported() throws {
        let field: JSONValue = ["description": "The app secret.", "type": "string", "required": false, "secret": false, "example": "abc"]
        let issues = try lintIssues("stripe") { $0.replacing("/configuration/client_secret", with: field) }
        #expect(issues.map(\.rule) == ["secret_field_name"])
        #expect(issues.first?.pointer.description == "/configuration/client_secret/secret")
    }

    @Test func secretOfWrongTypeWithDefault_isReported() throws {
        let issues = try lintIssues("stripe") {
            $0.replacing("/configuration/api_key/type", with: "integer").replacing("/configuration/api_key/default", with: "sk_test_REPLACE_ME")
        }
        #expect(issues.map(\.pointer.description).sorted() == ["/configuration/api_key/default", "/configuration/api_key/example", "/configuration/api_key/type"])
        #expect(issues.filter { $0.rule == "secret_type" }.count == 2)
    }

    @Test func authenticationNamingMissingField_isReported() throws {
        let issues = try lintIssues("stripe") { $0.replacing("/authentication/secret_fields", with: ["api_kye"]) }
        #expect(issues.map(\.rule) == ["secret_reference"])
        #expect(issues.first?.pointer.description == "/authentication/secret_fields/0")
        #expect(issues.first?.fix.hasPrefix(#"did you mean "api_key"? "#) == true)
    }

    @Test func signatureNamingPlainField_isReported() throws {
        let issues = try lintIssues("stripe") { $0.replacing("/webhooks/signature/secret_fields", with: ["api_base_url"]) }
        #expect(issues.map(\.rule) == ["secret_reference"])
        #expect(issues.first?.pointer.description == "/webhooks/signature/secret_fields/0")
    }

    @Test func exampleOutsideFieldLimits_isReported() throws {
        let issues = try lintIssues("stripe") { $0.replacing("/configuration/backfill_page_size/example", with: 500) }
        #expect(issues.map(\.rule) == ["configuration_example"])
        #expect(issues.first?.pointer.description == "/configuration/backfill_page_size/example")
        #expect(issues.first?.message.contains("greater than the maximum 100") == true)
    }

    @Test func defaultOfWrongType_isReported() throws {
        let issues = try lintIssues("odoo") { $0.replacing("/configuration/batch_size/default", with: "100") }
        #expect(issues.map(\.rule) == ["configuration_default"])
        #expect(issues.first?.pointer.description == "/configuration/batch_size/default")
    }

    @Test func eventTypeOfUnknownObject_suggestsName() throws {
        let issues = try lintIssues("stripe") { $0.replacing("/event_types/0/object", with: "customers") }
        #expect(issues.map(\.rule) == ["unknown_object"])
        #expect(issues.first?.pointer.description == "/event_types/0/object")
        #expect(issues.first?.fix.hasPrefix(#"did you mean "customer"? "#) == true)
    }

    @Test func unknownCanonicalEventType_isReported() throws {
        let issues = try lintIssues("stripe") { $0.replacing("/event_types/12/canonical_event_types", with: ["invoice.payed"]) }
        #expect(issues.map(\.rule) == ["canonical_event_type"])
        #expect(issues.first?.pointer.description == "/event_types/12/canonical_event_types/0")
        #expect(issues.first?.fix.hasPrefix(#"did you mean "invoice.paid"? "#) == true)
    }

    @Test func duplicateObjectAndEventType_areReported() throws {
        let issues = try lintIssues("stripe") { document in
            let objects = document["objects"]!.arrayValue!
            let events = document["event_types"]!.arrayValue!
            return document.replacing("/objects", with: .array(objects + [objects[0]])).replacing("/event_types", with: .array(events + [events[0]]))
        }
        #expect(issues.map(\.rule) == ["duplicate_name", "duplicate_name"])
        #expect(issues.map(\.pointer.description) == ["/objects/9/name", "/event_types/24/name"])
    }

    @Test func backfillOnTarget_isReported() throws {
        let issues = try lintIssues("odoo") { $0.replacing("/objects/0/backfill", with: true) }
        #expect(issues.map(\.rule) == ["backfill_without_capability"])
        #expect(issues.first?.pointer.description == "/objects/0/backfill")
    }

    @Test func operationOnUnknownModel_isReported() throws {
        let issues = try lintIssues("odoo") { $0.replacing("/operations/0/model", with: "res.partners") }
        #expect(issues.map(\.rule) == ["unknown_object"])
        #expect(issues.first?.pointer.description == "/operations/0/model")
    }

    @Test func unknownExpectationField_isReported() throws {
        let issues = try lintIssues("odoo") { $0.replacing("/operations/2/expectation_fields/0", with: "amount_totl") }
        #expect(issues.map(\.rule) == ["expectation_field"])
        #expect(issues.first?.pointer.description == "/operations/2/expectation_fields/0")
        #expect(issues.first?.fix.hasPrefix(#"did you mean "amount_total"? "#) == true)
    }

    @Test func valueMembersNotTakenByKind_areReported() throws {
        let issues = try lintIssues("odoo") { document in
            document
                .replacing("/operations/0/actions/upsert/values/name/model", with: "res.partner")
                .replacing("/operations/2/actions/upsert/values/lines/items", with: nil)
        }
        #expect(issues.map(\.rule) == ["value_spec", "value_spec"])
        #expect(Set(issues.map(\.pointer.description)) == ["/operations/0/actions/upsert/values/name/model", "/operations/2/actions/upsert/values/lines"])
    }

    @Test func defaultOutsideEnum_isReported() throws {
        let issues = try lintIssues("odoo") { $0.replacing("/operations/2/actions/upsert/values/move_type/default", with: "in_invoice") }
        #expect(issues.map(\.rule) == ["value_spec"])
        #expect(issues.first?.pointer.description == "/operations/2/actions/upsert/values/move_type/default")
    }

    @Test func invalidValuePattern_isReported() throws {
        let issues = try lintIssues("odoo") { $0.replacing("/operations/0/actions/upsert/values/country_code/pattern", with: "([A-Z") }
        #expect(issues.map(\.rule) == ["pattern"])
        #expect(issues.first?.pointer.description == "/operations/0/actions/upsert/values/country_code/pattern")
    }

    @Test func duplicateAPIVersion_isReported() throws {
        let issues = try lintIssues("odoo") { $0.replacing("/api_versions/1/version", with: "16.0") }
        #expect(issues.map(\.rule) == ["duplicate_name"])
        #expect(issues.first?.pointer.description == "/api_versions/1/version")
    }
}
