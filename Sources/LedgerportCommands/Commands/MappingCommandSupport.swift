import Foundation
import LedgerportCore
import LedgerportMapping
import LedgerportSDK

/// The options and steps the `ledgerport mapping` commands share.
enum MappingCommandSupport {
    static let timeZoneDefinition = ArgumentDefinition.option(
        "time-zone", value: "zone", help: "The tenant's IANA time zone, in which instants become dates. Default: UTC."
    )
    static let tenantDefinition = ArgumentDefinition.option(
        "tenant", value: "id", help: "The tenant id that mappings read as context.tenant_id. Default: dry_run."
    )
    static let lookupsDefinition = ArgumentDefinition.option(
        "lookups", value: "file",
        help: "A JSON file of tenant lookup entries, {\"<table>\": {\"<key>\": <value>}}, used before the mapping's own entries."
    )
    static let eventDefinition = ArgumentDefinition.option(
        "event", value: "file", help: "An event file: a canonical event, a list of them, or a source's native payload. More files may follow it."
    )
    static let moreEventsDefinition = ArgumentDefinition.positional("more-events", required: false, repeating: true, help: "Further event files.")

    /// Collects the event files of `--event` and the positionals after it; none at all is a usage error.
    static func eventFiles(_ arguments: ParsedArguments) throws(CommandError) -> [String] {
        let files = (arguments.option("event").map { [$0] } ?? []) + arguments.positionalList("more-events")
        guard !files.isEmpty else {
            throw .usage("no event file given", hint: "name at least one with --event <file>")
        }
        return files
    }

    /// Loads the validation environment of the specs folder, and prints the problems of the specs it leaves out as warnings.
    static func environment(specsOption: String?, in context: CommandContext) throws(CommandError) -> LoadedValidationEnvironment {
        let directory = try SpecsOption.locate(specsOption, in: context)
        let loaded: LoadedValidationEnvironment
        do {
            loaded = try ValidationEnvironment.load(specsDirectory: directory.path)
        } catch {
            throw .failure("load connector specs from \(directory.path): \(error)", hint: "run \"ledgerport spec validate \(directory.path)\"")
        }
        for problem in loaded.problems {
            context.standardError.writeLine("warning: spec left out: \(problem)")
        }
        return loaded
    }

    /// Loads a mapping from a file, or the default mapping of that name when no such file exists.
    static func mapping(_ argument: String, environment: ValidationEnvironment, in context: CommandContext) throws(CommandError) -> Mapping {
        let path = absolute(argument, in: context)
        var url = URL(fileURLWithPath: path)
        var file = argument
        if !FileManager.default.fileExists(atPath: path), let entry = defaultEntry(named: argument) {
            url = entry.url
            file = entry.repositoryPath
        }
        do throws(MappingValidationError) {
            return try Mapping.load(contentsOf: url, file: file, environment: environment)
        } catch {
            throw .invalidData(error.description, hint: "fix each place shown, then run \"ledgerport mapping validate \(argument)\"")
        }
    }

    /// Reads the event files; the translators turn native payloads into canonical events.
    static func events(_ files: [String], in context: CommandContext) async throws(CommandError) -> [EventDocument] {
        var documents = [EventDocument]()
        for file in files {
            do throws(EventFileError) {
                documents += try await EventFileReader.read(URL(fileURLWithPath: absolute(file, in: context)), name: file, translators: translators)
            } catch {
                throw .invalidData(error.description)
            }
        }
        return documents
    }

    /// The translators of the source connectors that can translate offline.
    ///
    /// HubSpot's webhooks carry only a property change, and its connector fetches the
    /// deal from the CRM API, so a dry run takes HubSpot events in their canonical form.
    static let translators: [any NativeEventTranslator] = [StripeDryRunTranslator()]

    /// Builds the evaluation context from `--tenant`, `--time-zone` and `--lookups`.
    static func evaluationContext(_ arguments: ParsedArguments, in context: CommandContext) throws(CommandError) -> EvaluationContext {
        let zone = arguments.option("time-zone") ?? "UTC"
        guard let timeZone = TimeZone(identifier: zone) else {
            throw .usage("time zone \"\(zone)\" is not an IANA time zone", hint: "write one such as Europe/Berlin or UTC")
        }
        var overrides = [String: [String: JSONValue]]()
        if let file = arguments.option("lookups") {
            overrides = try lookupOverrides(absolute(file, in: context))
        }
        return EvaluationContext(tenantID: arguments.option("tenant") ?? "dry_run", timeZone: timeZone, lookupOverrides: overrides)
    }

    private static func lookupOverrides(_ path: String) throws(CommandError) -> [String: [String: JSONValue]] {
        let document: JSONValue
        do {
            document = try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        } catch {
            throw .invalidData("read lookups \(path): \(error)", hint: "write {\"<table>\": {\"<key>\": <value>}}")
        }
        var overrides = [String: [String: JSONValue]]()
        for (table, entries) in document.objectValue ?? [:] {
            guard let entries = entries.objectValue else {
                throw .invalidData("read lookups \(path): table \"\(table)\" is not an object of entries", hint: "write {\"\(table)\": {\"<key>\": <value>}}")
            }
            overrides[table] = entries.dictionary
        }
        return overrides
    }

    private static func defaultEntry(named name: String) -> DefaultMappings.Entry? {
        // Without readable defaults the argument is treated as a file path, and reading it reports the error.
        (try? DefaultMappings.list())?.first { $0.name == name }
    }

    /// `path` resolved against the command's working directory.
    static func absolute(_ path: String, in context: CommandContext) -> String {
        path.hasPrefix("/") ? path : (context.currentDirectory as NSString).appendingPathComponent(path)
    }
}
