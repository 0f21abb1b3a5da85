import Foundation
import LedgerportSDK
import LedgerportStore
import Testing

/// Each window of a scheduled flow runs at most once.
@Suite struct ScheduleRunTests {
    private let windowStart = Date(timeIntervalSince1970: 1_767_139_200)
    private var windowEnd: Date { windowStart.addingTimeInterval(86_400) }

    /// Creates a tenant with the scheduled flow `usage-import`.
    private func tenantWithScheduledFlow(_ store: any Store) async throws -> Tenant {
        let tenant = try await StoreFixtures.tenant(store, "acme")
        try await StoreFixtures.connection(store, tenant: tenant)
        try await StoreFixtures.odooConnection(store, tenant: tenant)
        _ = try await store.createFlow(StoreFixtures.scheduledFlow(), tenant: tenant.id, actor: StoreFixtures.actor)
        return tenant
    }

    /// Creates the tenant with its scheduled flow and a failed run of the window at `windowStart`.
    private func tenantWithFailedRun(_ store: any Store) async throws -> Tenant {
        let tenant = try await tenantWithScheduledFlow(store)
        _ = try await store.startScheduleRun(flow: "usage-import", windowStart: windowStart, windowEnd: windowEnd, tenant: tenant.id)
        _ = try await store.finishScheduleRun(
            flow: "usage-import", windowStart: windowStart, state: .failed, detail: "source unreachable", tenant: tenant.id)
        return tenant
    }

