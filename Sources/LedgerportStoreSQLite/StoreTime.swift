import Foundation
import LedgerportSDK
import LedgerportStore

/// Conversions between `Date` and the `*_at_ms` columns: whole milliseconds since 1970-01-01 UTC.
enum StoreTime {
    /// Reads `clock` and truncates to the millisecond, so a returned record equals the stored one.
    static func now(_ clock: any WallClock) -> Date {
        truncated(clock.now())
    }

    /// Truncates `date` to the millisecond, as the `*_at_ms` columns store it.
    static func truncated(_ date: Date) -> Date {
        self.date(milliseconds(date))
    }

    static func milliseconds(_ date: Date) -> Int64 {
        AuditChain.milliseconds(date)
    }

    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// Formats `date` for messages: ISO 8601 in UTC with milliseconds, such as `2026-01-01T00:00:00.000Z`.
    static func iso8601(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    static func optionalDate(_ milliseconds: Int64?) -> Date? {
        milliseconds.map(date)
    }
}
