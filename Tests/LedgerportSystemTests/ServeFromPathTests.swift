import Foundation
import Testing

/// `ledgerport serve` started by its bare name from `PATH` finds the connector specs from its own location.
@Suite(.serialized)
struct ServeFromPathTests {
    @Test func serveFromPath_findsSpecsBesideExecutable() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ledgerport-path-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let setup = try await SystemHarness.openRuntime(folder: folder)
        await setup.store.close()

        let serve = try await ServeProcess.start(folder: folder, run: 1, logLevel: "info", throughPath: true)
        defer { serve.stop() }

        let log = (try? String(contentsOfFile: serve.errorPath, encoding: .utf8)) ?? ""

        #expect(serve.port > 0)
        #expect(serve.process.isRunning)
        #expect(log.contains(#""specs.found_through":"above the executable""#), "\(log.prefix(2_000))")
    }
}
