import Foundation
import LedgerportSDK
import LedgerportStore
import Testing

/// `POST /tenants/{tenant}/flows/{flow}/deliver-stored`: events stored while a flow was paused get delivered afterwards.
@Suite(.serialized)
struct StoredEventDeliveryAPITests {
    private let since = "2020-01-01T00:00:00Z"

    @Test func eventStoredWhilePaused_isDeliveredAfterResume() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let admin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "revops@acme.example")
            let path = "\(acme.path)/flows/\(AdminTestHarness.customerFlowID)"
            _ = try await harness.request("POST", "\(path)/pause", token: admin)
            try await harness.postCustomerCreated(acme, customerID: "cus_S1", eventID: "evt_S1")
            _ = try await harness.request("POST", "\(path)/resume", token: admin)

            let dryRun = try await harness.request("POST", "\(path)/deliver-stored", token: admin, body: ["since": .string(since), "dry_run": true])
            let untouched = try await harness.runtime.store.deliveries(tenant: acme.tenant.id, state: nil, after: nil, limit: 10)
            let delivered = try await harness.request("POST", "\(path)/deliver-stored", token: admin, body: ["since": .string(since)])
            try await harness.waitForIdle(acme.tenant.id)
            let again = try await harness.request("POST", "\(path)/deliver-stored", token: admin, body: ["since": .string(since)])
            let deliveries = try await harness.runtime.store.deliveries(tenant: acme.tenant.id, state: nil, after: nil, limit: 10)

            #expect(dryRun.status == 200)
            #expect(dryRun.json["events_to_deliver"] == 1)
            #expect(dryRun.json["deliveries_created"] == 0)
            #expect(untouched.isEmpty)
            #expect(delivered.json["deliveries_created"] == 1)
            #expect(again.json["deliveries_created"] == 0)
            #expect(again.json["already_delivered"] == 1)
            #expect(deliveries.map(\.state) == [.delivered])
            // Ingest stored the event's Stripe `created` time as its ordering version, and the late delivery took it.
            #expect(deliveries.first.map { $0.orderingVersion > 0 } == true)
        }
    }

    @Test func missingSince_isBadRequest() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let admin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "revops@acme.example")

            let response = try await harness.request(
                "POST", "\(acme.path)/flows/\(AdminTestHarness.customerFlowID)/deliver-stored", token: admin, body: ["dry_run": true])

            #expect(response.status == 400)
            #expect(response.json["error"]?["message"]?.stringValue?.contains(#"member "since" is missing"#) == true)
        }
    }

    @Test func pausedFlow_isConflict() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let admin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "revops@acme.example")
            let path = "\(acme.path)/flows/\(AdminTestHarness.customerFlowID)"
            _ = try await harness.request("POST", "\(path)/pause", token: admin)

            let response = try await harness.request("POST", "\(path)/deliver-stored", token: admin, body: ["since": .string(since)])

            #expect(response.status == 409)
            #expect(response.json["error"]?["message"]?.stringValue?.contains("the flow is paused") == true)
        }
    }

    @Test func viewer_cannotDeliverStoredEvents() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let viewer = try await harness.token(tenant: acme.tenant.id, role: .viewer, name: "viewer@acme.example")

            let response = try await harness.request(
                "POST", "\(acme.path)/flows/\(AdminTestHarness.customerFlowID)/deliver-stored", token: viewer, body: ["since": .string(since)])

            #expect(response.status == 403)
        }
    }
}
