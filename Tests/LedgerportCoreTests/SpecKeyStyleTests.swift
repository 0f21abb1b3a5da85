import LedgerportSDK
import Testing

@testable import LedgerportCore

@Suite struct SpecKeyStyleTests {
    @Test(arguments: ["id", "api_versions", "secret_fields", "oauth2_scope", "a1"])
    func snakeCase_acceptsLowercaseWords(key: String) {
        #expect(SpecKeyStyle.isSnakeCase(key))
    }

    @Test(arguments: ["apiVersions", "Api", "api__key", "_api", "api_", "1api", "api-key", "api.key", ""])
    func snakeCase_rejectsOtherSpellings(key: String) {
        #expect(!SpecKeyStyle.isSnakeCase(key))
    }

    @Test func walk_reportsKeysOutsideEmbeddedSchemasAndExamples() {
        let document: JSONValue = [
            "apiVersions": [],
            "configuration": ["field": ["example": ["camelCase": 1], "default": ["alsoCamel": 2]]],
            "objects": [["schema": ["additionalProperties": false, "properties": ["createdAt": [:]]]]],
            "webhooks": ["payload_schema": ["minItems": 1], "eventIdPointer": "/id"],
        ]
        let issues = SpecKeyStyle.snakeCaseIssues(in: document, file: "x.json")
        #expect(issues.map(\.pointer.description) == ["/apiVersions", "/webhooks/eventIdPointer"])
        #expect(issues.map(\.fix) == [#"rename it to "api_versions""#, #"rename it to "event_id_pointer""#])
        #expect(issues.allSatisfy { $0.rule == "snake_case_keys" && $0.file == "x.json" })
    }
}
