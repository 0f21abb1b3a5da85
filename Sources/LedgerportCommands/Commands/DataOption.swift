import Foundation
import LedgerportLog
import LedgerportSDK
import LedgerportSQLite
import LedgerportStore
import LedgerportStoreSQLite

/// The `--data <dir>` option and the store it opens, shared by the tenant and connection commands.
///
/// The folder contains `ledgerport.sqlite`, the same file `ledgerport serve`
/// uses. It is found from `--data`, then `$LEDGERPORT_DATA_DIR`, then
/// `./ledgerport-data`; a relative path is taken from the working directory.
enum DataOption {
    static let name = "data"
    static let environmentVariable = "LEDGERPORT_DATA_DIR"
    static let defaultDirectory = "ledgerport-data"

    static let definition = ArgumentDefinition.option(
        name, value: "dir",
        help: "The data folder containing ledgerport.sqlite. Default: $LEDGERPORT_DATA_DIR, then ./ledgerport-data."
    )

    /// Returns the absolute path of the data folder for `option` in `context`.
    static func directory(_ option: String?, in context: CommandContext) -> String {
        let chosen = option ?? context.environment[environmentVariable].flatMap { $0.isEmpty ? nil : $0 } ?? defaultDirectory
        guard !chosen.hasPrefix("/") else {
            return chosen
        }
        return URL(fileURLWithPath: context.currentDirectory).appendingPathComponent(chosen).standardizedFileURL.path
    }

    /// Opens the store of the data folder, runs `body` with it and closes it, also when `body` throws.
    ///
    /// - Parameter creating: whether a missing folder and database are created
    ///   (true for `tenant create`); otherwise a missing database is an error.
    /// - Throws: ``CommandError`` (status 1) when the database is missing or
    ///   cannot be opened; whatever `body` throws.
    static func withStore<Value>(
        _ option: String?, in context: CommandContext, creating: Bool, _ body: (SQLiteStore) async throws -> Value
    ) async throws -> Value {
        let folder = directory(option, in: context)
        let path = URL(fileURLWithPath: folder).appendingPathComponent(SQLiteStore.fileName).path
        try prepare(folder: folder, database: path, creating: creating)

        let store: SQLiteStore
        do {
            store = try await SQLiteStore.open(SQLiteConfiguration(path: path, readerCount: 1), clock: SystemClock(), logger: .disabled)
        } catch let error as StoreError {
            throw CommandError.failure(error.message, hint: error.hint)
        }
        do {
            let value = try await body(store)
            await store.close()
            return value
        } catch {
            await store.close()
            throw error
        }
    }

    private static func prepare(folder: String, database: String, creating: Bool) throws(CommandError) {
        if FileManager.default.fileExists(atPath: database) {
            return
        }
        guard creating else {
            throw .failure(
                "open database \"\(database)\": not found",
                hint: "create a tenant first with \"ledgerport tenant create\", or name the data folder with --data or $\(environmentVariable)")
        }
        do {
            try DataFolder.create(atPath: folder)
        } catch {
            throw .failure("create data folder \"\(folder)\": \(error.localizedDescription)", hint: "check the path and its permissions")
        }
    }
}
