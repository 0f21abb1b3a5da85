import LedgerportOdooSandbox
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import Testing

/// Operational alerts come and go with the target's health; business exceptions never raise one.
@Suite(.serialized)
struct AdminAlertTests {
    @Test func configurationFailure_raisesAlertThatClearsOnSuccess() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let viewer = try await harness.token(tenant: acme.tenant.id, role: .viewer, name: "viewer@acme.example")
            let operatorToken = try await harness.token(tenant: nil, role: .operator_, name: "ops@example.com")
            harness.failNextPartnerCalls(1)
            try await harness.postCustomerCreated(acme, customerID: "cus_A1", eventID: "evt_A1")
            try await harness.waitForIdle(acme.tenant.id)

            let raised = try await harness.request("GET", "\(acme.path)/alerts", token: viewer)
            let platform = try await harness.request("GET", "/admin/alerts", token: operatorToken)
            let letter = try #require(try await harness.runtime.store.deadLetters(tenant: acme.tenant.id, filter: .init(), after: nil, limit: 1).first)
            _ = try await harness.runtime.deadLetters.replay(letter.id, mappingVersion: nil, tenant: acme.tenant.id, actor: "finance@acme.example")
            try await harness.waitForIdle(acme.tenant.id)
            let cleared = try await harness.request("GET", "\(acme.path)/alerts", token: viewer)

            #expect(raised.json["alerts"]?.arrayValue?.count == 1)
            #expect(raised.json["alerts"]?[0]?["kind"] == "configuration_failing")
            #expect(raised.json["alerts"]?[0]?["connection_id"] == "odoo-main")
            #expect(platform.json["alerts"]?[0]?["tenant"] == "acme")
            #expect(cleared.json["alerts"]?.arrayValue?.isEmpty == true)
        }
    }

    @Test func raisedAlert_outlivesARestart() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            harness.failNextPartnerCalls(1)
            try await harness.postCustomerCreated(acme, customerID: "cus_C1", eventID: "evt_C1")
            try await harness.waitForIdle(acme.tenant.id)
            let before = harness.runtime.alerts.activeAlerts(tenantSlug: "acme")

            let reopened = try await harness.stopAndReopenRuntime()
            let after = reopened.alerts.activeAlerts(tenantSlug: "acme")
            await harness.closeReopened(reopened)

            #expect(before.count == 1)
            #expect(after == before)
        }
    }

    @Test func clearedAlert_staysClearedAfterARestart() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            harness.failNextPartnerCalls(1)
            try await harness.postCustomerCreated(acme, customerID: "cus_D1", eventID: "evt_D1")
            try await harness.waitForIdle(acme.tenant.id)
            let letter = try #require(try await harness.runtime.store.deadLetters(tenant: acme.tenant.id, filter: .init(), after: nil, limit: 1).first)
            _ = try await harness.runtime.deadLetters.replay(letter.id, mappingVersion: nil, tenant: acme.tenant.id, actor: "finance@acme.example")
            try await harness.waitForIdle(acme.tenant.id)

            let reopened = try await harness.stopAndReopenRuntime()
            let after = reopened.alerts.activeAlerts(tenantSlug: "acme")
            await harness.closeReopened(reopened)

            #expect(after.isEmpty)
        }
    }

    @Test func businessRejection_parksWithoutAlert() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let viewer = try await harness.token(tenant: acme.tenant.id, role: .viewer, name: "viewer@acme.example")
            harness.sandbox.sandbox.injectFault(OdooFault(.validationError, "The VAT number is not valid."), count: 1, model: "res.partner")
            try await harness.postCustomerCreated(acme, customerID: "cus_B1", eventID: "evt_B1")
            try await harness.waitForIdle(acme.tenant.id)

            let alerts = try await harness.request("GET", "\(acme.path)/alerts", token: viewer)
            let letters = try await harness.request("GET", "\(acme.path)/dead-letters?reason=business", token: viewer)

            #expect(alerts.json["alerts"]?.arrayValue?.isEmpty == true)
            #expect(letters.json["dead_letters"]?.arrayValue?.count == 1)
            #expect(letters.json["dead_letters"]?[0]?["target_message"]?.stringValue?.contains("VAT") == true)
        }
    }

    @Test func unreadablePayload_raisesSourceAlertUntilNextTranslation() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let viewer = try await harness.token(tenant: acme.tenant.id, role: .viewer, name: "viewer@acme.example")
            let unreadable = #"{"id": "evt_C0", "object": "event", "type": "customer.created", "data": {"object": {"object": "customer"}}}"#
            try await harness.postSigned(Array(unreadable.utf8), to: acme)
            try await harness.waitForIdle(acme.tenant.id)

            let raised = try await harness.request("GET", "\(acme.path)/alerts", token: viewer)
            let letters = try await harness.request("GET", "\(acme.path)/dead-letters?reason=system", token: viewer)
            try await harness.postCustomerCreated(acme, customerID: "cus_C1", eventID: "evt_C1")
            try await harness.waitForIdle(acme.tenant.id)
            let cleared = try await harness.request("GET", "\(acme.path)/alerts", token: viewer)

            #expect(raised.json["alerts"]?.arrayValue?.count == 1)
            #expect(raised.json["alerts"]?[0]?["kind"] == "system_failing")
            #expect(raised.json["alerts"]?[0]?["connection_id"] == "stripe-main")
            #expect(raised.json["alerts"]?[0]?["origin"] == "translation")
            #expect(letters.json["dead_letters"]?.arrayValue?.count == 1)
            #expect(cleared.json["alerts"]?.arrayValue?.isEmpty == true)
        }
    }
}
