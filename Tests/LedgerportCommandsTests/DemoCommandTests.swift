import Foundation
import Testing

/// `ledgerport demo` rejecting bad input before it starts anything.
@Suite struct DemoCommandTests {
    private let odooOptions = ["--odoo-url", "http://127.0.0.1:9", "--odoo-db", "odoo", "--odoo-login", "admin"]

    @Test func missingAPIKeyFile_isNotFound() async throws {
        let folder = try TemporaryDirectory()

        let outcome = await runCommand(["demo"] + odooOptions + ["--odoo-api-key-file", "absent.txt"], currentDirectory: folder.path)

        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains(#"read the API key file "absent.txt": not found"#), "\(outcome.standardError)")
        #expect(outcome.standardError.contains("check the path given to --odoo-api-key-file"))
    }

    @Test func emptyAPIKeyFile_isInvalidData() async throws {
        let folder = try TemporaryDirectory()
        try "\n".write(toFile: folder.path + "/empty.txt", atomically: true, encoding: .utf8)

        let outcome = await runCommand(["demo"] + odooOptions + ["--odoo-api-key-file", "empty.txt"], currentDirectory: folder.path)

        #expect(outcome.status == 65)
        #expect(outcome.standardError.contains(#"cannot read an API key from "empty.txt""#), "\(outcome.standardError)")
    }

    @Test func unknownLogLevel_isInvalidData() async {
        let outcome = await runCommand(["demo"], environment: ["LEDGERPORT_LOG_LEVEL": "loud"])

        #expect(outcome.status == 65)
        #expect(outcome.standardError.contains(#"invalid LEDGERPORT_LOG_LEVEL "loud": not a log level"#), "\(outcome.standardError)")
    }
}
