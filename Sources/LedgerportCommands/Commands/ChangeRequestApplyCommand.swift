import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `ledgerport change-request apply`: activates the mapping version of an approved request.
struct ChangeRequestApplyCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "apply",
        abstract: "Apply an approved change request: activate its mapping version in its environment.",
        discussion: """
            A running `ledgerport serve` on the same data folder pins the newly active version \
            on new deliveries after its next periodic reload of the flows, within 5 seconds.
            """,
        examples: [
            .init("ledgerport change-request apply <id> --tenant acme --as revops@acme.example", "Activate the approved version."),
        ],
        exitStatuses: [
            (.ok, "the version is active"),
            (.failure, "the request is not approved, or the tenant or database is unavailable"),
            (.usage, "the command line is invalid"),
        ]
    )

    static let arguments = ChangeRequestReference.arguments(recordedAs: "the person who applied the request")

    let reference: ChangeRequestReference

    init(arguments: ParsedArguments) throws(CommandError) {
        reference = try ChangeRequestReference(arguments: arguments)
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let id = reference.id
        let activation = try await reference.withWorkflow(in: context) { workflow, tenant, actor in
            try await workflow.apply(id, tenant: tenant, actor: actor)
        }
        if reference.printsJSON {
            AdminCommandSupport.printJSON(AdminJSON.activation(activation), in: context)
        } else {
            context.standardOutput.writeLine(
                "applied change request \(id): \(activation.mapping.mappingID) version \(activation.mapping.version) is active in \(activation.environment)")
        }
        return .ok
    }
}
