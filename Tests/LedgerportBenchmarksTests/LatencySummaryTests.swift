@testable import LedgerportBenchmarks
import Testing

/// Nearest-rank percentiles of the latencies a load measured.
@Suite struct LatencySummaryTests {
    @Test func summary_usesNearestRank() {
        let summary = LatencySummary(microseconds: Array(1...100).map { UInt32($0 * 1000) }.shuffled())

        #expect(summary.count == 100)
        #expect(summary.p50Milliseconds == 50)
        #expect(summary.p99Milliseconds == 99)
        #expect(summary.maxMilliseconds == 100)
    }

    @Test func summary_ofNothingIsZero() {
        let summary = LatencySummary(microseconds: [])

        #expect(summary.count == 0)
        #expect(summary.p99Milliseconds == 0)
    }
}