    @Test(arguments: StoreFactory.all)
    func windowStartedTwice_secondReturnsNil(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let tenant = try await tenantWithScheduledFlow(store)

            let first = try await store.startScheduleRun(flow: "usage-import", windowStart: windowStart, windowEnd: windowEnd, tenant: tenant.id)
            clock.advance(seconds: 3_600)
            let second = try await store.startScheduleRun(flow: "usage-import", windowStart: windowStart, windowEnd: windowEnd, tenant: tenant.id)

            let run = try #require(first)
            #expect(second == nil)
            #expect(run.state == .running)
            #expect(run.windowStart == windowStart)
            #expect(run.windowEnd == windowEnd)
            #expect(run.startedAt == clock.now().addingTimeInterval(-3_600))
            #expect(run.finishedAt == nil)
            #expect(try await store.scheduleRuns(flow: "usage-import", tenant: tenant.id, limit: 10) == [run])
        }
    }

    @Test(arguments: StoreFactory.all)
    func concurrentStartsOfOneWindow_oneWins(factory: StoreFactory) async throws {
        try await factory.withHarness { harness in
            let store = harness.store
            let tenant = try await tenantWithScheduledFlow(store)
            let callers = 8
            harness.pauseWrites()

            let runs = try await withThrowingTaskGroup(of: ScheduleRun?.self) { group in
                for _ in 0..<callers {
                    group.addTask {
                        try await store.startScheduleRun(flow: "usage-import", windowStart: windowStart, windowEnd: windowEnd, tenant: tenant.id)
                    }
                }
                try await harness.waitForQueuedWrites(callers)
                harness.resumeWrites()

                var results: [ScheduleRun?] = []
                for try await run in group {
                    results.append(run)
                }
                return results
            }

            #expect(runs.count == callers)
            #expect(runs.compactMap { $0 }.count == 1)
            #expect(try await store.scheduleRuns(flow: "usage-import", tenant: tenant.id, limit: 10).count == 1)
        }
    }

    @Test(arguments: StoreFactory.all)
    func finish_recordsStateAndDetailOnce(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let tenant = try await tenantWithScheduledFlow(store)
            _ = try await store.startScheduleRun(flow: "usage-import", windowStart: windowStart, windowEnd: windowEnd, tenant: tenant.id)
            clock.advance(seconds: 90)

            let finished = try await store.finishScheduleRun(
                flow: "usage-import", windowStart: windowStart, state: .completed, detail: "imported 42 usage records", tenant: tenant.id)
            let again = await #expect(throws: StoreError.self) {
                try await store.finishScheduleRun(flow: "usage-import", windowStart: windowStart, state: .failed, detail: "late", tenant: tenant.id)
            }
            let backToRunning = await #expect(throws: StoreError.self) {
                try await store.finishScheduleRun(flow: "usage-import", windowStart: windowStart, state: .running, detail: "", tenant: tenant.id)
            }
            let unknownWindow = await #expect(throws: StoreError.self) {
                try await store.finishScheduleRun(flow: "usage-import", windowStart: windowEnd, state: .completed, detail: "", tenant: tenant.id)
            }

            #expect(finished.state == .completed)
            #expect(finished.detail == "imported 42 usage records")
            #expect(finished.finishedAt == clock.now())
            #expect(again?.code == .conflict)
            #expect(backToRunning?.code == .invalidInput)
            #expect(unknownWindow?.code == .notFound)
            #expect(try await store.scheduleRuns(flow: "usage-import", tenant: tenant.id, limit: 10) == [finished])
        }
    }

    @Test(arguments: StoreFactory.all)
    func scheduleRuns_listNewestWindowFirst(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await tenantWithScheduledFlow(store)
            let starts = [0, 2, 1].map { windowStart.addingTimeInterval(Double($0) * 86_400) }
            for start in starts {
                _ = try await store.startScheduleRun(flow: "usage-import", windowStart: start, windowEnd: start.addingTimeInterval(86_400), tenant: tenant.id)
            }

            let all = try await store.scheduleRuns(flow: "usage-import", tenant: tenant.id, limit: 10)
            let newest = try await store.scheduleRuns(flow: "usage-import", tenant: tenant.id, limit: 2)

            #expect(all.map(\.windowStart) == [starts[1], starts[2], starts[0]])
            #expect(newest.map(\.windowStart) == [starts[1], starts[2]])
        }
    }

    @Test(arguments: StoreFactory.all)
    func invalidStart_isRejected(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await tenantWithScheduledFlow(store)

            let unknownFlow = await #expect(throws: StoreError.self) {
                try await store.startScheduleRun(flow: "backfill", windowStart: windowStart, windowEnd: windowEnd, tenant: tenant.id)
            }
            let emptyWindow = await #expect(throws: StoreError.self) {
                try await store.startScheduleRun(flow: "usage-import", windowStart: windowStart, windowEnd: windowStart, tenant: tenant.id)
            }

            #expect(unknownFlow?.code == .notFound)
            #expect(emptyWindow?.code == .invalidInput)
            #expect(emptyWindow?.message.contains("ends at 2025-12-31T00:00:00.000Z, not after its start") == true)
            #expect(try await store.scheduleRuns(flow: "usage-import", tenant: tenant.id, limit: 10).isEmpty)
        }
    }

    @Test(arguments: StoreFactory.all)
    func failedRun_retriesOnceWithOneMoreAttempt(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let tenant = try await tenantWithFailedRun(store)
            clock.advance(seconds: 60)

            let retried = try await store.retryScheduleRun(flow: "usage-import", windowStart: windowStart, tenant: tenant.id, actor: nil)
            let again = try await store.retryScheduleRun(flow: "usage-import", windowStart: windowStart, tenant: tenant.id, actor: nil)

            let run = try #require(retried)
            #expect(run.state == .running)
            #expect(run.attempts == 2)
            #expect(run.startedAt == clock.now())
            #expect(run.finishedAt == nil)
            #expect(again == nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func scheduleRun_readsOneWindowOrNil(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await tenantWithFailedRun(store)

            let found = try await store.scheduleRun(flow: "usage-import", windowStart: windowStart, tenant: tenant.id)
            let missing = try await store.scheduleRun(flow: "usage-import", windowStart: windowEnd, tenant: tenant.id)

            #expect(found?.state == .failed)
            #expect(found?.detail == "source unreachable")
            #expect(missing == nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func personsRerun_isAudited(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await tenantWithFailedRun(store)
            let before = try await store.auditEntries(scope: .tenant(tenant.id), after: 0, limit: 1_000).count

            _ = try await store.retryScheduleRun(flow: "usage-import", windowStart: windowStart, tenant: tenant.id, actor: "ops@acme.example")

            let entries = try await store.auditEntries(scope: .tenant(tenant.id), after: 0, limit: 1_000)
            #expect(entries.count == before + 1)
            let entry = try #require(entries.last)
            #expect(entry.action == "flow.window_rerun")
            #expect(entry.actor == "ops@acme.example")
            #expect(entry.subjectID == "usage-import")
            #expect(entry.details["attempt"] == 2)
        }
    }

    @Test(arguments: StoreFactory.all)
    func runnersRetry_isNotAudited(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await tenantWithFailedRun(store)
            let before = try await store.auditEntries(scope: .tenant(tenant.id), after: 0, limit: 1_000).count

            _ = try await store.retryScheduleRun(flow: "usage-import", windowStart: windowStart, tenant: tenant.id, actor: nil)

            #expect(try await store.auditEntries(scope: .tenant(tenant.id), after: 0, limit: 1_000).count == before)
        }
    }

    @Test(arguments: StoreFactory.all)
    func runningOrCompletedRun_isNotRetried(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await tenantWithScheduledFlow(store)
            let later = windowStart.addingTimeInterval(86_400)
            _ = try await store.startScheduleRun(flow: "usage-import", windowStart: windowStart, windowEnd: windowEnd, tenant: tenant.id)
            _ = try await store.startScheduleRun(flow: "usage-import", windowStart: later, windowEnd: later.addingTimeInterval(86_400), tenant: tenant.id)
            _ = try await store.finishScheduleRun(flow: "usage-import", windowStart: later, state: .completed, detail: "listed 0", tenant: tenant.id)

            let running = try await store.retryScheduleRun(flow: "usage-import", windowStart: windowStart, tenant: tenant.id, actor: nil)
            let completed = try await store.retryScheduleRun(flow: "usage-import", windowStart: later, tenant: tenant.id, actor: nil)
            let missing = await #expect(throws: StoreError.self) {
                try await store.retryScheduleRun(flow: "usage-import", windowStart: later.addingTimeInterval(86_400), tenant: tenant.id, actor: nil)
            }

            #expect(running == nil)
            #expect(completed == nil)
            #expect(missing?.code == .notFound)
            #expect(try await store.scheduleRuns(flow: "usage-import", tenant: tenant.id, limit: 10).map(\.attempts) == [1, 1])
        }
    }

    @Test(arguments: StoreFactory.all)
    func unfinishedRuns_includeOldFailedBeyondNewest(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await tenantWithScheduledFlow(store)
            let hour: TimeInterval = 3_600
            for index in 0..<150 {
                let start = windowStart.addingTimeInterval(Double(index) * hour)
                _ = try await store.startScheduleRun(flow: "usage-import", windowStart: start, windowEnd: start.addingTimeInterval(hour), tenant: tenant.id)
                let state: ScheduleRunState = index == 0 || index == 1 ? .failed : .completed
                if index != 149 {
                    _ = try await store.finishScheduleRun(flow: "usage-import", windowStart: start, state: state, detail: "run \(index)", tenant: tenant.id)
                }
            }
            // The second window used up its attempts: retried twice, failed three times in all.
            let exhausted = windowStart.addingTimeInterval(hour)
            for _ in 0..<2 {
                _ = try await store.retryScheduleRun(flow: "usage-import", windowStart: exhausted, tenant: tenant.id, actor: nil)
                _ = try await store.finishScheduleRun(flow: "usage-import", windowStart: exhausted, state: .failed, detail: "again", tenant: tenant.id)
            }

            let unfinished = try await store.unfinishedScheduleRuns(flow: "usage-import", tenant: tenant.id, attemptsBelow: 3)
            let newest = try await store.scheduleRuns(flow: "usage-import", tenant: tenant.id, limit: 100)

            #expect(unfinished.map(\.windowStart) == [windowStart, windowStart.addingTimeInterval(149 * hour)])
            #expect(unfinished.map(\.state) == [.failed, .running])
            #expect(!newest.contains { $0.windowStart == windowStart })
        }
    }
}
