import LedgerportSDK
import Testing

@testable import OdooConnector

/// Checks that the record id cache keeps recently used ids and drops the rest in whole generations.
@Suite struct RecordIDCacheTests {
    private func partner(_ number: Int) -> TargetReference {
        TargetReference(model: "res.partner", externalID: "stripe_customer_cus_\(number)")
    }

    @Test func storedIDs_areFound() {
        var cache = RecordIDCache(capacity: 4)

        cache.store(7, for: partner(1))
        cache.store(8, for: partner(2))

        #expect(cache.id(of: partner(1)) == 7)
        #expect(cache.id(of: partner(2)) == 8)
        #expect(cache.id(of: partner(3)) == nil)
    }

    @Test func fullCache_keepsAtMostTwoGenerations() {
        var cache = RecordIDCache(capacity: 3)

        for number in 1...10 {
            cache.store(Int64(number), for: partner(number))
        }

        #expect(cache.count == 4)
        #expect(cache.id(of: partner(10)) == 10)
        #expect(cache.id(of: partner(7)) == 7)
        #expect(cache.id(of: partner(6)) == nil)
        #expect(cache.id(of: partner(1)) == nil)
    }

    @Test func idUsedSinceTurnover_survivesTheNext() {
        var cache = RecordIDCache(capacity: 2)
        cache.store(1, for: partner(1))
        cache.store(2, for: partner(2))
        cache.store(3, for: partner(3))

        #expect(cache.id(of: partner(1)) == 1)
        cache.store(4, for: partner(4))
        cache.store(5, for: partner(5))

        #expect(cache.id(of: partner(1)) == 1)
        #expect(cache.id(of: partner(2)) == nil)
    }

    @Test func removedID_isGoneFromBothGenerations() {
        var cache = RecordIDCache(capacity: 1)
        cache.store(1, for: partner(1))
        cache.store(2, for: partner(2))

        cache.remove(partner(1))
        cache.remove(partner(2))

        #expect(cache.id(of: partner(1)) == nil)
        #expect(cache.id(of: partner(2)) == nil)
        #expect(cache.count == 0)
    }

    @Test func storingKeptReference_replacesItsIDWithoutTurnover() {
        var cache = RecordIDCache(capacity: 2)
        cache.store(1, for: partner(1))
        cache.store(2, for: partner(2))

        cache.store(9, for: partner(2))

        #expect(cache.id(of: partner(1)) == 1)
        #expect(cache.id(of: partner(2)) == 9)
        #expect(cache.count == 2)
    }
}
