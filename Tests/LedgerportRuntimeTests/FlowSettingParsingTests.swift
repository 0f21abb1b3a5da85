import LedgerportRuntime
import LedgerportSDK
import Testing

/// Schedules and retry policies given by users, with the rule each mistake breaks.
@Suite struct FlowSettingParsingTests {
    private func parse(_ text: String) throws -> JSONValue {
        try JSONParser.parse(Array(text.utf8))
    }

    @Test func scheduleForms_parse() throws {
        #expect(try FlowSchedule.parse(parse(#"{"every_minutes": 15}"#)) == .everyMinutes(15))
        #expect(try FlowSchedule.parse(parse(#"{"daily_at": "02:30"}"#)) == .daily(hour: 2, minute: 30))
        #expect(try FlowSchedule.parse(parse(#"{"monthly_on_day": 1, "at": "03:00"}"#)) == .monthly(day: 1, hour: 3, minute: 0))
    }

    @Test func scheduleMistakes_nameTheMember() throws {
        let cases: [(String, String)] = [
            (#"{"dayly_at": "02:00"}"#, "\"dayly_at\", none of every_minutes, daily_at or monthly_on_day; did you mean \"daily_at\"?"),
            (#"{"every_minutes": 7}"#, "every_minutes 7 does not divide a day of 1440 minutes"),
            (#"{"daily_at": "02:00", "at": "03:00"}"#, "member \"at\" does not belong with \"daily_at\""),
            (#"{"daily_at": "25:00"}"#, "time \"25:00\" is invalid"),
            (#"{"daily_at": "2:00"}"#, "time \"2:00\" is invalid; write it as HH:MM"),
            (#"{"every_minutes": 0}"#, "every_minutes 0 is out of range"),
            (#"{}"#, "the object is empty"),
            (#""daily""#, "is not a JSON object"),
        ]
        for (text, expected) in cases {
            let error = #expect(throws: FlowSettingError.self) { try FlowSchedule.parse(try parse(text)) }
            #expect(error?.message.contains(expected) == true, "\(text): \(error?.message ?? "")")
            #expect(error?.hint.contains(#"{"daily_at": "02:00"}"#) == true)
        }
    }

    @Test func retryPolicy_keepsDefaultsForMissingMembers() throws {
        let policy = try RetryPolicy.parse(parse(#"{"maximum_attempts": 3, "maximum_delay_seconds": 10}"#))

        #expect(policy.maximumAttempts == 3)
        #expect(policy.maximumDelaySeconds == 10)
        #expect(policy.initialDelaySeconds == RetryPolicy.standard.initialDelaySeconds)
        #expect(policy.jitter == RetryPolicy.standard.jitter)
    }

    @Test func retryPolicyMistakes_nameTheRule() throws {
        let cases: [(String, String)] = [
            (#"{"maximum_attempts": 0}"#, "maximum_attempts 0 is not a whole number from 1 to 100"),
            (#"{"maximum_attempts": 2.5}"#, "maximum_attempts 2.5"),
            (#"{"maximum_attempt": 3}"#, "unknown member \"maximum_attempt\"; did you mean \"maximum_attempts\"?"),
            (#"{"initial_delay_seconds": 30, "maximum_delay_seconds": 10}"#, "must be at least initial_delay_seconds (30)"),
            (#"{"jitter": 2}"#, "jitter 2 is out of range 0 to 1"),
            (#"{"multiplier": "2"}"#, "member \"multiplier\" is \"2\", not a number"),
        ]
        for (text, expected) in cases {
            let error = #expect(throws: FlowSettingError.self) { try RetryPolicy.parse(try parse(text)) }
            #expect(error?.message.contains(expected) == true, "\(text): \(error?.message ?? "")")
        }
    }
}
