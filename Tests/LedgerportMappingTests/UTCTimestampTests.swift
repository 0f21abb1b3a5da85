import Foundation
import LedgerportSDK
import Testing

@testable import LedgerportMapping

@Suite struct UTCTimestampTests {
    static let texts = [
        "1970-01-01T00:00:00Z", "2026-12-04T19:22:27Z", "2028-02-29T23:59:59Z", "2026-01-31T23:30:00.250Z",
        "1969-12-31T23:59:59Z", "2100-03-01T00:00:00Z", "2000-02-29T12:00:00.999Z",
    ]

    @Test(arguments: texts)
    func fastParse_agreesWithTheSDKDecoder(_ text: String) throws {
        let fast = try #require(UTCTimestamp.parse(text))
        let decoded = try JSONValueDecoder().decode(Date.self, from: JSONValue.string(text))
        #expect(fast == decoded)
    }

    @Test func everyMillisecond_agreesWithTheSDKDecoder() throws {
        for millisecond in 0..<1000 {
            let text = "2026-12-04T19:22:27." + String(repeating: "0", count: 3 - String(millisecond).count) + String(millisecond) + "Z"
            let decoded = try JSONValueDecoder().decode(Date.self, from: JSONValue.string(text))
            #expect(UTCTimestamp.parse(text) == decoded, "\(text)")
        }
    }

    @Test(arguments: ["2026-12-04T19:22:27+01:00", "2026-02-30T00:00:00Z", "2026-12-04 19:22:27Z", "2026-12-04T24:00:00Z", "2026-12-04T19:22:27.5Z"])
    func otherForms_fallBack(_ text: String) {
        #expect(UTCTimestamp.parse(text) == nil)
    }

    @Test func offsetForm_stillReadsThroughTheDecoder() throws {
        let document = ProbeTarget.mapping(values: ["day": TestSupport.json(#"{"date": {"path": "object.created_at"}, "time_zone": "UTC"}"#)])
        let event = Samples.invoiceEvent().setting("/object/created_at", to: "2026-01-31T23:30:00-05:00")
        #expect(try ProbeTarget.evaluate(document, event: event)["day"] == ["$date": "2026-02-01"])
    }

    @Test func trustedDocument_skipsTheSchemaCheck() throws {
        let mapping = try Mapping(document: ProbeTarget.mapping(values: ["text": "x"]), file: "probe.json", environment: ProbeTarget.environment)
        let offSchema = Samples.invoiceEvent().setting("/object/colour", to: "red")
        #expect(throws: MappingEvaluationError.self) {
            try MappingEvaluator.evaluate(mapping, eventDocument: offSchema, context: TestSupport.context())
        }
        let operations = try MappingEvaluator.evaluate(mapping, eventDocument: offSchema, context: TestSupport.context(), checkingSchema: false)
        #expect(operations.count == 1)
    }
}
