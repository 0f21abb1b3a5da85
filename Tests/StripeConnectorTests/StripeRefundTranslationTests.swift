import Foundation
import LedgerportSDK
import Testing
@testable import StripeConnector

@Suite struct StripeRefundTranslationTests {
    /// The refund localstripe recorded for the first payment of scenario A.
    static let recordedRefund: JSONValue = [
        "id": "re_nxLMhWuHKFJVhJ", "object": "refund", "amount": 1000, "charge": "ch_ENyEy72ydUhuDi", "created": 1_796_412_172,
        "currency": "eur", "metadata": ["reason_odoo": "goodwill"], "payment_intent": "pi_i7vSQISLoQII14", "status": "succeeded",
    ]
    static let secondRefund: JSONValue = [
        "id": "re_second", "object": "refund", "amount": 500, "charge": "ch_ENyEy72ydUhuDi", "created": 1_796_412_190,
        "currency": "eur", "metadata": [:], "payment_intent": "pi_i7vSQISLoQII14", "status": "succeeded",
    ]

    /// Builds the recorded charge of scenario A, refunded by `refunds` and attached to an invoice.
    static func refundedCharge(_ refunds: [JSONValue], embed: Bool) throws -> JSONValue {
        let charge = try StripeTestSupport.recordedObject("011-payment_intent.succeeded.json")["latest_charge"]!
        let refunded = refunds.compactMap { $0["amount"]?.int64Value }.reduce(0, +)
        var result = charge.setting("amount_refunded", to: .number(JSONNumber(refunded))).setting("invoice", to: "in_f14PpNRxvVo9ii")
        result = embed
            ? result.setting("refunds", to: ["object": "list", "data": .array(refunds), "has_more": false])
            : result.setting("refunds", to: nil)
        return result
    }

    @Test func secondRefund_yieldsEachRefundAmountNotCumulative() async throws {
        let (connector, _) = try StripeTestSupport.connector()
        let first = StripeTestSupport.eventBody(id: "evt_r1", type: "charge.refunded", created: 1_796_412_172, object: try Self.refundedCharge([Self.recordedRefund], embed: true))
        let second = StripeTestSupport.eventBody(id: "evt_r2", type: "charge.refunded", created: 1_796_412_190, object: try Self.refundedCharge([Self.secondRefund, Self.recordedRefund], embed: true))

        let firstEvents = try await connector.translate(StripeTestSupport.nativeEvent(first))
        let secondEvents = try await connector.translate(StripeTestSupport.nativeEvent(second))

        #expect(firstEvents.map(\.id) == ["re_nxLMhWuHKFJVhJ:succeeded"])
        #expect(Set(secondEvents.map(\.id)) == ["re_nxLMhWuHKFJVhJ:succeeded", "re_second:succeeded"])
        var amounts = [String: Money]()
        for event in secondEvents {
            guard case .refund(let refund) = event.object else { Issue.record("not a refund"); continue }
            amounts[refund.id] = refund.amount
            #expect(refund.invoiceID == "in_f14PpNRxvVo9ii")
            #expect(refund.paymentID == "pi_i7vSQISLoQII14")
            #expect(event.ordering.key == "invoice:in_f14PpNRxvVo9ii")
            #expect(CanonicalInvariants.violations(of: event) == [])
        }
        #expect(amounts["re_nxLMhWuHKFJVhJ"] == Money(minorUnits: 1000, currency: "EUR"))
        #expect(amounts["re_second"] == Money(minorUnits: 500, currency: "EUR"))
        #expect(!amounts.values.contains(Money(minorUnits: 1500, currency: "EUR")))
    }

    @Test func modernVersion_fetchesRefundsOfCharge() async throws {
        let transport = RecordedTransport(["GET /v1/refunds": [
            .json(200, ["object": "list", "data": [Self.secondRefund], "has_more": true]),
            .json(200, ["object": "list", "data": [Self.recordedRefund], "has_more": false]),
        ]])
        let (connector, _) = try StripeTestSupport.connector(http: transport, configuration: StripeTestSupport.configuration(version: "2024-06-20"))
        let body = StripeTestSupport.eventBody(
            id: "evt_r3", type: "charge.refunded", created: 1_796_412_190,
            object: try Self.refundedCharge([Self.secondRefund, Self.recordedRefund], embed: false), apiVersion: "2024-06-20"
        )
        let events = try await connector.translate(StripeTestSupport.nativeEvent(body))

        #expect(events.count == 2)
        #expect(transport.requests.count == 2)
        #expect(transport.requests[0].url.contains("charge=ch_ENyEy72ydUhuDi"))
        #expect(transport.requests[1].url.contains("starting_after=re_second"))
    }
}
