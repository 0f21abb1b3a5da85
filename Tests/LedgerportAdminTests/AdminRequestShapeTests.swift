import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import Testing

/// Unknown or misspelt query arguments and body members, and members of the wrong type, are rejected before anything runs.
@Suite(.serialized)
struct AdminRequestShapeTests {
    /// Parks one customer delivery of a new tenant and returns the tenant, its dead letter and a finance operator's token.
    private func parkOne(_ harness: AdminTestHarness) async throws -> (ProvisionedTenant, DeadLetter, String) {
        let acme = try await harness.provisionTenant(slug: "acme")
        harness.failNextPartnerCalls(1)
        try await harness.postCustomerCreated(acme, customerID: "cus_S1", eventID: "evt_S1")
        try await harness.waitForIdle(acme.tenant.id)
        let letter = try #require(try await harness.runtime.store.deadLetters(tenant: acme.tenant.id, filter: .init(), after: nil, limit: 1).first)
        let token = try await harness.token(tenant: acme.tenant.id, role: .financeOperator, name: "finance@acme.example")
        return (acme, letter, token)
    }

    @Test func replayOne_misspeltDryRunReplaysNothing() async throws {
        try await withHarness { harness in
            let (acme, letter, token) = try await parkOne(harness)

            let (status, json) = try await harness.request("POST", "\(acme.path)/dead-letters/\(letter.id)/replay", token: token, body: ["dryrun": true])

            #expect(status == 400)
            #expect(json["error"]?["code"] == "invalid_input")
            #expect(
                json["error"]?["message"]
                    == #"body member "dryrun" is not accepted: did you mean "dry_run"? this route accepts "dry_run" and "mapping_version""#)
            let after = try await harness.runtime.store.deadLetter(letter.id, tenant: acme.tenant.id)
            #expect(after.status == .parked)
        }
    }

    @Test func replayOne_stringDryRunIsRejected() async throws {
        try await withHarness { harness in
            let (acme, letter, token) = try await parkOne(harness)

            let (status, json) = try await harness.request("POST", "\(acme.path)/dead-letters/\(letter.id)/replay", token: token, body: ["dry_run": "yes"])

            #expect(status == 400)
            #expect(json["error"]?["code"] == "invalid_input")
            #expect(json["error"]?["message"] == #"body member "dry_run" is "yes", a string; it must be true or false"#)
            let after = try await harness.runtime.store.deadLetter(letter.id, tenant: acme.tenant.id)
            #expect(after.status == .parked)
        }
    }

    @Test func bulkReplay_misspeltFilterMemberSelectsNothing() async throws {
        try await withHarness { harness in
            let (acme, letter, token) = try await parkOne(harness)

            let (status, json) = try await harness.request(
                "POST", "\(acme.path)/dead-letters/replay", token: token, body: ["filter": ["reasn": "business"], "dry_run": false]
            )

            #expect(status == 400)
            #expect(json["error"]?["code"] == "invalid_input")
            let message = try #require(json["error"]?["message"]?.stringValue)
            #expect(message.hasPrefix(#"body member "filter.reasn" is not accepted: did you mean "filter.reason"?"#))
            #expect(message.hasSuffix(#"this route accepts "filter.flow", "filter.reason" and "filter.since""#))
            let after = try await harness.runtime.store.deadLetter(letter.id, tenant: acme.tenant.id)
            #expect(after.status == .parked)
        }
    }

    @Test func bulkReplay_idsOfWrongTypeAreRejected() async throws {
        try await withHarness { harness in
            let (acme, letter, token) = try await parkOne(harness)

            let (status, json) = try await harness.request("POST", "\(acme.path)/dead-letters/replay", token: token, body: ["ids": ["4"]])

            #expect(status == 400)
            #expect(json["error"]?["message"]?.stringValue?.hasSuffix("it must be a list of integers") == true)
            let after = try await harness.runtime.store.deadLetter(letter.id, tenant: acme.tenant.id)
            #expect(after.status == .parked)
        }
    }

