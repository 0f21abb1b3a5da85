import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `ledgerport change-request list`: a tenant's change requests, newest first.
struct ChangeRequestListCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "list",
        abstract: "List a tenant's change requests, newest first.",
        examples: [
            .init("ledgerport change-request list --tenant acme --state open", "List the requests waiting for review."),
        ],
        exitStatuses: [
            (.ok, "the requests were listed"),
            (.failure, "the tenant is unknown or the database cannot be opened"),
            (.usage, "the command line is invalid"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        AdminCommandSupport.tenantDefinition,
        .option("state", value: "state", help: "Only this state: open, approved, rejected, applied or withdrawn."),
        DataOption.definition,
        AdminCommandSupport.jsonDefinition,
    ]

    let tenantSlug: String
    let state: ChangeRequestState?
    let dataOption: String?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        tenantSlug = try AdminCommandSupport.tenantSlug(arguments)
        state = try AdminCommandSupport.enumOption(arguments, "state", as: ChangeRequestState.self)
        dataOption = arguments.option(DataOption.name)
        printsJSON = arguments.flag("json")
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let requests = try await AdminCommandSupport.withTenant(dataOption, slug: tenantSlug, in: context) { store, tenant in
            try await store.changeRequests(tenant: tenant.id, state: state)
        }
        if printsJSON {
            AdminCommandSupport.printJSON(["change_requests": .array(requests.map(AdminJSON.changeRequest))], in: context)
            return .ok
        }
        var rows = [["ID", "STATE", "KIND", "ENVIRONMENT", "PROPOSED BY", "SUMMARY"]]
        rows += requests.map { [$0.id.rawValue, $0.state.rawValue, $0.kind.rawValue, $0.environment.rawValue, $0.proposedBy, $0.summary] }
        AdminCommandSupport.printTable(rows, in: context)
        return .ok
    }
}
