import Foundation
import LedgerportSDK
import Testing

@Suite struct CanonicalEventTests {
    static let invoice = CanonicalInvoice(
        id: "in_1", customerID: "cus_1", status: .open, currency: "JPY",
        lines: [
            .init(id: "il_1", description: "Pro plan", quantity: ExactDecimal(2), amount: Money(minorUnits: 5800, currency: "JPY")),
            .init(id: "il_2", description: "Unused time", quantity: ExactDecimal(1), amount: Money(minorUnits: -1200, currency: "JPY"), proration: true),
        ],
        subtotal: Money(minorUnits: 4600, currency: "JPY"), discountTotal: .zero("JPY"), taxTotal: .zero("JPY"),
        total: Money(minorUnits: 4600, currency: "JPY"), amountDue: Money(minorUnits: 4600, currency: "JPY"),
        amountPaid: .zero("JPY"), amountRemaining: Money(minorUnits: 4600, currency: "JPY"),
        createdAt: Date(timeIntervalSince1970: 1_796_412_147)
    )

    @Test func event_roundTripsThroughJSON() throws {
        let event = CanonicalEvent(
            id: "evt_1", type: .invoiceFinalized, occurredAt: Date(timeIntervalSince1970: 1_796_412_147),
            source: EventSource(connector: "stripe", connectorVersion: "1.0.0", nativeType: "invoice.finalized", apiVersion: "2017-08-15"),
            ordering: EventOrdering(key: "invoice:in_1", version: 1_796_412_147_000),
            object: .invoice(Self.invoice)
        )
        let bytes = try JSONValueEncoder().encodeBytes(event)
        let decoded = try JSONValueDecoder().decode(CanonicalEvent.self, from: bytes)
        #expect(decoded == event)

        let json = try JSONParser.parse(bytes)
        #expect(json["object_type"] == "invoice")
        #expect(json["object_schema_version"] == 1)
        #expect(json["occurred_at"] == "2026-12-04T19:22:27Z")
        #expect(json["object"]?["lines"]?[1]?["amount"]?["minor_units"] == -1200)
        #expect(json["object"]?["number"] == nil)
    }

    @Test func unsupportedSchemaVersion_isRejected() throws {
        var json = try JSONValueEncoder().encode(CanonicalEvent(
            id: "evt_1", type: .invoiceCreated, occurredAt: Date(timeIntervalSince1970: 0),
            source: EventSource(connector: "stripe", connectorVersion: "1.0.0", nativeType: "invoice.created"),
            ordering: EventOrdering(key: "invoice:in_1", version: 0), object: .invoice(Self.invoice)
        ))
        guard case .object(var members) = json else { Issue.record("event is not an object"); return }
        members["object_schema_version"] = 9
        json = .object(members)
        #expect(throws: DecodingError.self) { try JSONValueDecoder().decode(CanonicalEvent.self, from: json) }
    }
}
