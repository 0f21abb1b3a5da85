import Foundation
import Testing
import LedgerportRuntime

@Suite struct TokenBucketTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func burst_passesThenWaitsAtRate() {
        let bucket = TokenBucket(ratePerSecond: 10, burst: 3)
        let waits = (0..<5).map { _ in bucket.reserve(at: start) }
        #expect(waits[0...2].allSatisfy { $0 == 0 })
        #expect(abs(waits[3] - 0.1) < 1e-9)
        #expect(abs(waits[4] - 0.2) < 1e-9)
    }

    @Test func tokens_refillOverTimeUpToBurst() {
        let bucket = TokenBucket(ratePerSecond: 2, burst: 2)
        #expect(bucket.tryTake(at: start))
        #expect(bucket.tryTake(at: start))
        #expect(!bucket.tryTake(at: start))
        #expect(bucket.tryTake(at: start.addingTimeInterval(0.5)))
        #expect(!bucket.tryTake(at: start.addingTimeInterval(0.5)))
        #expect(bucket.tryTake(at: start.addingTimeInterval(100)))
        #expect(bucket.tryTake(at: start.addingTimeInterval(100)))
        #expect(!bucket.tryTake(at: start.addingTimeInterval(100)))
    }

    @Test func rateHolds_overManyRequests() {
        let bucket = TokenBucket(ratePerSecond: 25, burst: 1)
        var clock = start
        var sent = 0
        while clock < start.addingTimeInterval(10) {
            let wait = bucket.reserve(at: clock)
            clock = clock.addingTimeInterval(wait)
            sent += 1
        }
        #expect(sent <= 25 * 10 + 1)
        #expect(sent >= 25 * 10 - 1)
    }
}
