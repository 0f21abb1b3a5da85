@testable import LedgerportBenchmarks
import LedgerportSDK
import Testing

/// Copies of a recorded Stripe event: same size, new ids, valid JSON.
@Suite struct StripeEventFactoryTests {
    @Test func copies_haveDistinctIdsAndTheRecordingsSize() throws {
        let factory = try StripeEventFactory.recording("008-customer.created.json")

        let first = try JSONParser.parse(factory.body(number: 1))
        let second = try JSONParser.parse(factory.body(number: 2))

        #expect(factory.body(number: 1).count == factory.template.count)
        #expect(first["id"] != second["id"])
        #expect(first["data"]?["object"]?["id"] != second["data"]?["object"]?["id"])
        #expect(first["id"]?.stringValue == factory.eventID(number: 1))
        #expect(first["id"]?.stringValue?.hasPrefix("evt_") == true)
        #expect(first["data"]?["object"]?["id"]?.stringValue?.hasPrefix("cus_") == true)
        #expect(first["type"] == "customer.created")
    }
}
