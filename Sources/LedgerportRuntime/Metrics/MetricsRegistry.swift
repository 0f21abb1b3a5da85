import Foundation

/// Counters, gauges and histograms, exposed in the Prometheus text format (version 0.0.4).
///
/// Metric names follow Prometheus conventions (`ledgerport_events_received_total`,
/// seconds for durations). Each metric is declared once with its help text
/// and kind; recording to an undeclared name is a programming error.
/// Thread-safe; recording costs one lock and a dictionary update.
package final class MetricsRegistry: @unchecked Sendable {
    package enum Kind: String, Sendable {
        case counter
        case gauge
        case histogram
    }

    private struct Family {
        let help: String
        let kind: Kind
        let buckets: [Double]
        var values: [MetricLabels: Double] = [:]
        var histograms: [MetricLabels: HistogramState] = [:]
    }

    private struct HistogramState {
        var bucketCounts: [UInt64]
        var count: UInt64 = 0
        var sum: Double = 0

        mutating func record(_ values: some Collection<Double>, buckets: [Double]) {
            for value in values {
                for (index, bound) in buckets.enumerated() where value <= bound {
                    bucketCounts[index] += 1
                }
                count += 1
                sum += value
            }
        }
    }

    private let lock = NSLock()
    private var families: [String: Family] = [:]

    package init() {}

    /// Default latency buckets in seconds, from 1 ms to 2 minutes.
    package static let latencyBuckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120]

    /// Declares a metric; declaring the same name again with the same kind is allowed and keeps the first.
    package func declare(_ name: String, kind: Kind, help: String, buckets: [Double] = MetricsRegistry.latencyBuckets) {
        lock.withLock {
            if let existing = families[name] {
                precondition(existing.kind == kind, "metric \(name) declared as \(existing.kind) and \(kind)")
                return
            }
            families[name] = Family(help: help, kind: kind, buckets: buckets.sorted())
        }
    }

    /// Adds `amount` to a counter (or a gauge).
    ///
    /// Every update goes through the `families` subscript, so each family's series dictionary
    /// is changed in place. Copying the family out first would copy all its series on every call.
    package func increment(_ name: String, labels: MetricLabels = .none, by amount: Double = 1) {
        lock.withLock {
            guard let kind = families[name]?.kind else {
                preconditionFailure("metric \(name) is not declared")
            }
            precondition(kind != .histogram, "use observe() for histogram \(name)")
            families[name]?.values[labels, default: 0] += amount
        }
    }

    /// Sets a gauge.
    package func set(_ name: String, labels: MetricLabels = .none, to value: Double) {
        lock.withLock {
            guard families[name]?.kind == .gauge else {
                preconditionFailure("gauge \(name) is not declared")
            }
            families[name]?.values[labels] = value
        }
    }

    /// Records one observation in a histogram.
    package func observe(_ name: String, labels: MetricLabels = .none, value: Double) {
        observe(name, labels: labels, values: CollectionOfOne(value))
    }

    /// Records several observations in one series of a histogram, finding the series once.
    package func observe(_ name: String, labels: MetricLabels = .none, values: some Collection<Double>) {
        guard !values.isEmpty else {
            return
        }
        lock.withLock {
            guard let buckets = families[name].flatMap({ $0.kind == .histogram ? $0.buckets : nil }) else {
                preconditionFailure("histogram \(name) is not declared")
            }
            families[name]?.histograms[labels, default: HistogramState(bucketCounts: Array(repeating: 0, count: buckets.count))]
                .record(values, buckets: buckets)
        }
    }

    /// The current value of a counter or gauge series, or 0 when it was never recorded.
    package func value(_ name: String, labels: MetricLabels = .none) -> Double {
        lock.withLock { families[name]?.values[labels] ?? 0 }
    }

    /// The number of observations and the count at or below `bound` of a histogram series.
    package func histogramCounts(_ name: String, labels: MetricLabels = .none, atOrBelow bound: Double) -> (total: UInt64, withinBound: UInt64) {
        lock.withLock {
            guard let family = families[name], let state = family.histograms[labels] else {
                return (0, 0)
            }
            let index = family.buckets.firstIndex { $0 >= bound }
            return (state.count, index.map { state.bucketCounts[$0] } ?? state.count)
        }
    }

    /// Every series in the Prometheus text exposition format, families sorted by name.
    package func exposition() -> String {
        let snapshot = lock.withLock { families }
        var lines = [String]()
        for name in snapshot.keys.sorted() {
            let family = snapshot[name]!
            lines.append("# HELP \(name) \(family.help)")
            lines.append("# TYPE \(name) \(family.kind.rawValue)")
            if family.kind == .histogram {
                appendHistogram(name: name, family: family, to: &lines)
            } else {
                for (labels, value) in family.values.sorted(by: { $0.key.rendered() < $1.key.rendered() }) {
                    lines.append("\(name)\(labels.rendered()) \(Self.format(value))")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func appendHistogram(name: String, family: Family, to lines: inout [String]) {
        for (labels, state) in family.histograms.sorted(by: { $0.key.rendered() < $1.key.rendered() }) {
            for (index, bound) in family.buckets.enumerated() {
                lines.append("\(name)_bucket\(labels.rendered(adding: (name: "le", value: Self.format(bound)))) \(state.bucketCounts[index])")
            }
            lines.append("\(name)_bucket\(labels.rendered(adding: (name: "le", value: "+Inf"))) \(state.count)")
            lines.append("\(name)_sum\(labels.rendered()) \(Self.format(state.sum))")
            lines.append("\(name)_count\(labels.rendered()) \(state.count)")
        }
    }

    private static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return String(value)
    }
}
