import Testing

@testable import LedgerportJSONSchema

@Suite struct StringFormatTests {
    @Test(arguments: ["2026-12-31", "2024-02-29", "2000-02-29", "0001-01-01"])
    func date_acceptsRealDays(text: String) {
        #expect(StringFormat.date.accepts(text))
    }

    @Test(arguments: ["2026-02-29", "1900-02-29", "2026-13-01", "2026-04-31", "2026-1-01", "2026-01-01T00:00:00Z", "26-01-01", ""])
    func date_rejectsImpossibleOrMalformed(text: String) {
        #expect(!StringFormat.date.accepts(text))
    }

    @Test(arguments: ["2026-12-04T19:32:11Z", "2026-12-04t19:32:11z", "2026-12-04T19:32:11.123+01:00", "2016-12-31T23:59:60Z"])
    func dateTime_acceptsRFC3339(text: String) {
        #expect(StringFormat.dateTime.accepts(text))
    }

    @Test(arguments: ["2026-12-04 19:32:11Z", "2026-12-04T19:32:11", "2026-12-04T24:00:00Z", "2026-12-04T19:32:11.+01:00", "2026-12-04T19:32:11+0100"])
    func dateTime_rejectsMissingZoneOrBadParts(text: String) {
        #expect(!StringFormat.dateTime.accepts(text))
    }

    @Test(arguments: ["billing@acme-robotics.example", "first.last+tag@mail.example.com", "a@b.co"])
    func email_acceptsCommonAddresses(text: String) {
        #expect(StringFormat.email.accepts(text))
    }

    @Test(arguments: ["no-at-sign.example", "@example.com", "a@localhost", "a..b@example.com", "a@-bad.example", "a b@example.com"])
    func email_rejectsMalformed(text: String) {
        #expect(!StringFormat.email.accepts(text))
    }

    @Test(arguments: ["https://api.stripe.com/v1", "http://127.0.0.1:8069/jsonrpc", "mailto:billing@example.com", "urn:isbn:0451450523", "https://example.com/a%20b?q=1#frag"])
    func uri_acceptsAbsoluteURIs(text: String) {
        #expect(StringFormat.uri.accepts(text))
    }

    @Test(arguments: ["/relative/path", "example.com", "https://exa mple.com", "https://example.com/%zz", "1http://x", ""])
    func uri_rejectsRelativeOrMalformed(text: String) {
        #expect(!StringFormat.uri.accepts(text))
    }
}
