import LedgerportCore

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

    /// Loads the spec schema of a specs folder, or throws the error a command reports.
    static func loader(for directory: SpecsDirectory) throws(CommandError) -> SpecLoader {
        do throws(SpecLoaderError) {
            return try SpecLoader(specsDirectory: directory.path)
        } catch {
            throw .failure(error.description)
        }
    }
}
