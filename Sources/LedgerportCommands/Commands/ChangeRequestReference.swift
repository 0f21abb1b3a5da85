import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// The arguments shared by `ledgerport change-request apply` and `withdraw`: one request, its tenant and the person acting.
struct ChangeRequestReference: Sendable {
    /// Builds the argument list; `recordedAs` names the role the audit log records the person in.
    static func arguments(recordedAs role: String) -> [ArgumentDefinition] {
        [
            .positional("id", help: "The change request id."),
            AdminCommandSupport.tenantDefinition,
            ActorOption.governanceDefinition(recordedAs: role),
            DataOption.definition,
            AdminCommandSupport.jsonDefinition,
        ]
    }

    let id: ChangeRequestID
    let tenantSlug: String
    let actorOption: String?
    let dataOption: String?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        id = ChangeRequestID(rawValue: arguments.positional("id") ?? "")
        tenantSlug = try AdminCommandSupport.tenantSlug(arguments)
        actorOption = try ActorOption.parse(arguments)
        dataOption = arguments.option(DataOption.name)
        printsJSON = arguments.flag("json")
    }

    /// Runs `body` with the workflow of the tenant's store and the person acting.
    func withWorkflow<Value>(
        in context: CommandContext, _ body: (ChangeRequestWorkflow, TenantID, String) async throws -> Value
    ) async throws -> Value {
        let actor = try ActorOption.resolve(actorOption, in: context, for: .governance)
        return try await AdminCommandSupport.withTenant(dataOption, slug: tenantSlug, in: context) { store, tenant in
            try await body(ChangeRequestWorkflow(store: store), tenant.id, actor)
        }
    }
}
