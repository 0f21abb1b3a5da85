import Foundation
import LedgerportSDK
import LedgerportStore
import Testing

/// Concurrent ingest calls share one commit, and every caller gets its own outcomes back.
@Suite struct GroupCommitTests {
    @Test(arguments: StoreFactory.all)
    func concurrentBatches_shareOneCommit(factory: StoreFactory) async throws {
        try await factory.withHarness { harness in
            let store = harness.store
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.connection(store, tenant: tenant)
            let before = await store.commitStatistics()
            let callers = 16
            harness.pauseWrites()

            let outcomes = try await withThrowingTaskGroup(of: (Int, [IngestOutcome]).self) { group in
                for caller in 0..<callers {
                    group.addTask {
                        let batch = (0..<5).map { StoreFixtures.event("evt_\(caller)_\($0)", deliveries: [StoreFixtures.delivery("invoice:\(caller)")]) }
                        return (caller, try await store.insertEvents(batch, tenant: tenant.id))
                    }
                }
                try await harness.waitForQueuedWrites(callers)
                harness.resumeWrites()

                var byCaller: [Int: [IngestOutcome]] = [:]
                for try await (caller, result) in group {
                    byCaller[caller] = result
                }
                return byCaller
            }

            let after = await store.commitStatistics()
            #expect(outcomes.count == callers)
            #expect(outcomes.values.allSatisfy { $0.count == 5 })
            #expect(outcomes.values.allSatisfy { $0.allSatisfy { !$0.isDuplicate } })
            #expect(after.commits - before.commits == 1)
            #expect(after.writes - before.writes == callers)
            #expect(try await store.events(tenant: tenant.id, connection: nil, after: nil, limit: 1_000).count == callers * 5)
            #expect(try await store.deliveries(tenant: tenant.id, state: .pending, after: nil, limit: 1_000).count == callers * 5)
        }
    }

    @Test(arguments: StoreFactory.all)
    func sameEventInOneCommit_storedOnce(factory: StoreFactory) async throws {
        try await factory.withHarness { harness in
            let store = harness.store
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.connection(store, tenant: tenant)
            harness.pauseWrites()

            let first = Task { try await store.insertEvents([StoreFixtures.event("evt_same")], tenant: tenant.id) }
            let second = Task { try await store.insertEvents([StoreFixtures.event("evt_same")], tenant: tenant.id) }
            try await harness.waitForQueuedWrites(2)
            harness.resumeWrites()
            let outcomes = try await [first.value[0], second.value[0]]

            #expect(outcomes.filter(\.isDuplicate).count == 1)
            #expect(outcomes[0].eventID == outcomes[1].eventID)
        }
    }

    @Test(arguments: StoreFactory.all)
    func failingCallerInGroup_doesNotFailOthers(factory: StoreFactory) async throws {
        try await factory.withHarness { harness in
            let store = harness.store
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.connection(store, tenant: tenant)
            harness.pauseWrites()

            let good = Task { try await store.insertEvents([StoreFixtures.event("evt_good")], tenant: tenant.id) }
            try await harness.waitForQueuedWrites(1)
            let bad = Task { try await store.insertEvents([StoreFixtures.event("evt_bad", connection: "missing")], tenant: tenant.id) }
            try await harness.waitForQueuedWrites(2)
            harness.resumeWrites()

            #expect(try await good.value.map(\.isDuplicate) == [false])
            let error = await #expect(throws: StoreError.self) { try await bad.value }
            #expect(error?.code == .notFound)
            #expect(try await store.events(tenant: tenant.id, connection: nil, after: nil, limit: 10).map(\.sourceEventID) == ["evt_good"])
        }
    }
}
