import Foundation
import LedgerportHTTPClient
import LedgerportSDK
import Testing

/// The `# HELP` text of `/metrics` names only labels the samples carry.
@Suite(.serialized)
struct MetricsHelpTests {
    /// Returns the label names a HELP text lists after ", by ": `"Parked, by tenant and reason."` gives `["tenant", "reason"]`.
    private func helpLabels(_ help: String) -> [String] {
        guard let range = help.range(of: ", by ", options: .backwards) else {
            return []
        }
        let list = help[range.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: "."))
        return list.replacingOccurrences(of: " and ", with: ", ").components(separatedBy: ", ")
    }

    /// Returns the label names of a sample line such as `name{a="1",b="2"} 3`.
    private func sampleLabels(_ line: Substring) -> Set<String> {
        guard let open = line.firstIndex(of: "{"), let close = line.firstIndex(of: "}") else {
            return []
        }
        let pairs = line[line.index(after: open)..<close].split(separator: ",")
        return Set(pairs.compactMap { $0.split(separator: "=").first.map(String.init) }).subtracting(["le"])
    }

    @Test func help_namesOnlyLabelsOfItsSamples() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            harness.failNextPartnerCalls(1)
            try await harness.postCustomerCreated(acme, customerID: "cus_M1", eventID: "evt_M1")
            try await harness.postCustomerCreated(acme, customerID: "cus_M2", eventID: "evt_M2")
            try await harness.postFixture("product.created.json", to: acme)
            try await harness.waitForIdle(acme.tenant.id)

            let operatorToken = try await harness.token(tenant: nil, role: .operator_, name: "ops@example.com")
            let response = try await harness.getMetrics(token: operatorToken)
            let lines = String(decoding: response.body, as: UTF8.self).split(separator: "\n")
            var helps: [String: String] = [:]
            var labels: [String: Set<String>] = [:]
            for line in lines {
                if line.hasPrefix("# HELP ") {
                    let parts = line.dropFirst("# HELP ".count).split(separator: " ", maxSplits: 1)
                    helps[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
                } else if !line.hasPrefix("#"), let name = line.split(separator: "{").first {
                    let family = String(name).replacingOccurrences(of: "_bucket", with: "").replacingOccurrences(of: "_count", with: "")
                        .replacingOccurrences(of: "_sum", with: "")
                    labels[family, default: []].formUnion(sampleLabels(line))
                }
            }

            let withoutFlow = try #require(helps["ledgerport_events_without_flow_total"])
            #expect(helpLabels(withoutFlow) == ["tenant", "connection", "event_type"])
            let targetOperations = try #require(helps["ledgerport_target_operations_total"])
            #expect(helpLabels(targetOperations) == ["tenant", "model", "effect"])
            let unrouted = lines.filter { $0.hasPrefix("ledgerport_events_without_flow_total{") }
            #expect(unrouted == [#"ledgerport_events_without_flow_total{connection="stripe-main",event_type="product.created",tenant="acme"} 1"#])
            for (family, help) in helps {
                guard let used = labels[family], !used.isEmpty else {
                    continue
                }
                for label in helpLabels(help) {
                    #expect(used.contains(label), "HELP of \(family) names the label \"\(label)\", which its samples lack: \(used.sorted())")
                }
            }
        }
    }
}
