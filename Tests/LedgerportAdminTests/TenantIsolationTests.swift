import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import Testing

/// One tenant's token never reaches another tenant's data, and the reply does not reveal that the other tenant exists.
@Suite(.serialized)
struct TenantIsolationTests {
    @Test func tenantToken_cannotReadOrReplayAnotherTenant() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let globex = try await harness.provisionTenant(slug: "globex")
            harness.failNextPartnerCalls(1)
            #expect(try await harness.postCustomerCreated(globex, customerID: "cus_G1", eventID: "evt_G1") == 200)
            try await harness.waitForIdle(globex.tenant.id)
            let globexLetter = try #require(try await harness.runtime.store.deadLetters(tenant: globex.tenant.id, filter: .init(), after: nil, limit: 1).first)
            let acmeAdmin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "admin@acme.example")

            let unknown = try await harness.request("GET", "/admin/tenants/initech/events", token: acmeAdmin)
            let requests: [(String, String, JSONValue?)] = [
                ("GET", "\(globex.path)/events", nil),
                ("GET", "\(globex.path)/deliveries", nil),
                ("GET", "\(globex.path)/deliveries/\(globexLetter.deliveryID)", nil),
                ("GET", "\(globex.path)/dead-letters", nil),
                ("GET", "\(globex.path)/dead-letters/\(globexLetter.id)", nil),
                ("POST", "\(globex.path)/dead-letters/\(globexLetter.id)/replay", [:]),
                ("POST", "\(globex.path)/dead-letters/replay", ["ids": [.number(JSONNumber(globexLetter.id.rawValue))]]),
                ("POST", "\(globex.path)/dead-letters/\(globexLetter.id)/discard", ["reason": "not mine"]),
            ]
            for (method, path, body) in requests {
                let (status, json) = try await harness.request(method, path, token: acmeAdmin, body: body)

                #expect(status == 404, "\(method) \(path)")
                #expect(json["error"]?["code"] == unknown.json["error"]?["code"], "\(method) \(path)")
                #expect(json["error"]?["message"]?.stringValue == unknown.json["error"]?["message"]?.stringValue?.replacingOccurrences(of: "initech", with: "globex"))
            }

            let after = try await harness.runtime.store.deadLetter(globexLetter.id, tenant: globex.tenant.id)
            #expect(after.status == .parked)
        }
    }

    @Test func tenantToken_readsItsOwnEvents() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let globex = try await harness.provisionTenant(slug: "globex")
            try await harness.postCustomerCreated(acme, customerID: "cus_A1", eventID: "evt_A1")
            try await harness.postCustomerCreated(globex, customerID: "cus_G1", eventID: "evt_G1")
            let viewer = try await harness.token(tenant: acme.tenant.id, role: .viewer, name: "viewer@acme.example")

            let (status, json) = try await harness.request("GET", "\(acme.path)/events", token: viewer)

            #expect(status == 200)
            #expect(json["events"]?.arrayValue?.compactMap { $0["source_event_id"]?.stringValue } == ["evt_A1"])
        }
    }

    @Test func operatorToken_readsEveryTenantButReplaysNone() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            harness.failNextPartnerCalls(1)
            try await harness.postCustomerCreated(acme, customerID: "cus_A1", eventID: "evt_A1")
            try await harness.waitForIdle(acme.tenant.id)
            let operatorToken = try await harness.token(tenant: nil, role: .operator_, name: "ops@example.com")

            let (listed, letters) = try await harness.request("GET", "\(acme.path)/dead-letters", token: operatorToken)
            let letterID = try #require(letters["dead_letters"]?[0]?["id"]?.int64Value)
            let (replayed, error) = try await harness.request("POST", "\(acme.path)/dead-letters/\(letterID)/replay", token: operatorToken, body: [:])

            #expect(listed == 200)
            #expect(replayed == 403)
            #expect(error["error"]?["code"] == "forbidden")
        }
    }

    @Test func misspeltTenant_suggestsClosestOnlyToOperators() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            _ = try await harness.provisionTenant(slug: "globex")
            let operatorToken = try await harness.token(tenant: nil, role: .operator_, name: "ops@example.com")
            let acmeAdmin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "admin@acme.example")

            let byOperator = try await harness.request("GET", "/admin/tenants/globx/events", token: operatorToken)
            let byTenant = try await harness.request("GET", "/admin/tenants/globx/events", token: acmeAdmin)

            #expect(byOperator.status == 404)
            #expect(byOperator.json["error"]?["message"]?.stringValue?.contains(#"did you mean "globex"?"#) == true)
            #expect(byTenant.status == 404)
            #expect(byTenant.json["error"]?["message"] == #"tenant "globx" not found; check the slug, and use a token issued for that tenant"#)
        }
    }

    @Test func tenantToken_cannotListTenants() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let admin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "admin@acme.example")

            let (status, json) = try await harness.request("GET", "/admin/tenants", token: admin)

            #expect(status == 403)
            #expect(json["error"]?["message"]?.stringValue?.contains("operator") == true)
        }
    }
}
