import Foundation

/// A fast reader of the RFC 3339 form the SDK writes: `YYYY-MM-DDTHH:MM:SSZ`, with optional milliseconds.
///
/// Evaluation reads every date-time field through this, because Foundation's
/// ISO 8601 parser costs microseconds per call. Any other form (an offset
/// instead of `Z`, more fraction digits) returns nil, and the caller falls
/// back to the SDK's decoder, which accepts all of RFC 3339.
enum UTCTimestamp {
    /// Parses `text`, or returns nil when it is not in the SDK's UTC form.
    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 || bytes.count == 24, bytes.last == UInt8(ascii: "Z"),
            bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2),
            let hour = number(bytes, 11, 2), let minute = number(bytes, 14, 2), let second = number(bytes, 17, 2),
            CalendarDate(year: year, month: month, day: day) != nil, hour < 24, minute < 60, second < 60
        else { return nil }
        var milliseconds = 0
        if bytes.count == 24 {
            guard bytes[19] == UInt8(ascii: "."), let fraction = number(bytes, 20, 3) else { return nil }
            milliseconds = fraction
        }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        let seconds = ((days * 24 + hour) * 60 + minute) * 60 + second
        // Date counts from 2001. Adding the fraction there gives the same Double as Foundation's parser, which the tests check for every millisecond.
        let sinceReferenceDate = seconds - 978_307_200
        return Date(timeIntervalSinceReferenceDate: TimeInterval(sinceReferenceDate) + TimeInterval(milliseconds) / 1000)
    }

    private static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for byte in bytes[start..<(start + count)] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// Counts the days from 1970-01-01 to the date in the proleptic Gregorian calendar, in 400-year eras of 146,097 days
    /// with years starting in March, so the leap day ends a year.
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
