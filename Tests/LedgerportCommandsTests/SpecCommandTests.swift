import Foundation
import LedgerportCommands
import LedgerportSDK
import Testing

@Suite struct SpecCommandTests {
    @Test func validateRepositorySpecs_exitsZero() async {
        let outcome = await runCommand(["spec", "validate", "connector-specs"])
        #expect(outcome.status == 0)
        #expect(outcome.standardError == "")
        #expect(outcome.standardOutput == """
            valid: connector-specs/hubspot/1.0.0.json (hubspot@1.0.0)
            valid: connector-specs/odoo/1.0.0.json (odoo@1.0.0)
            valid: connector-specs/stripe/1.0.0.json (stripe@1.0.0)
            3 files checked, all valid

            """)
    }

    @Test func validateBadSpec_exits65WithFileAndPointer() async throws {
        let folder = try TemporaryDirectory()
        let broken = try repositorySpecText("stripe").replacingOccurrences(of: "\"kind\": \"source\"", with: "\"kind\": \"sink\"")
        let file = try folder.write(broken, to: "stripe/1.0.0.json")

        let outcome = await runCommand(["spec", "validate", file])
        #expect(outcome.status == 65)
        #expect(outcome.standardOutput == "")
        #expect(outcome.standardError == """
            \(file): /kind: value "sink" is not allowed; expected one of "source", "target" [enum at #/properties/kind/enum]
            1 file checked, 1 invalid with 1 problem

            """)
    }

    @Test func validateJSON_listsIssuesWithPointers() async throws {
        let folder = try TemporaryDirectory()
        let broken = try repositorySpecText("odoo").replacingOccurrences(of: "\"example\": \"<odoo api key>\"", with: "\"example\": \"a3f9c2e8d1b7\"")
        let file = try folder.write(broken, to: "odoo/1.0.0.json")

        let outcome = await runCommand(["spec", "validate", "--json", file, "connector-specs/stripe/1.0.0.json"])
        #expect(outcome.status == 65)
        let document = try JSONParser.parse(outcome.standardOutput)
        #expect(document["valid"] == false)
        #expect(document["files"]?.arrayValue?.count == 2)
        #expect(document["files"]?[1]?["connector"] == "stripe@1.0.0")
        #expect(document["issues"] == [[
            "file": .string(file), "pointer": "/configuration/api_key/example", "rule": "secret_example",
            "message": #"the example of secret field "api_key" is not an obvious placeholder"#,
            "fix": #"write a placeholder containing REPLACE_ME, such as "sk_test_REPLACE_ME", or a description in angle brackets, such as "<api key>""#,
        ]])
    }

    @Test func validateMissingPath_isUsageError() async {
        let outcome = await runCommand(["spec", "validate"])
        #expect(outcome.status == 64)
        #expect(outcome.standardError == "error: missing argument <path>\nhint: usage: ledgerport spec validate [--specs <dir>] [--json] <path>...\n")
    }

    @Test func specsOptionNamingNonSpecsFolder_isUsageError() async throws {
        let folder = try TemporaryDirectory()
        let outcome = await runCommand(["spec", "list", "--specs", folder.path])
        #expect(outcome.status == 64)
        #expect(outcome.standardError.hasPrefix("error: find connector specs: \"\(folder.path)\" (from --specs) is not a folder containing connector-spec.schema.json"))
    }

    @Test func noSpecsFolderAnywhere_isFailure() async throws {
        let folder = try TemporaryDirectory()
        let outcome = await runCommand(["spec", "list"], currentDirectory: folder.path)
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("pass --specs DIR or set LEDGERPORT_SPECS_DIR"))
    }

    @Test func environmentVariable_locatesSpecs() async throws {
        let folder = try TemporaryDirectory()
        let outcome = await runCommand(["spec", "list"], environment: ["LEDGERPORT_SPECS_DIR": Checkout.specsDirectory], currentDirectory: folder.path)
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.contains("stripe"))
    }

    @Test func list_printsTable() async {
        let outcome = await runCommand(["spec", "list"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput == """
            ID       VERSION  KIND    STABILITY  BUILT IN  NAME
            hubspot  1.0.0    source  beta       yes       HubSpot
            odoo     1.0.0    target  beta       yes       Odoo
            stripe   1.0.0    source  beta       yes       Stripe

            """)
    }

    @Test func listJSON_describesEachSpec() async throws {
        let outcome = await runCommand(["spec", "list", "--json"])
        #expect(outcome.status == 0)
        let document = try JSONParser.parse(outcome.standardOutput)
        let specs = try #require(document["specs"]?.arrayValue)
        #expect(specs.map { $0["id"]?.stringValue } == ["hubspot", "odoo", "stripe"])
        let odoo = specs[1]
        #expect(odoo["kind"] == "target")
        #expect(odoo["version"] == "1.0.0")
        #expect(odoo["file"] == .string(Checkout.root + "/connector-specs/odoo/1.0.0.json"))
        #expect(odoo["built_in"] == true)
        #expect(odoo["objects"]?.arrayValue?.contains(.string("account.move")) == true)
        #expect(document["specs_directory"] == .string(Checkout.root + "/connector-specs"))
        let fields = try #require(odoo["configuration"]?.arrayValue)
        let apiKey = try #require(fields.first { $0["name"] == "api_key" })
        let baseURL = try #require(fields.first { $0["name"] == "base_url" })
        #expect(apiKey["secret"] == true)
        #expect(baseURL["secret"] == false)
        #expect(baseURL["required"] == true)
    }

    @Test func listWithInvalidSpec_listsValidOnesAndExits65() async throws {
        let folder = try TemporaryDirectory()
        try folder.write(try String(contentsOfFile: Checkout.specsDirectory + "/connector-spec.schema.json", encoding: .utf8), to: "connector-spec.schema.json")
        try folder.write(try repositorySpecText("odoo"), to: "odoo/1.0.0.json")
        try folder.write(try repositorySpecText("stripe"), to: "stripe/2.0.0.json")

        let outcome = await runCommand(["spec", "list", "--specs", folder.path])
        #expect(outcome.status == 65)
        #expect(outcome.standardOutput.contains("\nodoo  1.0.0    target"))
        #expect(!outcome.standardOutput.contains("stripe"))
        #expect(outcome.standardError.contains("stripe/2.0.0.json: /version: the spec's version is \"1.0.0\" but the file is named \"2.0.0.json\""))
    }
}
