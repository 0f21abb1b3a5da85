import Foundation
import LedgerportSDK
import LedgerportStore
import Testing

@testable import LedgerportCommands
@testable import LedgerportRuntime

/// `flow show` describes what each run of a scheduled flow waits for, also while the flow is paused.
@Suite struct ScheduleRunStateTextTests {
    private let finished = Date(timeIntervalSince1970: 1_796_515_200)

    private func status(_ runs: [ScheduleRun]) throws -> FlowScheduleStatus {
        let schedule = try JSONValueDecoder().decode(FlowSchedule.self, from: ["daily_at": "02:00"])
        let policy = RetryPolicy(maximumAttempts: 3, initialDelaySeconds: 60, multiplier: 2, maximumDelaySeconds: 600, jitter: 0)
        let window = ScheduleWindow(start: finished.addingTimeInterval(-86_400), end: finished)
        return FlowScheduleStatus(schedule: schedule, timeZone: .gmt, timeZoneName: "UTC", runs: runs, nextWindow: window, retryPolicy: policy)
    }

    private func run(_ state: ScheduleRunState, attempts: Int) -> ScheduleRun {
        ScheduleRun(
            tenantID: "t1", flowID: "nightly", windowStart: finished.addingTimeInterval(-86_400), windowEnd: finished, state: state,
            startedAt: finished, finishedAt: state == .running ? nil : finished, detail: nil, attempts: attempts)
    }

    @Test func runningRun_waitsWhilePaused() throws {
        let running = run(.running, attempts: 2)
        let status = try status([running])

        #expect(FlowShowCommand.state(of: running, in: status, paused: true) == "running, waits for the flow to resume")
        #expect(FlowShowCommand.state(of: running, in: status, paused: false) == "running")
    }

    @Test func failedRun_retriesOnceResumed() throws {
        let failed = run(.failed, attempts: 1)
        let status = try status([failed])

        #expect(FlowShowCommand.state(of: failed, in: status, paused: true) == "failed, retry after 2026-12-06T00:01:00.000Z once the flow resumes")
        #expect(FlowShowCommand.state(of: failed, in: status, paused: false) == "failed, retry after 2026-12-06T00:01:00.000Z")
    }

    @Test func exhaustedRun_gaveUpEitherWay() throws {
        let exhausted = run(.failed, attempts: 3)
        let status = try status([exhausted])

        #expect(FlowShowCommand.state(of: exhausted, in: status, paused: true) == "failed, gave up (flow rerun-window runs it again)")
    }
}
