import LedgerportJSONSchema
import LedgerportSDK
import Testing

@testable import LedgerportCore

@Suite struct ConfigurationValidationTests {
    private let odoo: ConnectorSpec = repositoryLoader.loadFile(Checkout.specsDirectory + "/odoo/1.0.0.json").0!.spec

    private let goodValues: JSONObject = [
        "base_url": "https://odoo.example.com", "database": "revops", "username": "billing@example.com",
    ]

    @Test func completeConfiguration_hasNoIssues() {
        #expect(odoo.validateConfiguration(values: goodValues, secretNames: ["api_key"]).map(\.description) == [])
    }

    @Test func missingPlainAndSecretFields_areBothReported() {
        let issues = odoo.validateConfiguration(values: ["base_url": "https://odoo.example.com"], secretNames: [], file: "connection.json")
        #expect(issues.map(\.rule) == ["missing_secret", "required", "required"])
        #expect(issues.first?.pointer.description == "/api_key")
        #expect(issues.allSatisfy { $0.file == "connection.json" })
    }

    @Test func secretGivenAsPlainValue_isRejectedWithoutEchoingIt() {
        var values = goodValues
        values["api_key"] = "d1f0e5a7c3b9"
        let issues = odoo.validateConfiguration(values: values, secretNames: ["api_key"])
        #expect(issues.map(\.rule) == ["secret_in_values"])
        #expect(!issues.contains { $0.description.contains("d1f0e5a7c3b9") })
    }

    @Test func unknownSecretAndInvalidValue_areReported() {
        var values = goodValues
        values["batch_size"] = 5000
        values["transport"] = "xml"
        let issues = odoo.validateConfiguration(values: values, secretNames: ["api_key", "api_kye"])
        #expect(issues.map(\.rule) == ["unknown_secret", "maximum", "enum"])
        #expect(issues.first?.fix.hasPrefix(#"did you mean "api_key"? "#) == true)
        #expect(issues.map(\.pointer.description) == ["/api_kye", "/batch_size", "/transport"])
    }

    @Test func unknownPlainField_isRejected() {
        var values = goodValues
        values["databse"] = "x"
        let issues = odoo.validateConfiguration(values: values, secretNames: ["api_key"])
        #expect(issues.map(\.rule) == ["additionalProperties"])
        #expect(issues.first?.fix.hasPrefix(#"did you mean "database"? "#) == true)
    }

    @Test func defaults_fillOnlyAbsentPlainFields() {
        let filled = odoo.applyingDefaults(to: ["batch_size": 20])
        #expect(filled["batch_size"] == 20)
        #expect(filled["transport"] == "auto")
        #expect(filled["max_concurrent_requests"] == 2)
        #expect(filled["api_key"] == nil)
        #expect(filled["sales_journal_code"] == nil)
    }
}
