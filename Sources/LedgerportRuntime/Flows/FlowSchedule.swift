import Foundation

/// When a scheduled flow runs, in its tenant's time zone.
///
/// A schedule cuts time into consecutive windows; a run processes one window
/// once it has ended (a daily extract at 02:00 covers the previous day from
/// 02:00 to 02:00). The window's start identifies the run, and the store
/// records it before the run starts, so a window is never run twice, also
/// across restarts. Windows follow the tenant's wall clock, so a daily window
/// across a daylight-saving change lasts 23 or 25 hours.
///
/// JSON forms: `{"every_minutes": 15}`, `{"daily_at": "02:00"}`,
/// `{"monthly_on_day": 1, "at": "03:00"}` (day 29 to 31 fall back to the month's last day).
package enum FlowSchedule: Sendable, Hashable {
    /// Windows of `minutes` aligned to midnight of the tenant's day (a divisor of 1440 keeps them even).
    case everyMinutes(Int)
    /// Windows of one day starting at `hour:minute`.
    case daily(hour: Int, minute: Int)
    /// Windows of one month starting on `day` at `hour:minute`.
    case monthly(day: Int, hour: Int, minute: Int)

    /// Returns the window that contains `date`, as seen in `timeZone`.
    package func window(containing date: Date, in timeZone: TimeZone) -> ScheduleWindow {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone

        switch self {
        case .everyMinutes(let minutes):
            let midnight = calendar.startOfDay(for: date)
            let elapsed = Int(date.timeIntervalSince(midnight) / 60)
            let start = calendar.date(byAdding: .minute, value: elapsed - elapsed % minutes, to: midnight)!
            return ScheduleWindow(start: start, end: min(calendar.date(byAdding: .minute, value: minutes, to: start)!, nextMidnight(after: midnight, calendar)))
        case .daily(let hour, let minute):
            var start = calendar.date(bySettingHour: hour, minute: minute, second: 0, of: date)!
            if start > date {
                start = calendar.date(byAdding: .day, value: -1, to: start)!
                start = calendar.date(bySettingHour: hour, minute: minute, second: 0, of: start)!
            }
            let next = calendar.date(byAdding: .day, value: 1, to: start)!
            return ScheduleWindow(start: start, end: calendar.date(bySettingHour: hour, minute: minute, second: 0, of: next)!)
        case .monthly(let day, let hour, let minute):
            var start = monthlyStart(containingMonthOf: date, day: day, hour: hour, minute: minute, calendar)
            if start > date {
                let previousMonth = calendar.date(byAdding: .month, value: -1, to: start)!
                start = monthlyStart(containingMonthOf: previousMonth, day: day, hour: hour, minute: minute, calendar)
            }
            let firstOfMonth = calendar.date(from: calendar.dateComponents([.year, .month], from: start))!
            let nextMonth = calendar.date(byAdding: .month, value: 1, to: firstOfMonth)!
            return ScheduleWindow(start: start, end: monthlyStart(containingMonthOf: nextMonth, day: day, hour: hour, minute: minute, calendar))
        }
    }

    /// The windows that ended after `lastRunStart`'s window and at or before `now`, oldest first.
    ///
    /// With no previous run, only the most recent finished window is returned,
    /// so enabling a schedule does not backfill its whole history.
    package func dueWindows(lastRunStart: Date?, now: Date, in timeZone: TimeZone, limit: Int = 100) -> [ScheduleWindow] {
        let current = window(containing: now, in: timeZone)
        guard let lastRunStart else {
            return [window(containing: current.start.addingTimeInterval(-1), in: timeZone)]
        }
        var windows = [ScheduleWindow]()
        var candidate = window(containing: lastRunStart, in: timeZone)
        while windows.count < limit {
            candidate = window(containing: candidate.end, in: timeZone)
            guard candidate.end <= now else { break }
            windows.append(candidate)
        }
        return windows
    }

    /// Returns the window that runs next: the oldest due window, which runs at the runner's next look (every 30 s),
    /// or else the window containing `now`, which runs once it ends.
    package func nextWindow(lastRunStart: Date?, now: Date, in timeZone: TimeZone) -> ScheduleWindow {
        dueWindows(lastRunStart: lastRunStart, now: now, in: timeZone, limit: 1).first ?? window(containing: now, in: timeZone)
    }

    private func nextMidnight(after midnight: Date, _ calendar: Calendar) -> Date {
        calendar.date(byAdding: .day, value: 1, to: midnight)!
    }

    private func monthlyStart(containingMonthOf date: Date, day: Int, hour: Int, minute: Int, _ calendar: Calendar) -> Date {
        let components = calendar.dateComponents([.year, .month], from: date)
        let firstOfMonth = calendar.date(from: components)!
        let daysInMonth = calendar.range(of: .day, in: .month, for: firstOfMonth)!.count
        let dayOfMonth = calendar.date(byAdding: .day, value: min(day, daysInMonth) - 1, to: firstOfMonth)!
        return calendar.date(bySettingHour: hour, minute: minute, second: 0, of: dayOfMonth)!
    }
}

