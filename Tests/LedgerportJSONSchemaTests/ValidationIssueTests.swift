import LedgerportSDK
import Testing

@testable import LedgerportJSONSchema

@Suite struct ValidationIssueTests {
    @Test func rootIssue_printsRootInsteadOfEmptyPointer() throws {
        let issue = try #require(try validate("{}", against: #"{"required": ["version"]}"#, file: "stripe/1.0.0.json").first)
        #expect(issue.description == #"stripe/1.0.0.json: (root): required property "version" is missing; add the required property "version" [required at #/required]"#)
    }

    @Test func issueWithoutFileOrSchemaLocation_printsRuleOnly() {
        let issue = ValidationIssue(file: nil, pointer: JSONPointer(tokens: ["configuration", "api_key"]), rule: "secret_example", message: "m", fix: "f")
        #expect(issue.description == "/configuration/api_key: m; f [secret_example]")
    }

    @Test func jsonForm_hasSnakeCaseKeys() throws {
        let issue = try #require(try validate(#"{"kind": "sink"}"#, against: #"{"properties": {"kind": {"enum": ["source", "target"]}}}"#, file: "a.json").first)
        #expect(issue.json == [
            "file": "a.json", "pointer": "/kind", "rule": "enum", "schema_location": "#/properties/kind/enum",
            "message": #"value "sink" is not allowed"#, "fix": #"expected one of "source", "target""#,
        ])
    }

    @Test func didYouMean_suggestsOnlyCloseNames() {
        #expect(MessageText.didYouMean("requried", among: ["required", "properties"]) == #"did you mean "required"? "#)
        #expect(MessageText.didYouMean("colour", among: ["required", "properties"]) == "")
        #expect(MessageText.didYouMean("ACME", among: ["acme", "globex"]) == #"did you mean "acme"? "#)
        #expect(MessageText.didYouMean("Requried", among: ["required", "properties"]) == #"did you mean "required"? "#)
        #expect(MessageText.didYouMean("apibase", among: ["api_base_url", "api_version"]) == #"did you mean "api_base_url"? "#)
        #expect(MessageText.didYouMean("base-url", among: ["base_url", "database"]) == #"did you mean "base_url"? "#)
        #expect(MessageText.didYouMean("timeout", among: ["api_base_url", "api_version"]) == "")
        #expect(MessageText.editDistance("enmu", "enum") == 1)
        #expect(MessageText.editDistance("kitten", "sitting") == 3)
    }
}