    @Test func bulkReplay_hugeLimitIsRejectedAsBeyond64Bits() async throws {
        try await withHarness { harness in
            let (acme, letter, token) = try await parkOne(harness)

            // Sent as raw text, as a client would write it.
            let response = try await harness.runtime.transport.send(HTTPRequest(
                method: "POST", url: "http://127.0.0.1:\(harness.runtime.port ?? 0)\(acme.path)/dead-letters/replay",
                headers: ["Content-Type": "application/json", "Authorization": "Bearer \(token)"],
                body: Array(#"{"filter": {"reason": "configuration"}, "limit": 1e300}"#.utf8)))
            let message = try JSONParser.parse(response.body)["error"]?["message"]?.stringValue ?? ""

            #expect(response.status == 400)
            #expect(message.contains("beyond 64 bits; it must be an integer from"))
            let after = try await harness.runtime.store.deadLetter(letter.id, tenant: acme.tenant.id)
            #expect(after.status == .parked)
        }
    }

    @Test func proposal_misspeltEnvironmentOpensNoRequest() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let admin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "revops@acme.example")
            let before = try await harness.runtime.store.changeRequests(tenant: acme.tenant.id, state: nil)

            let (status, json) = try await harness.request(
                "POST", "\(acme.path)/change-requests", token: admin,
                body: ["mapping_id": "stripe-customers", "version": 1, "enviroment": "test", "summary": "Try it in test"]
            )

            #expect(status == 400)
            #expect(json["error"]?["message"]?.stringValue?.contains(#""enviroment" is not accepted: did you mean "environment"?"#) == true)
            let after = try await harness.runtime.store.changeRequests(tenant: acme.tenant.id, state: nil)
            #expect(after.count == before.count)
        }
    }

    @Test func createTenant_misspeltMembersCreateNothing() async throws {
        try await withHarness { harness in
            let operatorToken = try await harness.token(tenant: nil, role: .operator_, name: "ops@example.com")

            let name = try await harness.request("POST", "/admin/tenants", token: operatorToken, body: ["slug": "globex", "display_nam": "Globex"])
            let zone = try await harness.request("POST", "/admin/tenants", token: operatorToken, body: ["slug": "globex", "timezone": "Europe/Paris"])

            #expect(name.status == 400)
            #expect(name.json["error"]?["message"]?.stringValue?.contains(#"did you mean "display_name"?"#) == true)
            #expect(zone.status == 400)
            #expect(zone.json["error"]?["message"]?.stringValue?.contains(#"did you mean "time_zone"?"#) == true)
            let tenants = try await harness.runtime.store.tenants()
            #expect(!tenants.contains { $0.slug == "globex" })
        }
    }

    @Test func events_misspeltLimitIsRejected() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let viewer = try await harness.token(tenant: acme.tenant.id, role: .viewer, name: "viewer@acme.example")

            let (status, json) = try await harness.request("GET", "\(acme.path)/events?limt=10", token: viewer)

            #expect(status == 400)
            #expect(json["error"]?["code"] == "invalid_query")
            #expect(
                json["error"]?["message"]
                    == #"query argument "limt" is not accepted: did you mean "limit"? this route accepts "after", "connection" and "limit""#)
        }
    }

    @Test func events_repeatedQueryArgumentIsRejected() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let viewer = try await harness.token(tenant: acme.tenant.id, role: .viewer, name: "viewer@acme.example")

            let (status, json) = try await harness.request("GET", "\(acme.path)/events?limit=10&limit=20", token: viewer)

            #expect(status == 400)
            #expect(json["error"]?["message"] == #"query argument "limit" is given twice; give it once"#)
        }
    }

    @Test func pause_bodyMemberIsRejectedAndFlowStaysActive() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let admin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "revops@acme.example")

            let (status, json) = try await harness.request(
                "POST", "\(acme.path)/flows/\(AdminTestHarness.customerFlowID)/pause", token: admin, body: ["force": true]
            )

            #expect(status == 400)
            #expect(json["error"]?["message"] == #"body member "force" is not accepted: this route takes no body members; remove it"#)
            let flow = try await harness.runtime.store.flow(AdminTestHarness.customerFlowID, tenant: acme.tenant.id)
            #expect(flow.state == .active)
        }
    }
}
