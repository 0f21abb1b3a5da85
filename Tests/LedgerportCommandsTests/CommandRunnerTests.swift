import LedgerportCommands
import Testing

@Suite struct CommandRunnerTests {
    @Test func noArguments_printsHelpOnStandardErrorWithUsageStatus() async {
        let outcome = await runCommand([])
        #expect(outcome.status == 64)
        #expect(outcome.standardOutput == "")
        #expect(outcome.standardError.hasPrefix("ledgerport - "))
        #expect(outcome.standardError.hasSuffix("error: missing command for \"ledgerport\"\nhint: name one of the commands listed above\n"))
    }

    @Test func unknownCommand_suggestsClosest() async {
        let outcome = await runCommand(["spek", "list"])
        #expect(outcome.status == 64)
        #expect(outcome.standardError == "error: unknown command \"spek\" for \"ledgerport\"\nhint: did you mean \"spec\"? run \"ledgerport --help\" to list the commands\n")
    }

    @Test func unknownSubcommand_namesTheGroup() async {
        let outcome = await runCommand(["spec", "lst"])
        #expect(outcome.status == 64)
        #expect(outcome.standardError.hasPrefix("error: unknown command \"lst\" for \"ledgerport spec\"\nhint: did you mean \"list\"?"))
    }

    @Test func helpAnywhereAfterCommand_printsHelpWithoutRunning() async {
        let outcome = await runCommand(["spec", "validate", "/no/such/file", "--help"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.hasPrefix("ledgerport spec validate - "))
        #expect(outcome.standardError == "")
    }

    @Test func helpAfterDoubleDash_isAnArgument() async {
        let outcome = await runCommand(["spec", "validate", "--", "--help"])
        #expect(outcome.status == 65)
        #expect(outcome.standardError.contains("--help: (root): no file or folder exists at this path"))
    }

    @Test func version_printsVersionAndSpecFormat() async {
        let outcome = await runCommand(["version"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput == "ledgerport 0.1.0 (connector spec format 1)\n")
    }

    @Test func versionJSON_isMachineReadable() async throws {
        let outcome = await runCommand(["version", "--json"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput == "{\n  \"name\": \"ledgerport\",\n  \"spec_format\": 1,\n  \"version\": \"0.1.0\"\n}\n")
    }

    @Test func usageErrorInArguments_exitsWith64() async {
        let outcome = await runCommand(["version", "now"])
        #expect(outcome.status == 64)
        #expect(outcome.standardError == "error: unexpected argument \"now\"\nhint: \"ledgerport version\" takes no arguments\n")
    }
}
