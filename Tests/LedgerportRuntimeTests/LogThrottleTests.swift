import Foundation
import Testing

@testable import LedgerportRuntime

@Suite struct LogThrottleTests {
    private let start = Date(timeIntervalSince1970: 1_000)

    @Test func firstLine_isWrittenWithNothingLeftOut() {
        let throttle = LogThrottle<String>(intervalSeconds: 10)

        #expect(throttle.admit("a", at: start) == 0)
    }

    @Test func repeatWithinInterval_isLeftOutAndCounted() {
        let throttle = LogThrottle<String>(intervalSeconds: 10)
        _ = throttle.admit("a", at: start)

        #expect(throttle.admit("a", at: start.addingTimeInterval(3)) == nil)
        #expect(throttle.admit("a", at: start.addingTimeInterval(9.9)) == nil)
        #expect(throttle.admit("a", at: start.addingTimeInterval(10)) == 2)
        #expect(throttle.admit("a", at: start.addingTimeInterval(25)) == 0)
    }

    @Test func keys_areThrottledApart() {
        let throttle = LogThrottle<String>(intervalSeconds: 10)
        _ = throttle.admit("a", at: start)

        #expect(throttle.admit("b", at: start.addingTimeInterval(1)) == 0)
        #expect(throttle.admit("a", at: start.addingTimeInterval(1)) == nil)
    }

    @Test func fullThrottle_forgetsIdleKeysOnly() {
        let throttle = LogThrottle<Int>(intervalSeconds: 10, keyLimit: 3)
        _ = throttle.admit(1, at: start)
        _ = throttle.admit(2, at: start)
        _ = throttle.admit(3, at: start.addingTimeInterval(15))

        #expect(throttle.admit(4, at: start.addingTimeInterval(16)) == 0)
        #expect(throttle.keyCount == 2)
        #expect(throttle.admit(3, at: start.addingTimeInterval(17)) == nil)
    }
}
