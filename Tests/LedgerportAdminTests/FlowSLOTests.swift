import Foundation
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import Testing

/// Each flow's service level as the admin API reports it, with time moved by a manual clock.
@Suite(.serialized)
struct FlowSLOTests {
    @Test func flows_reportSLOFigures() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let viewer = try await harness.token(tenant: acme.tenant.id, role: .viewer, name: "viewer@acme.example")
            try await harness.postCustomerCreated(acme, customerID: "cus_S1", eventID: "evt_S1")
            harness.failNextPartnerCalls(1)
            try await harness.postCustomerCreated(acme, customerID: "cus_S2", eventID: "evt_S2")
            try await harness.waitForIdle(acme.tenant.id)
            let letter = try #require(try await harness.runtime.store.deadLetters(tenant: acme.tenant.id, filter: .init(), after: nil, limit: 1).first)

            // The parked delivery is replayed two minutes later, past the flow's 60 s target.
            harness.clock.advance(seconds: 120)
            _ = try await harness.runtime.deadLetters.replay(letter.id, mappingVersion: nil, tenant: acme.tenant.id, actor: "finance@acme.example")
            try await harness.postCustomerCreated(acme, customerID: "cus_S3", eventID: "evt_S3")
            try await harness.waitForIdle(acme.tenant.id)

            let (status, json) = try await harness.request("GET", "\(acme.path)/flows", token: viewer)
            let slo = try #require(json["flows"]?[0]?["slo"])

            #expect(status == 200)
            #expect(slo["objective"] == .number(JSONNumber(ExactDecimal(significand: 99, scale: 2))))
            #expect(slo["target_seconds"] == 60)
            #expect(slo["total"] == 3)
            #expect(slo["delivered"] == 3)
            #expect(slo["delivered_within_target"] == 2)
            #expect(slo["open"] == 0)
            #expect(slo["ratio"] == .number(JSONNumber(ExactDecimal(significand: 6666, scale: 4))))
            #expect(slo["met"] == false)
            #expect(json["flows"]?[0]?["mapping_version_in_force"] == 1)
        }
    }

    @Test func flow_withoutDeliveriesInWindowIsNotJudged() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let viewer = try await harness.token(tenant: acme.tenant.id, role: .viewer, name: "viewer@acme.example")
            try await harness.postCustomerCreated(acme, customerID: "cus_S1", eventID: "evt_S1")
            try await harness.waitForIdle(acme.tenant.id)
            let since = AdminJSON.timestampText(harness.clock.now().addingTimeInterval(1))

            let (status, json) = try await harness.request("GET", "\(acme.path)/flows/stripe-customers?since=\(since)", token: viewer)

            #expect(status == 200)
            #expect(json["slo"]?["total"] == 0)
            #expect(json["slo"]?["ratio"] == .null)
            #expect(json["slo"]?["met"] == .null)
        }
    }

    @Test func sloReport_comparesTheObjectiveExactly() {
        let summary = DeliveryLatencySummary(total: 100, delivered: 100, deliveredWithinTarget: 99, parked: 0, open: 0)
        let report = FlowSLOReport(
            flowID: "invoices", objective: ExactDecimal(significand: 99, scale: 2), targetSeconds: 60, since: Date(), summary: summary
        )
        let missed = FlowSLOReport(
            flowID: "invoices", objective: ExactDecimal(significand: 995, scale: 3), targetSeconds: 60, since: Date(), summary: summary
        )

        #expect(report.met == true)
        #expect(report.ratio == ExactDecimal(significand: 9900, scale: 4))
        #expect(missed.met == false)
    }
}
