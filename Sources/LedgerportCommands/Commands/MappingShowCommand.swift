import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `ledgerport mapping show`: one stored version of a tenant's mapping, with its document.
struct MappingShowCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "show",
        abstract: "Show a stored version of a tenant's mapping: its digest, who stored it and when, where it is active, and its document.",
        discussion: """
            Reviewers read a proposed version here before approving it, and the version in \
            force to compare; "ledgerport mapping list --tenant" names the versions in force. \
            The digest is the SHA-256 of the document's canonical JSON, as change requests \
            record it in their evidence.
            """,
        examples: [
            .init("ledgerport mapping show stripe-invoices --version 2 --tenant acme", "Print version 2 and its document."),
            .init("ledgerport mapping show stripe-invoices --version 2 --tenant acme --json", "Print the same as one JSON object."),
            .init(
                "ledgerport mapping show stripe-invoices --version 2 --tenant acme --document > v2.json",
                "Save the document alone, for mapping diff and mapping dry-run."),
        ],
        exitStatuses: [
            (.ok, "the version was shown"),
            (.failure, "the tenant, the mapping or the version is unknown, or the database cannot be opened"),
            (.usage, "the command line is invalid"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        .positional("mapping", help: "The mapping id."),
        .option("version", value: "n", help: "The stored version number. Required.", required: true),
        AdminCommandSupport.tenantDefinition,
        DataOption.definition,
        AdminCommandSupport.jsonDefinition,
        .flag("document", help: "Print only the mapping document, as the file that was published would read."),
    ]

    let mappingID: MappingID
    let version: Int
    let tenantSlug: String
    let dataOption: String?
    let printsJSON: Bool
    let printsDocumentOnly: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        mappingID = MappingID(rawValue: arguments.positional("mapping") ?? "")
        guard !mappingID.rawValue.isEmpty else {
            throw .usage("missing mapping id", hint: "name the mapping, such as mapping show stripe-invoices --version 2 --tenant acme")
        }
        guard let version = try AdminCommandSupport.integerOption(arguments, "version", range: 1...Int(Int32.max)) else {
            throw .usage(
                "missing option --version",
                hint: "name a stored version, such as --version 2; \"ledgerport mapping list --tenant <slug>\" lists them")
        }
        self.version = version
        tenantSlug = try AdminCommandSupport.tenantSlug(arguments)
        dataOption = arguments.option(DataOption.name)
        printsJSON = arguments.flag("json")
        printsDocumentOnly = arguments.flag("document")
        if printsJSON && printsDocumentOnly {
            throw .usage("--json and --document exclude each other", hint: "pass --document for the mapping document alone, or --json for the version with its document")
        }
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let (overview, stored) = try await AdminCommandSupport.withTenant(dataOption, slug: tenantSlug, in: context) { store, tenant in
            let overview = try await MappingOverview.read(mappingID, tenant: tenant.id, store: store)
            return (overview, try overview.version(version, tenantSlug: tenant.slug))
        }
        let environments = overview.environments(activating: version)
        if printsDocumentOnly {
            context.standardOutput.writeLine(JSONWriter.string(stored.content, style: .pretty))
            return .ok
        }
        if printsJSON {
            AdminCommandSupport.printJSON(AdminJSON.mappingVersion(stored, activeIn: environments), in: context)
            return .ok
        }

        let out = context.standardOutput
        out.writeLine("mapping \(mappingID) version \(stored.version) of tenant \(tenantSlug)")
        out.writeLine("  digest:     \(stored.digest)")
        out.writeLine("  stored:     by \(stored.createdBy) at \(AdminJSON.timestampText(stored.createdAt))")
        out.writeLine("  active in:  \(environments.isEmpty ? "no environment" : environments.map(\.rawValue).joined(separator: ", "))")
        let inForce = overview.activations.map { "\($0.environment) version \($0.mapping.version)" }
        out.writeLine("  in force:   \(inForce.isEmpty ? "no version in any environment" : inForce.joined(separator: ", "))")
        out.writeLine("content:")
        out.writeLine(JSONWriter.string(stored.content, style: .pretty))
        return .ok
    }
}
