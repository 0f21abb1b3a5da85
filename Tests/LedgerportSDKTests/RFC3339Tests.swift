import Foundation
import Testing

@testable import LedgerportSDK

/// Dates as the JSON encoder writes them: UTC, seconds, and milliseconds only when there are some.
@Suite struct RFC3339Tests {
    @Test(arguments: [
        (1_796_412_147.0, "2026-12-04T19:22:27Z"),
        (1_796_412_147.5, "2026-12-04T19:22:27.500Z"),
        (1_796_412_147.007, "2026-12-04T19:22:27.007Z"),
        (0.0, "1970-01-01T00:00:00Z"),
        (-62_135_596_800.0, "0001-01-01T00:00:00Z"),
        (253_402_300_799.0, "9999-12-31T23:59:59Z"),
        (253_402_300_800.25, "10000-01-01T00:00:00.250Z"),
        (-0.5, "1969-12-31T23:59:59.500Z"),
    ])
    func string_writesPaddedFields(seconds: Double, expected: String) {
        #expect(RFC3339.string(from: Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test func string_readsBackAsTheSameDate() throws {
        let date = Date(timeIntervalSince1970: 1_796_412_147.25)

        let parsed = try #require(RFC3339.date(from: RFC3339.string(from: date)))

        #expect(parsed == date)
    }
}
