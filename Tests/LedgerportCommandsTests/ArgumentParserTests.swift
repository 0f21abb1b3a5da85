import Testing

@testable import LedgerportCommands

@Suite struct ArgumentParserTests {
    private let parser = ArgumentParser(
        definitions: [
            .option("specs", value: "dir", help: "The folder."),
            .flag("json", help: "JSON output."),
            .positional("path", repeating: true, help: "Paths."),
        ],
        commandPath: "ledgerport spec validate"
    )

    private func usageError(_ words: [String], parser: ArgumentParser? = nil) -> CommandError? {
        do throws(CommandError) {
            _ = try (parser ?? self.parser).parse(words)
            return nil
        } catch {
            return error
        }
    }

    @Test func flagsOptionsAndPositionals_areParsed() throws {
        let parsed = try parser.parse(["a.json", "--json", "--specs", "/specs", "b.json"])
        #expect(parsed.flag("json"))
        #expect(parsed.option("specs") == "/specs")
        #expect(parsed.positionalList("path") == ["a.json", "b.json"])
    }

    @Test func optionWithEqualsSign_isParsed() throws {
        #expect(try parser.parse(["--specs=/a=b", "x"]).option("specs") == "/a=b")
    }

    @Test func doubleDash_endsOptions() throws {
        let parsed = try parser.parse(["--", "--json"])
        #expect(!parsed.flag("json"))
        #expect(parsed.positionalList("path") == ["--json"])
    }

    @Test func unknownOption_suggestsClosestAndExitsWithUsage() throws {
        let error = try #require(usageError(["--jsn", "x"]))
        #expect(error.exitCode == .usage)
        #expect(error.message == #"unknown option "--jsn""#)
        #expect(error.hint == #"did you mean "--json"? run "ledgerport spec validate --help" for the options"#)
    }

    @Test func optionWithoutValue_namesTheValue() throws {
        let error = try #require(usageError(["x", "--specs"]))
        #expect(error.message == #"option "--specs" needs a value"#)
        #expect(error.hint == #"write "--specs <dir>""#)
        #expect(usageError(["--specs", "--json", "x"])?.message == #"option "--specs" needs a value"#)
    }

    @Test func repeatedOption_isRejected() {
        #expect(usageError(["--specs", "a", "--specs", "b", "x"])?.message == #"option "--specs" is given twice"#)
    }

    @Test func flagWithValue_isRejected() {
        #expect(usageError(["--json=yes", "x"])?.message == #"flag "--json" takes no value"#)
    }

    @Test func missingPositional_showsUsage() throws {
        let error = try #require(usageError(["--json"]))
        #expect(error.message == "missing argument <path>")
        #expect(error.hint == "usage: ledgerport spec validate [--specs <dir>] [--json] <path>...")
    }

    @Test func extraPositional_isRejected() throws {
        let noPositionals = ArgumentParser(definitions: [.flag("json", help: "JSON.")], commandPath: "ledgerport version")
        let error = try #require(usageError(["extra"], parser: noPositionals))
        #expect(error.message == #"unexpected argument "extra""#)
        #expect(error.hint == #""ledgerport version" takes no arguments"#)
    }

    @Test func singleDash_isPositional() throws {
        #expect(try parser.parse(["-"]).positionalList("path") == ["-"])
    }
}
