import Foundation
import LedgerportMapping
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// `ledgerport mapping publish`: stores a mapping document as the next immutable version of a tenant's mapping.
struct MappingPublishCommand: RunnableCommand {
    static let help = CommandHelp(
        name: "publish",
        abstract: "Validate a mapping document and store it as the next version of a tenant's mapping.",
        discussion: """
            Publishing stores the version; it does not activate it. Propose its activation \
            with "ledgerport change-request propose" and have the board approve it. \
            Publishing the same content again prints the stored version and adds none; a \
            document that reuses a published "version" with other content is rejected. \
            The file may also be the name of a default mapping, such as stripe_invoice_to_odoo.
            """,
        examples: [
            .init(
                "ledgerport mapping publish invoices.json --tenant acme --id stripe-invoices",
                "Publish invoices.json as the next version of the mapping stripe-invoices."),
            .init(
                "ledgerport mapping publish stripe_customer_to_odoo --tenant acme --id stripe-customers --json",
                "Publish the default customer mapping and print the stored version."),
        ],
        exitStatuses: [
            (.ok, "the version was stored, or was stored already"),
            (.failure, "the tenant is unknown, the version is reused, or the database cannot be opened"),
            (.usage, "the command line is invalid"),
            (.dataError, "the document is not a valid mapping"),
        ]
    )

    static let arguments: [ArgumentDefinition] = [
        .positional("file", help: "The mapping document, or the name of a default mapping."),
        AdminCommandSupport.tenantDefinition,
        .option("id", value: "mapping", help: "The mapping id within the tenant, such as stripe-invoices. Required.", required: true),
        SpecsOption.definition,
        ActorOption.definition,
        DataOption.definition,
        AdminCommandSupport.jsonDefinition,
    ]

    let file: String
    let tenantSlug: String
    let mappingID: MappingID
    let specsOption: String?
    let actorOption: String?
    let dataOption: String?
    let printsJSON: Bool

    init(arguments: ParsedArguments) throws(CommandError) {
        file = arguments.positional("file") ?? ""
        tenantSlug = try AdminCommandSupport.tenantSlug(arguments)
        guard let id = arguments.option("id") else {
            throw .usage("missing option --id", hint: "name the mapping, such as --id stripe-invoices")
        }
        mappingID = MappingID(rawValue: id)
        specsOption = arguments.option(SpecsOption.name)
        actorOption = try ActorOption.parse(arguments)
        dataOption = arguments.option(DataOption.name)
        printsJSON = arguments.flag("json")
    }

    func run(in context: CommandContext) async throws -> ExitCode {
        let actor = try ActorOption.resolve(actorOption, in: context, for: .change)
        let (document, name) = try readDocument(in: context)
        let (version, before) = try await AdminCommandSupport.withServices(
            dataOption, specsOption: specsOption, slug: tenantSlug, unsealing: false, in: context
        ) { services, tenant in
            let before = try await services.store.mappingVersions(mapping: mappingID, tenant: tenant.id)
            let version = try await services.mappingPublisher.publish(document, file: name, mappingID: mappingID, tenant: tenant.id, actor: actor)
            return (version, before)
        }
        if printsJSON {
            AdminCommandSupport.printJSON(
                [
                    "mapping_id": .string(version.mappingID.rawValue), "version": .number(JSONNumber(version.version)),
                    "digest": .string(version.digest), "created_at": AdminJSON.timestamp(version.createdAt), "created_by": .string(version.createdBy),
                ],
                in: context
            )
        } else {
            context.standardOutput.writeLine(Self.summary(of: version, before: before, tenantSlug: tenantSlug))
        }
        return .ok
    }

    /// Builds the output line: the version stored, or, when one of the versions in `before` has the content, that nothing was added.
    static func summary(of version: MappingVersion, before: [MappingVersion], tenantSlug: String) -> String {
        let subject = "mapping \(version.mappingID) of tenant \(tenantSlug)"
        let digest = "digest \(version.digest.prefix(12))"
        guard let newest = before.last, before.contains(where: { $0.version == version.version }) else {
            return "\(subject): stored this content as version \(version.version) (\(digest))"
        }
        return "\(subject): this content is already stored as version \(version.version) (\(digest)); nothing was added; "
            + "the newest version is \(newest.version)"
    }

    /// Reads the file, or the default mapping of that name when no such file exists.
    private func readDocument(in context: CommandContext) throws(CommandError) -> (JSONValue, String) {
        var url = URL(fileURLWithPath: MappingCommandSupport.absolute(file, in: context))
        var name = file
        // An unreadable list of defaults means no default of that name; reading the path then reports the missing file.
        if !FileManager.default.fileExists(atPath: url.path), let entry = try? DefaultMappings.list().first(where: { $0.name == file }) {
            url = entry.url
            name = entry.repositoryPath
        }
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: url))
        } catch {
            throw .failure("read mapping \"\(file)\": \(error.localizedDescription)", hint: "check the path, or name a default mapping")
        }
        do throws(JSONParseError) {
            return (try JSONParser.parse(bytes), name)
        } catch {
            throw .invalidData("read mapping \"\(file)\": \(error)")
        }
    }
}
