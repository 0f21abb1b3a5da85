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

    @Test func scatteredIDs_areDistinctAndOutOfOrder() throws {
        let factory = try StripeEventFactory.recording("016-customer.subscription.created.json", idOrder: .scattered)
        let bodies = (1...200).map { factory.body(number: $0) }
        let events = try bodies.map { try JSONParser.parse($0) }
        let eventIDs = events.compactMap { $0["id"]?.stringValue }
        let objectIDs = events.compactMap { $0["data"]?["object"]?["id"]?.stringValue }

        #expect(bodies.allSatisfy { $0.count == factory.template.count })
        #expect(Set(eventIDs).count == 200)
        #expect(Set(objectIDs).count == 200)
        #expect(eventIDs != eventIDs.sorted())
        #expect(objectIDs != objectIDs.sorted())
        #expect(eventIDs.first == factory.eventID(number: 1))
    }

    @Test func scatteredObjects_keepsEventIDsInOrder() throws {
        let factory = try StripeEventFactory.recording("016-customer.subscription.created.json", idOrder: .scatteredObjects)
        let events = try (1...50).map { try JSONParser.parse(factory.body(number: $0)) }
        let eventIDs = events.compactMap { $0["id"]?.stringValue }
        let objectIDs = events.compactMap { $0["data"]?["object"]?["id"]?.stringValue }

        #expect(eventIDs == eventIDs.sorted())
        #expect(Set(objectIDs).count == 50)
        #expect(objectIDs != objectIDs.sorted())
    }

    @Test func mix_keepsNumbersDistinct() {
        let mixed = Set((0..<10_000).map { StripeEventFactory.mix(UInt64($0)) })
        #expect(mixed.count == 10_000)
    }
}
