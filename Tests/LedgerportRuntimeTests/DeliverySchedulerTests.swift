import Foundation
import Testing
@testable import LedgerportRuntime

@Suite struct DeliverySchedulerTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    func delivery(_ id: Int64, tenant: String = "acme", key: String = "invoice:in_1", version: Int64 = 0, readyAt: Date? = nil) -> ScheduledDelivery {
        ScheduledDelivery(deliveryID: id, tenantID: tenant, orderingKey: key, version: version, sequence: id, readyAt: readyAt ?? start)
    }

    @Test func sameKey_runsOneAtATimeInVersionOrder() {
        var scheduler = DeliveryScheduler(maximumInFlightPerTenant: 10)
        scheduler.enqueue(delivery(1, version: 30))
        scheduler.enqueue(delivery(2, version: 10))
        scheduler.enqueue(delivery(3, version: 20))

        let first = scheduler.next(now: start)
        #expect(first?.deliveryID == 2)
        #expect(scheduler.next(now: start) == nil)
        scheduler.complete(first!)
        let second = scheduler.next(now: start)
        #expect(second?.deliveryID == 3)
        scheduler.complete(second!)
        #expect(scheduler.next(now: start)?.deliveryID == 1)
    }

    @Test func differentKeys_runInParallel() {
        var scheduler = DeliveryScheduler(maximumInFlightPerTenant: 10)
        scheduler.enqueue(delivery(1, key: "invoice:in_1"))
        scheduler.enqueue(delivery(2, key: "invoice:in_2"))
        #expect(scheduler.next(now: start)?.deliveryID == 1)
        #expect(scheduler.next(now: start)?.deliveryID == 2)
    }

    @Test func tenants_areServedRoundRobin() {
        var scheduler = DeliveryScheduler(maximumInFlightPerTenant: 100)
        for id in 1...50 {
            scheduler.enqueue(delivery(Int64(id), tenant: "burst", key: "invoice:\(id)"))
        }
        scheduler.enqueue(delivery(100, tenant: "quiet", key: "invoice:q"))

        let first = scheduler.next(now: start)
        let second = scheduler.next(now: start)
        #expect(first?.tenantID == "burst")
        #expect(second?.tenantID == "quiet")
    }

    @Test func tenantCap_limitsInFlight() {
        var scheduler = DeliveryScheduler(maximumInFlightPerTenant: 2)
        for id in 1...5 {
            scheduler.enqueue(delivery(Int64(id), key: "k\(id)"))
        }
        let taken = [scheduler.next(now: start), scheduler.next(now: start), scheduler.next(now: start)]
        #expect(taken.compactMap { $0 }.count == 2)
        scheduler.complete(taken[0]!)
        #expect(scheduler.next(now: start) != nil)
    }

    @Test func retryingDelivery_blocksLaterVersionsButNotEarlierOnes() {
        var scheduler = DeliveryScheduler(maximumInFlightPerTenant: 10)
        scheduler.enqueue(delivery(1, version: 20))
        scheduler.enqueue(delivery(2, version: 30))
        let payment = scheduler.next(now: start)!
        scheduler.retry(payment, at: start.addingTimeInterval(60))

        #expect(scheduler.next(now: start) == nil)

        scheduler.enqueue(delivery(3, version: 10))
        #expect(scheduler.next(now: start)?.deliveryID == 3)
    }

    @Test func retry_waitsUntilReadyTime() {
        var scheduler = DeliveryScheduler(maximumInFlightPerTenant: 10)
        scheduler.enqueue(delivery(1))
        let taken = scheduler.next(now: start)!
        scheduler.retry(taken, at: start.addingTimeInterval(5))
        #expect(scheduler.next(now: start.addingTimeInterval(4)) == nil)
        #expect(scheduler.earliestReadyTime() == start.addingTimeInterval(5))
        #expect(scheduler.next(now: start.addingTimeInterval(5))?.deliveryID == 1)
    }

    @Test func count_tracksPendingAndInFlight() {
        var scheduler = DeliveryScheduler(maximumInFlightPerTenant: 10)
        scheduler.enqueue(delivery(1))
        scheduler.enqueue(delivery(2, key: "other"))
        #expect(scheduler.count == 2)
        let taken = scheduler.next(now: start)!
        scheduler.complete(taken)
        #expect(scheduler.count == 1)
    }
}
