import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `ledgerport audit verify`: checks every link of a tenant's or the platform's audit chain.
struct AuditVerifyCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "verify",
        abstract: "Check every entry of a tenant's or the platform's audit chain against its hash.",
        discussion: """
            The command reads the whole chain and recomputes each entry's SHA-256. It \
            reports the first entry that was changed, removed or does not follow the one \
            before it; every later entry is then unproven too.
            """,
        examples: [
            .init("ledgerport audit verify --tenant acme", "Check the tenant's chain."),
            .init("ledgerport audit verify --json", "Check the platform's chain and print the result as JSON."),
        ],
        exitStatuses: [
            (.ok, "the chain is intact"),
            (.failure, "the chain is broken at the entry named, the tenant is unknown, or the database cannot be opened"),
            (.usage, "the command line is invalid"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        AuditCommand.tenantDefinition,
        DataOption.definition,
        AdminCommandSupport.jsonDefinition,
    ]

    let tenantSlug: String?
    let dataOption: String?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        tenantSlug = arguments.option("tenant")
        dataOption = arguments.option(DataOption.name)
        printsJSON = arguments.flag("json")
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let verification = try await DataOption.withStore(dataOption, in: context, creating: false) { store in
            let scope = try await AuditCommandSupport.scope(tenantSlug, in: store)
            return try await AdminCommandSupport.translatingErrors { try await store.verifyAuditChain(scope: scope) }
        }
        let chain = AuditCommandSupport.chainName(tenantSlug)
        if printsJSON {
            AdminCommandSupport.printJSON(AdminJSON.auditVerification(verification), in: context)
        }
        switch verification {
        case .intact(let count):
            if !printsJSON {
                context.standardOutput.writeLine("the \(chain) is intact: \(count) entr\(count == 1 ? "y" : "ies") checked")
            }
            return .ok
        case .broken(let link):
            throw CommandError.failure(
                "verify the \(chain): broken at entry \(link.sequence) (\(link.reason.rawValue.replacingOccurrences(of: "_", with: " ")))",
                hint: "entry \(link.sequence) or the one before it was changed or removed outside Ledgerport; "
                    + "compare the database with a backup from before that entry's time")
        }
    }
}

/// The chain the `audit` commands read, and its name in messages.
enum AuditCommandSupport {
    /// Returns the chain of the tenant `slug`, or the platform's chain when `slug` is nil.
    static func scope(_ slug: String?, in store: any Store) async throws -> AuditScope {
        guard let slug else {
            return .platform
        }
        return .tenant(try await StoreCommandSupport.tenant(slug: slug, in: store).id)
    }

    /// Names the chain for messages: `audit chain of tenant "acme"` or `platform audit chain`.
    static func chainName(_ slug: String?) -> String {
        slug.map { "audit chain of tenant \"\($0)\"" } ?? "platform audit chain"
    }
}
