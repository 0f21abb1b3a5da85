import Foundation
import LedgerportRuntime
import LedgerportSDK
import Testing

@Suite struct FlowScheduleTests {
    let berlin = TimeZone(identifier: "Europe/Berlin")!

    func date(_ text: String) -> Date {
        try! Date.ISO8601FormatStyle().parse(text)
    }

    @Test func daily_windowFollowsTenantZone() {
        let schedule = FlowSchedule.daily(hour: 2, minute: 0)
        let window = schedule.window(containing: date("2026-12-31T23:30:00Z"), in: berlin)
        #expect(window.start == date("2026-12-31T01:00:00Z"))
        #expect(window.end == date("2027-01-01T01:00:00Z"))
    }

    @Test func daily_windowAcrossDaylightSavingIs23Hours() {
        let schedule = FlowSchedule.daily(hour: 2, minute: 0)
        let window = schedule.window(containing: date("2026-03-29T12:00:00Z"), in: berlin)
        #expect(window.end.timeIntervalSince(window.start) == 23 * 3600)
    }

    @Test func monthly_windowUsesLastDayWhenShorter() {
        let schedule = FlowSchedule.monthly(day: 31, hour: 0, minute: 0)
        let window = schedule.window(containing: date("2026-02-15T12:00:00Z"), in: TimeZone(identifier: "UTC")!)
        #expect(window.start == date("2026-01-31T00:00:00Z"))
        #expect(window.end == date("2026-02-28T00:00:00Z"))
    }

    @Test func everyMinutes_alignsToTenantMidnight() {
        let schedule = FlowSchedule.everyMinutes(15)
        let window = schedule.window(containing: date("2026-12-04T10:07:00Z"), in: berlin)
        #expect(window.start == date("2026-12-04T10:00:00Z"))
        #expect(window.end == date("2026-12-04T10:15:00Z"))
    }

    @Test func dueWindows_listsEachMissedWindowOnce() {
        let schedule = FlowSchedule.everyMinutes(60)
        let utc = TimeZone(identifier: "UTC")!
        let due = schedule.dueWindows(lastRunStart: date("2026-12-04T08:00:00Z"), now: date("2026-12-04T11:30:00Z"), in: utc)
        #expect(due.map(\.start) == [date("2026-12-04T09:00:00Z"), date("2026-12-04T10:00:00Z")])
    }

    @Test func dueWindows_withoutHistoryRunsLatestOnly() {
        let schedule = FlowSchedule.daily(hour: 0, minute: 0)
        let utc = TimeZone(identifier: "UTC")!
        let due = schedule.dueWindows(lastRunStart: nil, now: date("2026-12-04T11:30:00Z"), in: utc)
        #expect(due.map(\.start) == [date("2026-12-03T00:00:00Z")])
    }

    @Test func json_roundTripsAndRejectsBadTime() throws {
        let json: JSONValue = ["monthly_on_day": 1, "at": "03:30"]
        let schedule = try JSONValueDecoder().decode(FlowSchedule.self, from: json)
        #expect(schedule == .monthly(day: 1, hour: 3, minute: 30))
        #expect(try JSONValueEncoder().encode(schedule) == json)
        #expect(throws: DecodingError.self) {
            try JSONValueDecoder().decode(FlowSchedule.self, from: ["daily_at": "25:00"])
        }
    }
}
