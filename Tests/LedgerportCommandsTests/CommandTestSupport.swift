import Foundation
import LedgerportCommands
import Testing

/// Paths of the checkout the tests run in.
enum Checkout {
    /// The repository root, three folders above this file.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let specsDirectory = root + "/connector-specs"
    static let helpSnapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/help").path
}

/// The outcome of one command run: exit status and everything written to each stream.
struct CommandOutcome {
    let status: Int32
    let standardOutput: String
    let standardError: String
}

/// Runs `ledgerport <arguments>` in this process, with output captured.
///
/// The working directory is the checkout root unless given, so `connector-specs` is found
/// there. The environment is empty unless given, so the developer's own variables never leak in.
func runCommand(_ arguments: [String], environment: [String: String] = [:], currentDirectory: String = Checkout.root) async -> CommandOutcome {
    let output = CapturedOutput()
    let error = CapturedOutput()
    let context = CommandContext(
        standardOutput: output, standardError: error, environment: environment,
        currentDirectory: currentDirectory, executablePath: nil
    )
    let status = await CommandRunner(root: LedgerportCommand.self).run(arguments, context: context)
    return CommandOutcome(status: status.rawValue, standardOutput: output.text, standardError: error.text)
}

/// A fresh temporary folder, removed when the value is released.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "ledgerport-cli-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        // Best effort: a leftover temporary folder does not affect other tests.
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Writes `text` to `relativePath` below this folder and returns the full path.
    @discardableResult
    func write(_ text: String, to relativePath: String) throws -> String {
        let full = path + "/" + relativePath
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: full, atomically: true, encoding: .utf8)
        return full
    }
}

/// The repository's spec of `id` version 1.0.0 as text.
func repositorySpecText(_ id: String) throws -> String {
    try String(contentsOfFile: "\(Checkout.specsDirectory)/\(id)/1.0.0.json", encoding: .utf8)
}
