import Testing
import LedgerportRuntime

@Suite struct MetricsRegistryTests {
    @Test func exposition_rendersCountersAndHistograms() {
        let registry = MetricsRegistry()
        registry.declare("ledgerport_events_received_total", kind: .counter, help: "Webhook events accepted.")
        registry.declare("ledgerport_delivery_seconds", kind: .histogram, help: "Time from receipt to delivery.", buckets: [0.1, 1])
        registry.increment("ledgerport_events_received_total", labels: ["tenant": "acme"])
        registry.increment("ledgerport_events_received_total", labels: ["tenant": "acme"])
        registry.observe("ledgerport_delivery_seconds", labels: ["flow": "invoices"], value: 0.5)

        let text = registry.exposition()
        #expect(text.contains("# TYPE ledgerport_events_received_total counter"))
        #expect(text.contains("ledgerport_events_received_total{tenant=\"acme\"} 2"))
        #expect(text.contains("ledgerport_delivery_seconds_bucket{flow=\"invoices\",le=\"0.1\"} 0"))
        #expect(text.contains("ledgerport_delivery_seconds_bucket{flow=\"invoices\",le=\"1\"} 1"))
        #expect(text.contains("ledgerport_delivery_seconds_bucket{flow=\"invoices\",le=\"+Inf\"} 1"))
        #expect(text.contains("ledgerport_delivery_seconds_count{flow=\"invoices\"} 1"))
    }

    @Test func labelValues_areEscaped() {
        let registry = MetricsRegistry()
        registry.declare("ledgerport_test_total", kind: .counter, help: "Test.")
        registry.increment("ledgerport_test_total", labels: ["reason": "a \"quoted\"\nvalue"])
        #expect(registry.exposition().contains(#"reason="a \"quoted\"\nvalue""#))
    }

    @Test func histogramCounts_reportShareWithinBound() {
        let registry = MetricsRegistry()
        registry.declare("ledgerport_delivery_seconds", kind: .histogram, help: "Latency.", buckets: [1, 60])
        for value in [0.5, 2, 30, 90] {
            registry.observe("ledgerport_delivery_seconds", value: value)
        }
        let counts = registry.histogramCounts("ledgerport_delivery_seconds", atOrBelow: 60)
        #expect(counts.total == 4)
        #expect(counts.withinBound == 3)
    }

    @Test func observeMany_matchesOneByOne() {
        let single = MetricsRegistry()
        let batched = MetricsRegistry()
        for registry in [single, batched] {
            registry.declare("ledgerport_delivery_seconds", kind: .histogram, help: "Latency.", buckets: [1, 60])
        }
        let values = [0.5, 2, 30, 90]

        for value in values {
            single.observe("ledgerport_delivery_seconds", labels: ["flow": "invoices"], value: value)
        }
        batched.observe("ledgerport_delivery_seconds", labels: ["flow": "invoices"], values: values)
        batched.observe("ledgerport_delivery_seconds", labels: ["flow": "refunds"], values: [Double]())

        #expect(batched.exposition() == single.exposition())
        #expect(batched.histogramCounts("ledgerport_delivery_seconds", labels: ["flow": "invoices"], atOrBelow: 60) == (total: 4, withinBound: 3))
    }

    @Test func labelLiterals_sortByNameAndKeepTheLastValue() {
        let literal: MetricLabels = ["tenant": "acme", "flow": "invoices", "connection": "odoo"]
        let fromDictionary = MetricLabels(["connection": "odoo", "flow": "invoices", "tenant": "acme"])

        #expect(literal == fromDictionary)
        #expect(literal.pairs.map(\.name) == ["connection", "flow", "tenant"])
        #expect(literal.rendered() == #"{connection="odoo",flow="invoices",tenant="acme"}"#)
    }
}
