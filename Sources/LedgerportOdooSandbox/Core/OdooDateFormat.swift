import Foundation

/// Odoo's text formats for dates and datetimes, always in UTC as Odoo stores them.
enum OdooDateFormat {
    private static var utcCalendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }

    /// `2026-12-04`.
    static func date(_ instant: Date) -> String {
        let parts = utcCalendar.dateComponents([.year, .month, .day], from: instant)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    /// `2026-12-04 19:32:10`.
    static func datetime(_ instant: Date) -> String {
        let parts = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        return String(
            format: "%04d-%02d-%02d %02d:%02d:%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!,
            parts.second!
        )
    }

    /// Returns the date `days` after `date` (`2026-12-04` plus 5 is `2026-12-09`), or nil for text that is no date.
    static func date(_ date: String, plusDays days: Int) -> String? {
        guard let instant = parseDate(date), let moved = utcCalendar.date(byAdding: .day, value: days, to: instant) else {
            return nil
        }
        return self.date(moved)
    }

    /// Parses `YYYY-MM-DD`, or the date part of a datetime; nil when the text is no valid date.
    static func parseDate(_ text: String) -> Date? {
        let datePart = text.prefix(10)
        let pieces = datePart.split(separator: "-")
        guard datePart.count == 10, pieces.count == 3, let year = Int(pieces[0]), let month = Int(pieces[1]),
            let day = Int(pieces[2])
        else {
            return nil
        }
        let components = DateComponents(year: year, month: month, day: day)
        guard let instant = utcCalendar.date(from: components) else {
            return nil
        }
        let check = utcCalendar.dateComponents([.year, .month, .day], from: instant)
        guard check.year == year, check.month == month, check.day == day else {
            return nil
        }
        return instant
    }

    /// Returns the year of a `YYYY-MM-DD` date.
    static func year(of date: String) -> String {
        String(date.prefix(4))
    }
}
