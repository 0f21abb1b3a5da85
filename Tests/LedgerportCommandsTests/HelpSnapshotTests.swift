import Foundation
import LedgerportCommands
import Testing

/// The help of every command and group is stored in Fixtures/help, one file per command.
///
/// A change to help text fails here until the snapshot is updated, so help
/// never changes by accident. To update the snapshots after a deliberate
/// change, run `LEDGERPORT_RECORD_HELP=1 swift test --filter HelpSnapshotTests`
/// and review the diff.
@Suite struct HelpSnapshotTests {
    /// Every command path in the tree, such as `["ledgerport", "spec", "validate"]`.
    static let commandPaths: [[String]] = {
        var paths: [[String]] = []
        func visit(_ node: any CommandNode.Type, path: [String]) {
            paths.append(path)
            if let group = node as? any CommandGroup.Type {
                for child in group.subcommands {
                    visit(child, path: path + [child.help.name])
                }
            }
        }
        visit(LedgerportCommand.self, path: ["ledgerport"])
        return paths
    }()

    static let isRecording = ProcessInfo.processInfo.environment["LEDGERPORT_RECORD_HELP"] == "1"

    private func snapshotPath(_ path: [String]) -> String {
        "\(Checkout.helpSnapshots)/\(path.joined(separator: "_")).txt"
    }

    @Test(arguments: commandPaths)
    func help_matchesSnapshot(path: [String]) async throws {
        let outcome = await runCommand(Array(path.dropFirst()) + ["--help"])
        #expect(outcome.status == 0)
        #expect(outcome.standardError == "")

        let file = snapshotPath(path)
        if Self.isRecording {
            try outcome.standardOutput.write(toFile: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try #require(
            try? String(contentsOfFile: file, encoding: .utf8),
            "no help snapshot at \(file); record it with LEDGERPORT_RECORD_HELP=1 swift test --filter HelpSnapshotTests"
        )
        #expect(outcome.standardOutput == expected, "help of \"\(path.joined(separator: " "))\" changed; update \(file) if the change is deliberate")
    }

    @Test func snapshots_haveNoStaleFiles() throws {
        let expected = Set(Self.commandPaths.map { "\($0.joined(separator: "_")).txt" })
        let present = Set(try FileManager.default.contentsOfDirectory(atPath: Checkout.helpSnapshots))
        #expect(present.subtracting(expected).sorted() == [], "snapshot files without a command; delete them")
    }

    @Test(arguments: commandPaths)
    func help_fitsEightyColumns(path: [String]) async {
        let outcome = await runCommand(Array(path.dropFirst()) + ["-h"])
        let wide = outcome.standardOutput.split(separator: "\n").filter { $0.count > 80 }
        #expect(wide == [])
    }

    @Test(arguments: commandPaths)
    func help_hasNoLoneContinuationLine(path: [String]) async {
        let outcome = await runCommand(Array(path.dropFirst()) + ["--help"])
        let lone = outcome.standardOutput.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces) == "\\" }
        #expect(lone == [])
    }

    /// The words a sentence cannot end with; an exit status ending in one was cut off.
    static let danglingWords: Set<String> = ["a", "an", "and", "are", "by", "for", "is", "of", "or", "the", "to", "with"]

    @Test(arguments: commandPaths)
    func exitStatuses_endInWholeSentences(path: [String]) throws {
        let node = try #require(Self.node(at: path))
        for (code, meaning) in node.help.exitStatuses {
            let last = meaning.split(separator: " ").last.map { String($0).lowercased() } ?? ""
            #expect(!Self.danglingWords.contains(last), "exit status \(code) of \"\(path.joined(separator: " "))\" ends with \"\(last)\"")
        }
    }

    @Test func rootHelp_listsEveryExitStatus() async {
        let outcome = await runCommand(["--help"])
        let section = outcome.standardOutput.components(separatedBy: "Exit status:\n").last ?? ""
        let codes = section.split(separator: "\n").compactMap { $0.split(separator: " ").first.flatMap { Int($0) } }
        #expect(codes == [0, 1, 64, 65])
    }

    /// Finds the command or group at `path` in the command tree.
    static func node(at path: [String]) -> (any CommandNode.Type)? {
        var node: any CommandNode.Type = LedgerportCommand.self
        for name in path.dropFirst() {
            guard let group = node as? any CommandGroup.Type, let child = group.subcommands.first(where: { $0.help.name == name }) else {
                return nil
            }
            node = child
        }
        return node
    }

    @Test(arguments: commandPaths)
    func help_hasExamples(path: [String]) async {
        let outcome = await runCommand(Array(path.dropFirst()) + ["--help"])
        #expect(outcome.standardOutput.contains("\nExamples:\n  ledgerport"))
    }
}
