import Foundation
import LedgerportSDK
import Testing

/// `ledgerport serve` logs why it stops and when it has stopped, and exits 0 on SIGTERM.
@Suite(.serialized) struct ServeShutdownTests {
    @Test func sigterm_logsStoppingAndStopped() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ledgerport-shutdown-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let setup = try await SystemHarness.openRuntime(folder: folder)
        await setup.store.close()

        let serve = try await ServeProcess.start(folder: folder, run: 1, logLevel: "info")
        serve.stop()
        let lines = try String(contentsOfFile: serve.errorPath, encoding: .utf8).split(separator: "\n").map { try JSONParser.parse(Array($0.utf8)) }
        let stopping = lines.first { $0["msg"]?.stringValue?.hasPrefix("stopping") == true }

        #expect(serve.process.terminationStatus == 0)
        #expect(stopping?["signal"] == "SIGTERM")
        #expect(lines.last?["msg"] == "stopped")
    }
}
