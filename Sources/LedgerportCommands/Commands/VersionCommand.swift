import LedgerportCore
import LedgerportSDK

/// `ledgerport version`: prints the version of this build and the spec format it reads.
struct VersionCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "version",
        abstract: "Print the version of ledgerport and the connector spec format it reads.",
        examples: [
            .init("ledgerport version", "Print the version as text."),
            .init("ledgerport version --json", "Print the version as a JSON object for scripts."),
        ],
        exitStatuses: [(.ok, "success"), (.usage, "the command line is invalid")]
    )

    static let arguments: [ArgumentDefinition] = [
        .flag("json", help: "Print a JSON object with the members name, version and spec_format."),
    ]

    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        printsJSON = arguments.flag("json")
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        if printsJSON {
            let document: JSONValue = [
                "name": .string(CommandRunner.programName),
                "version": .string(LedgerportVersion.current),
                "spec_format": .number(JSONNumber(LedgerportVersion.specFormat)),
            ]
            context.standardOutput.writeLine(JSONWriter.string(document, style: .pretty))
        } else {
            context.standardOutput.writeLine("\(CommandRunner.programName) \(LedgerportVersion.current) (connector spec format \(LedgerportVersion.specFormat))")
        }
        return .ok
    }
}
