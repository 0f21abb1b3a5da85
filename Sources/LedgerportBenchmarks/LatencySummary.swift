/// Percentiles of a set of latencies, in milliseconds.
struct LatencySummary: Sendable, Equatable {
    /// The number of latencies summarized.
    var count: Int
    /// The median latency.
    var p50Milliseconds: Double
    /// The latency that 99% of the requests did not exceed.
    var p99Milliseconds: Double
    /// The largest latency.
    var maxMilliseconds: Double

    /// Summarizes latencies given in microseconds; an empty set gives zeros.
    ///
    /// A percentile is the nearest-rank value: the smallest latency that at
    /// least that share of the requests did not exceed.
    init(microseconds: [UInt32]) {
        count = microseconds.count
        guard !microseconds.isEmpty else {
            p50Milliseconds = 0
            p99Milliseconds = 0
            maxMilliseconds = 0
            return
        }
        let sorted = microseconds.sorted()
        p50Milliseconds = Self.milliseconds(sorted[Self.rank(0.50, count: sorted.count)])
        p99Milliseconds = Self.milliseconds(sorted[Self.rank(0.99, count: sorted.count)])
        maxMilliseconds = Self.milliseconds(sorted[sorted.count - 1])
    }

    /// The zero-based index of the nearest-rank percentile `share` among `count` sorted values.
    static func rank(_ share: Double, count: Int) -> Int {
        let position = Int((share * Double(count)).rounded(.up))
        return min(count - 1, max(0, position - 1))
    }

    private static func milliseconds(_ microseconds: UInt32) -> Double {
        Double(microseconds) / 1000
    }
}
