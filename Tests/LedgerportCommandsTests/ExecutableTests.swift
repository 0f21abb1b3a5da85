import Foundation
import LedgerportChildProcess
import Testing

/// Runs the built `ledgerport` executable as a child process, as a user would.
@Suite struct ExecutableTests {
    /// The executable beside the test bundle; SwiftPM builds it because the test target depends on it.
    static let executable: String = {
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        // On Linux the tests run in <build>/LedgerportPackageTests.xctest; on macOS inside a bundle.
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("ledgerport").path), folder.path != "/" {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("ledgerport").path
    }()

    /// Runs the executable with `arguments` in `currentDirectory` and waits for it to exit.
    private func run(_ arguments: [String], currentDirectory: String = Checkout.root) async throws -> CommandOutcome {
        let folder = try TemporaryDirectory()
        let outputPath = folder.path + "/stdout"
        let errorPath = folder.path + "/stderr"
        try #require(FileManager.default.createFile(atPath: outputPath, contents: nil))
        try #require(FileManager.default.createFile(atPath: errorPath, contents: nil))

        // Output goes to files rather than pipes, so a large output cannot block the child.
        let process = try ChildProcess.spawn(
            Self.executable, arguments: arguments, environment: ["PATH": "/usr/bin:/bin"], currentDirectory: currentDirectory,
            standardOutput: try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath)),
            standardError: try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath)))
        await process.exited()
        return CommandOutcome(
            status: process.isRunning ? -1 : process.terminationStatus,
            standardOutput: try String(contentsOfFile: outputPath, encoding: .utf8),
            standardError: try String(contentsOfFile: errorPath, encoding: .utf8)
        )
    }

    @Test func executable_exists() {
        #expect(FileManager.default.isExecutableFile(atPath: Self.executable), "build the ledgerport product first: \(Self.executable)")
    }

    @Test func version_exitsZero() async throws {
        let outcome = try await run(["version"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput == "ledgerport 0.1.0 (connector spec format 1)\n")
    }

    @Test func validateRepositorySpecs_exitsZero() async throws {
        let outcome = try await run(["spec", "validate", "connector-specs"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.hasSuffix("3 files checked, all valid\n"))
    }

    @Test func validateBadSpec_exits65() async throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write("{\"id\": \"stripe\", \"version\": \"1.0.0\"}", to: "stripe/1.0.0.json")
        let outcome = try await run(["spec", "validate", file])
        #expect(outcome.status == 65)
        #expect(outcome.standardError.contains("\(file): (root): required property \"kind\" is missing; add the required property \"kind\""))
    }

    @Test func specsFoundFromExecutableFolder_outsideCheckout() async throws {
        // Run from a folder without connector-specs: the executable's checkout supplies them.
        let folder = try TemporaryDirectory()
        let outcome = try await run(["spec", "list", "--json"], currentDirectory: folder.path)
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.contains("\"id\": \"odoo\""))
    }

    @Test func unknownCommand_exits64() async throws {
        let outcome = try await run(["frobnicate"])
        #expect(outcome.status == 64)
        #expect(outcome.standardError.hasPrefix("error: unknown command \"frobnicate\" for \"ledgerport\""))
    }

    @Test func help_matchesSnapshot() async throws {
        let outcome = try await run(["spec", "validate", "--help"])
        #expect(outcome.status == 0)
        let snapshot = try String(contentsOfFile: Checkout.helpSnapshots + "/ledgerport_spec_validate.txt", encoding: .utf8)
        #expect(outcome.standardOutput == snapshot)
    }
}
