import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import Testing

/// Roles decide actions: viewers read, finance operators work dead letters, board members decide change requests.
@Suite(.serialized)
struct AdminRoleTests {
    @Test func viewer_cannotReplayOrDiscard() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            harness.failNextPartnerCalls(1)
            try await harness.postCustomerCreated(acme, customerID: "cus_V1", eventID: "evt_V1")
            try await harness.waitForIdle(acme.tenant.id)
            let letter = try #require(try await harness.runtime.store.deadLetters(tenant: acme.tenant.id, filter: .init(), after: nil, limit: 1).first)
            let viewer = try await harness.token(tenant: acme.tenant.id, role: .viewer, name: "viewer@acme.example")

            let read = try await harness.request("GET", "\(acme.path)/dead-letters/\(letter.id)", token: viewer)
            let replay = try await harness.request("POST", "\(acme.path)/dead-letters/\(letter.id)/replay", token: viewer, body: [:])
            let discard = try await harness.request("POST", "\(acme.path)/dead-letters/\(letter.id)/discard", token: viewer, body: ["reason": "x"])

            #expect(read.status == 200)
            #expect(replay.status == 403)
            #expect(replay.json["error"]?["message"] == "replay dead letters requires the role finance_operator or tenant_admin, and this token has the role viewer; use a token with one of those roles")
            #expect(discard.status == 403)
            let after = try await harness.runtime.store.deadLetter(letter.id, tenant: acme.tenant.id)
            #expect(after.status == .parked)
        }
    }

    @Test func tenantToken_cannotReadPlatformRoutes() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let admin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "admin@acme.example")

            for path in ["/admin/alerts", "/admin/tenants", "/admin/audit"] {
                let response = try await harness.request("GET", path, token: admin)

                #expect(response.status == 403, "\(path)")
                #expect(response.json["error"]?["message"]?.stringValue?.hasPrefix("read platform requires the role operator") == true, "\(path)")
            }
        }
    }

    @Test func financeOperator_cannotDecideChangeRequests() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let request = try await harness.proposeCustomerMappingChange(tenant: acme.tenant.id)
            let finance = try await harness.token(tenant: acme.tenant.id, role: .financeOperator, name: "finance@acme.example")

            let (status, json) = try await harness.request(
                "POST", "\(acme.path)/change-requests/\(request.id)/decisions", token: finance, body: ["decision": "approve"]
            )

            #expect(status == 403)
            #expect(json["error"]?["code"] == "forbidden")
            let approvals = try await harness.runtime.store.approvals(changeRequest: request.id, tenant: acme.tenant.id)
            #expect(approvals.isEmpty)
        }
    }

    @Test func boardMember_cannotWithdraw_namesTheWithdrawal() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let request = try await harness.proposeCustomerMappingChange(tenant: acme.tenant.id)
            let board = try await harness.token(tenant: acme.tenant.id, role: .boardMember, name: "controller@acme.example")

            let (status, json) = try await harness.request("POST", "\(acme.path)/change-requests/\(request.id)/withdraw", token: board)

            #expect(status == 403)
            #expect(json["error"]?["message"]?.stringValue?.hasPrefix("withdraw change requests requires the role tenant_admin") == true, "\(json)")
            #expect(try await harness.runtime.store.changeRequest(request.id, tenant: acme.tenant.id).state == .open)
        }
    }

    @Test func proposer_cannotApproveOwnRequest() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let newer = try await harness.publishCustomerMapping(tenant: acme.tenant.id, version: "1.1.0")
            let admin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "revops@acme.example")

            let (proposed, created) = try await harness.request(
                "POST", "\(acme.path)/change-requests", token: admin,
                body: ["mapping_id": "stripe-customers", "version": .number(JSONNumber(newer.version)), "summary": "Prefix refs"]
            )
            let id = try #require(created["id"]?.stringValue)
            let (status, json) = try await harness.request("POST", "\(acme.path)/change-requests/\(id)/decisions", token: admin, body: ["decision": "approve"])

            #expect(proposed == 201)
            #expect(created["proposed_by"] == "revops@acme.example")
            #expect(status == 403)
            #expect(json["error"]?["code"] == "self_review")
        }
    }

    @Test func boardMembers_approveAndAdminApplies() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let newer = try await harness.publishCustomerMapping(tenant: acme.tenant.id, version: "1.1.0")
            let admin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "revops@acme.example")
            let controller = try await harness.token(tenant: acme.tenant.id, role: .boardMember, name: "controller@acme.example")
            let cfo = try await harness.token(tenant: acme.tenant.id, role: .boardMember, name: "cfo@acme.example")
            let (_, created) = try await harness.request(
                "POST", "\(acme.path)/change-requests", token: admin,
                body: ["mapping_id": "stripe-customers", "version": .number(JSONNumber(newer.version)), "summary": "Prefix refs"]
            )
            let id = try #require(created["id"]?.stringValue)

            let boardApply = try await harness.request("POST", "\(acme.path)/change-requests/\(id)/apply", token: controller)
            _ = try await harness.request("POST", "\(acme.path)/change-requests/\(id)/decisions", token: controller, body: ["decision": "approve", "comment": "ok"])
            let (_, second) = try await harness.request("POST", "\(acme.path)/change-requests/\(id)/decisions", token: cfo, body: ["decision": "approve"])
            let (applied, result) = try await harness.request("POST", "\(acme.path)/change-requests/\(id)/apply", token: admin)
            let shown = try await harness.request("GET", "\(acme.path)/change-requests/\(id)", token: cfo)

            #expect(boardApply.status == 403)
            #expect(second["change_request"]?["state"] == "approved")
            #expect(applied == 200)
            #expect(result["activation"]?["mapping"]?["version"] == .number(JSONNumber(newer.version)))
            #expect(shown.json["change_request"]?["state"] == "applied")
            #expect(shown.json["approvals"]?.arrayValue?.count == 2)
        }
    }

    @Test func viewer_cannotPauseFlows() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let viewer = try await harness.token(tenant: acme.tenant.id, role: .viewer, name: "viewer@acme.example")
            let admin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "revops@acme.example")

            let denied = try await harness.request("POST", "\(acme.path)/flows/stripe-customers/pause", token: viewer)
            let paused = try await harness.request("POST", "\(acme.path)/flows/stripe-customers/pause", token: admin)
            try await harness.postCustomerCreated(acme, customerID: "cus_P1", eventID: "evt_P1")
            let whilePaused = try await harness.runtime.store.deliveries(tenant: acme.tenant.id, state: nil, after: nil, limit: 10)
            let resumed = try await harness.request("POST", "\(acme.path)/flows/stripe-customers/resume", token: admin)

            #expect(denied.status == 403)
            #expect(paused.json["state"] == "paused")
            #expect(whilePaused.isEmpty)
            #expect(resumed.json["state"] == "active")
        }
    }
}