/// One run's time range, `[start, end)`.
package struct ScheduleWindow: Sendable, Hashable, CustomStringConvertible {
    package let start: Date
    package let end: Date

    package var description: String {
        "[\(start.formatted(.iso8601)), \(end.formatted(.iso8601)))"
    }
}

extension FlowSchedule: Codable {
    enum CodingKeys: String, CodingKey {
        case everyMinutes = "every_minutes"
        case dailyAt = "daily_at"
        case monthlyOnDay = "monthly_on_day"
        case at
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let minutes = try container.decodeIfPresent(Int.self, forKey: .everyMinutes) {
            guard (1...1440).contains(minutes) else {
                throw DecodingError.dataCorruptedError(forKey: .everyMinutes, in: container, debugDescription: "every_minutes \(minutes) is out of range; use 1 to 1440")
            }
            self = .everyMinutes(minutes)
        } else if let time = try container.decodeIfPresent(String.self, forKey: .dailyAt) {
            let (hour, minute) = try Self.parseTime(time, key: .dailyAt, in: container)
            self = .daily(hour: hour, minute: minute)
        } else if let day = try container.decodeIfPresent(Int.self, forKey: .monthlyOnDay) {
            guard (1...31).contains(day) else {
                throw DecodingError.dataCorruptedError(forKey: .monthlyOnDay, in: container, debugDescription: "monthly_on_day \(day) is out of range; use 1 to 31")
            }
            let (hour, minute) = try Self.parseTime(try container.decodeIfPresent(String.self, forKey: .at) ?? "00:00", key: .at, in: container)
            self = .monthly(day: day, hour: hour, minute: minute)
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "a schedule needs every_minutes, daily_at or monthly_on_day"))
        }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .everyMinutes(let minutes):
            try container.encode(minutes, forKey: .everyMinutes)
        case .daily(let hour, let minute):
            try container.encode(Self.formatTime(hour, minute), forKey: .dailyAt)
        case .monthly(let day, let hour, let minute):
            try container.encode(day, forKey: .monthlyOnDay)
            try container.encode(Self.formatTime(hour, minute), forKey: .at)
        }
    }

    private static func parseTime(_ text: String, key: CodingKeys, in container: KeyedDecodingContainer<CodingKeys>) throws -> (Int, Int) {
        let parts = text.split(separator: ":")
        // Two digits each, as the docs write times and as encoding writes them back.
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
            (0...23).contains(hour), (0...59).contains(minute)
        else {
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "time \"\(text)\" is invalid; write it as HH:MM, such as \"02:00\"")
        }
        return (hour, minute)
    }

    private static func formatTime(_ hour: Int, _ minute: Int) -> String {
        String(format: "%02d:%02d", hour, minute)
    }
}
