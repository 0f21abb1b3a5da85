import Foundation
import Testing

/// Checks how `ledgerport serve`, run in-process, rejects a start before anything listens.
@Suite struct ServeCommandTests {
    @Test func missingConfigurationFile_isFailureNamingIt() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/missing.json"

        let outcome = await runCommand(["serve", "--config", path])

        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("read configuration file \"\(path)\": not found"))
        #expect(!outcome.standardError.contains("operation could not be completed"))
    }

    @Test func invalidConfigurationFile_isDataError() async throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(#"{"listen": {"port": "eighty"}}"#, to: "serve.json")

        let outcome = await runCommand(["serve", "--config", path])

        #expect(outcome.status == 65)
        #expect(outcome.standardError.contains("invalid configuration in \(path)"))
    }

    @Test func severalMistakes_eachLineIsAnError() async throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(#"{"listen": {"port": "eighty"}, "delivery": {"wrkers": 3}}"#, to: "serve.json")

        let outcome = await runCommand(["serve", "--config", path])
        let lines = outcome.standardError.split(separator: "\n")

        #expect(outcome.status == 65)
        #expect(lines.count == 2, "\(outcome.standardError)")
        #expect(lines.allSatisfy { $0.hasPrefix("error: invalid configuration in \(path) at ") })
    }

    @Test func startWithoutMasterKey_createsNoDataFolder() async throws {
        let directory = try TemporaryDirectory()
        let dataFolder = directory.path + "/data"
        let path = try directory.write(#"{"data_dir": "\#(dataFolder)"}"#, to: "serve.json")

        let outcome = await runCommand(["serve", "--config", path])

        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("LEDGERPORT_MASTER_KEY"))
        #expect(!FileManager.default.fileExists(atPath: dataFolder))
    }
}
