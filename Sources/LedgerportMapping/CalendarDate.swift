import Foundation

/// A day in the Gregorian calendar, written `YYYY-MM-DD`, with no time and no time zone.
///
/// Dates in target operations are calendar dates already placed in the
/// tenant's time zone: an invoice finalized at 23:30 UTC on 31 January is
/// dated 1 February for a tenant in Berlin and 31 January for one in New York.
package struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, such as 2026.
    package let year: Int
    /// The month, 1 to 12.
    package let month: Int
    /// The day of the month, 1 to 31.
    package let day: Int

    /// Parses `YYYY-MM-DD`; returns nil for other text or a day that does not exist, such as 2026-02-30.
    package init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigitCharacter) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Creates a date from its parts; returns nil when the day does not exist.
    package init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Creates the calendar date of `instant` as a clock in `timeZone` shows it.
    package init(_ instant: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        self.year = parts.year!
        self.month = parts.month!
        self.day = parts.day!
    }

    /// Returns the date `days` days later (earlier for a negative count).
    package func adding(days: Int) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12))!
        let shifted = calendar.date(byAdding: .day, value: days, to: start)!
        return CalendarDate(shifted, in: calendar.timeZone)
    }

    /// `YYYY-MM-DD`.
    package var description: String {
        yearMonth + "-" + CalendarDate.padded(day, width: 2)
    }

    /// `YYYY-MM`, the month the date belongs to.
    package var yearMonth: String {
        CalendarDate.padded(year, width: 4) + "-" + CalendarDate.padded(month, width: 2)
    }

    /// Writes the number in decimal with leading zeros up to `width` digits, more cheaply than `String(format:)`.
    private static func padded(_ number: Int, width: Int) -> String {
        let digits = String(number)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Orders dates by year, then month, then day.
    package static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
