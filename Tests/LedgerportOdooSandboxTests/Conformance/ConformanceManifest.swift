import Foundation
import LedgerportSDK

/// The replay plan: scenarios of recordings in the order they were made, and the recordings left out with their reason.
///
/// A scenario runs on a fresh sandbox with the pristine data of its Odoo
/// version and the recorded database name. Recordings depend on records made
/// earlier in the same session, so each scenario replays them in order. Where
/// the recorded session made records without recording the call (an XML-RPC
/// call, a step the recorder did not keep), a `setup` step makes equivalent
/// records first and gives the reason.
struct ConformanceManifest {
    struct Scenario {
        let name: String
        let version: String
        let database: String
        let steps: [JSONValue]
    }

    let scenarios: [Scenario]
    /// Recording name → why it is not replayed.
    let skipped: [String: String]

    static func load() throws -> ConformanceManifest {
        let data = try Data(contentsOf: Recording.fixtures.appendingPathComponent("conformance.json"))
        let document = try JSONParser.parse(Array(data))
        let scenarios = (document["scenarios"]?.arrayValue ?? []).map { scenario in
            Scenario(
                name: scenario["name"]?.stringValue ?? "", version: scenario["version"]?.stringValue ?? "17.0",
                database: scenario["database"]?.stringValue ?? "revops", steps: scenario["steps"]?.arrayValue ?? []
            )
        }
        var skipped: [String: String] = [:]
        for entry in document["skipped"]?.arrayValue ?? [] {
            if let name = entry["recording"]?.stringValue {
                skipped[name] = entry["reason"]?.stringValue ?? ""
            }
        }
        return ConformanceManifest(scenarios: scenarios, skipped: skipped)
    }

    /// Every recording some scenario replays.
    var replayedRecordings: Set<String> {
        Set(scenarios.flatMap { $0.steps.compactMap { $0["replay"]?.stringValue } })
    }

    /// Lists every JSON recording in the fixtures, as `folder/name`.
    static func fixtureNames() throws -> [String] {
        var names: [String] = []
        for folder in ["odoo", "odoo-extra", "odoo19-json2"] {
            let files = try FileManager.default.contentsOfDirectory(atPath: Recording.fixtures.appendingPathComponent(folder).path)
            names += files.filter { $0.hasSuffix(".json") }.map { "\(folder)/\($0.dropLast(5))" }
        }
        return names.sorted()
    }
}
