import LedgerportCore
import LedgerportStore

/// The `--specs <dir>` option shared by the commands that read connector specs.
enum SpecsOption {
    static let name = "specs"

    static let definition = ArgumentDefinition.option(
        name, value: "dir",
        help: "The connector-specs folder, containing connector-spec.schema.json. Default: $LEDGERPORT_SPECS_DIR, then ./connector-specs, then a connector-specs folder above the executable."
    )

    /// Finds the specs folder for `context`, or throws the error a command reports.
    ///
    /// A folder named by `--specs` that does not qualify is a usage error (64);
    /// any other failure to find the folder is a failure (1).
    static func locate(_ option: String?, in context: CommandContext) throws(CommandError) -> SpecsDirectory {
        do throws(SpecsDirectoryError) {
            return try SpecsDirectory.locate(
                option: option, environment: context.environment,
                currentDirectory: context.currentDirectory, executablePath: context.executablePath
            )
        } catch {
            if case .invalid(_, .option) = error {
                throw .usage(error.description)
            }
            throw .failure(error.description)
        }
    }

    /// Loads the spec of an existing connection's connector, or fails naming the folder it looked in.
    ///
    /// - Parameter operation: what the command was doing, such as `configure connection "odoo-main"`, for the message.
    static func spec(for connection: Connection, option: String?, in context: CommandContext, operation: String) throws(CommandError)
        -> ConnectorSpec
    {
        let directory = try locate(option, in: context)
        let result = try loader(for: directory).loadDirectory(directory.path)
        guard
            let spec = result.specs.first(where: { $0.spec.id == connection.connectorID && $0.spec.version == connection.connectorVersion })?.spec
        else {
            throw .failure(
                "\(operation): no connector spec \(connection.connectorID)@\(connection.connectorVersion) in \"\(directory.path)\"",
                hint: "pass --specs with the folder the connection was created with")
        }
        return spec
    }

    /// Loads the spec schema of a specs folder, or throws the error a command reports.
    static func loader(for directory: SpecsDirectory) throws(CommandError) -> SpecLoader {
        do throws(SpecLoaderError) {
            return try SpecLoader(specsDirectory: directory.path)
        } catch {
            throw .failure(error.description)
        }
    }
}
