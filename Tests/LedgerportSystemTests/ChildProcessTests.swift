import Foundation
import LedgerportChildProcess
import Testing

/// ``ChildProcess`` starts, reaps and stops children without Foundation's `Process`.
@Suite struct ChildProcessTests {
    @Test func exitCode_isReported() throws {
        let child = try ChildProcess.spawn("/bin/sh", arguments: ["-c", "exit 3"])

        child.waitUntilExit()

        #expect(!child.isRunning)
        #expect(child.terminationStatus == 3)
    }

    @Test func terminate_stopsRunningChild() throws {
        let child = try ChildProcess.spawn("/bin/sleep", arguments: ["30"])
        let runningBefore = child.isRunning

        child.terminate()
        child.waitUntilExit()

        #expect(runningBefore)
        #expect(!child.isRunning)
        #expect(child.terminationStatus == SIGTERM)
    }

    @Test func output_goesToGivenHandleAndOtherDescriptorsAreClosed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ledgerport-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outputPath = folder.appendingPathComponent("out").path
        try #require(FileManager.default.createFile(atPath: outputPath, contents: nil))
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        // A descriptor of the parent without close-on-exec, which the child must not inherit.
        let open = Foundation.open(outputPath, O_RDONLY)
        defer { close(open) }

        let child = try ChildProcess.spawn(
            "/bin/sh", arguments: ["-c", "ls /proc/self/fd"], currentDirectory: folder.path, standardOutput: output)
        child.waitUntilExit()
        try output.close()
        let descriptors = try String(contentsOfFile: outputPath, encoding: .utf8).split(separator: "\n")

        #expect(child.terminationStatus == 0)
        #expect(!descriptors.contains(Substring(String(open))), "\(descriptors)")
    }
}
