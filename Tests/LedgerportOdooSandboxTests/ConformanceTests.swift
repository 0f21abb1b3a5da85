import Foundation
import LedgerportOdooSandbox
import LedgerportSDK
import Testing

/// Replays the recordings of real Odoo 17.0 and 19.0 servers against the sandbox.
@Suite struct ConformanceTests {
    static let manifest = try! ConformanceManifest.load()

    @Test(arguments: manifest.scenarios.map(\.name))
    func scenario_matchesRecordings(_ name: String) throws {
        let scenario = try #require(Self.manifest.scenarios.first { $0.name == name })
        let replay = try ConformanceReplay(scenario: scenario)
        replay.run(scenario.steps)
        for mismatch in replay.mismatches {
            Issue.record("\(mismatch)")
        }
    }

    @Test func everyRecording_isReplayedOrSkippedWithReason() throws {
        let replayed = Self.manifest.replayedRecordings
        for name in try ConformanceManifest.fixtureNames() {
            let reason = Self.manifest.skipped[name]
            #expect(replayed.contains(name) || !(reason ?? "").isEmpty, "\(name) is neither replayed nor skipped with a reason")
            if replayed.contains(name) {
                #expect(reason == nil, "\(name) is both replayed and skipped")
            }
        }
    }
}
