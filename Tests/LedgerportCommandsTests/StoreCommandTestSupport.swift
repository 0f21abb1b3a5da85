import Foundation
import LedgerportCommands
import Testing

/// A data folder and master key for running the tenant and connection commands in this process.
struct StoreCommandWorld {
    let folder: TemporaryDirectory
    let masterKeyHex = String(repeating: "4a", count: 32)

    init() throws {
        folder = try TemporaryDirectory()
    }

    /// A world with the tenant `slug` already created.
    static func withTenant(_ slug: String = "acme") async throws -> StoreCommandWorld {
        let world = try StoreCommandWorld()
        let outcome = await world.run(["tenant", "create", slug])
        try #require(outcome.status == 0)
        return world
    }

    var dataDirectory: String { folder.path + "/data" }

    /// The environment of a run: the data folder, the user, and the master key unless `withKey` is false.
    func environment(withKey: Bool = true, key: String? = nil) -> [String: String] {
        var environment = ["LEDGERPORT_DATA_DIR": dataDirectory, "USER": "tester"]
        if withKey {
            environment["LEDGERPORT_MASTER_KEY"] = key ?? masterKeyHex
        }
        return environment
    }

    /// Runs `ledgerport <arguments>` with `input` as standard input.
    func run(_ arguments: [String], input: String = "", withKey: Bool = true, key: String? = nil) async -> CommandOutcome {
        let output = CapturedOutput()
        let error = CapturedOutput()
        let bytes = Array(input.utf8)
        let context = CommandContext(
            standardOutput: output, standardError: error, environment: environment(withKey: withKey, key: key),
            currentDirectory: Checkout.root, executablePath: nil, readStandardInput: { bytes })
        let status = await CommandRunner(root: LedgerportCommand.self).run(arguments, context: context)
        return CommandOutcome(status: status.rawValue, standardOutput: output.text, standardError: error.text)
    }

    /// Returns whether any file of the data folder contains `text`, such as a secret that must be stored encrypted.
    func dataFilesContain(_ text: String) throws -> Bool {
        let needle = Data(text.utf8)
        for name in try FileManager.default.contentsOfDirectory(atPath: dataDirectory) {
            let contents = try Data(contentsOf: URL(fileURLWithPath: dataDirectory + "/" + name))
            if contents.range(of: needle) != nil {
                return true
            }
        }
        return false
    }
}
