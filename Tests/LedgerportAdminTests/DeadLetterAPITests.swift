import Foundation
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import Testing

/// The exception workbench over HTTP: listing with filters, inspecting, replaying and discarding dead letters.
@Suite(.serialized)
struct DeadLetterAPITests {
    /// Parks `count` customer deliveries of a new tenant with an Odoo access error and returns the tenant and a finance operator's token.
    private func parkCustomers(_ harness: AdminTestHarness, count: Int) async throws -> (ProvisionedTenant, String) {
        let acme = try await harness.provisionTenant(slug: "acme")
        harness.failNextPartnerCalls(count)
        for index in 1...count {
            #expect(try await harness.postCustomerCreated(acme, customerID: "cus_\(index)", eventID: "evt_\(index)") == 200)
        }
        try await harness.waitForIdle(acme.tenant.id)
        let token = try await harness.token(tenant: acme.tenant.id, role: .financeOperator, name: "finance@acme.example")
        return (acme, token)
    }

    @Test func list_filtersByReasonStatusFlowAndSince() async throws {
        try await withHarness { harness in
            let (acme, token) = try await parkCustomers(harness, count: 2)

            let all = try await harness.request("GET", "\(acme.path)/dead-letters", token: token)
            let configuration = try await harness.request("GET", "\(acme.path)/dead-letters?reason=configuration&status=parked&flow=stripe-customers", token: token)
            let business = try await harness.request("GET", "\(acme.path)/dead-letters?reason=business", token: token)
            let otherFlow = try await harness.request("GET", "\(acme.path)/dead-letters?flow=stripe-invoices", token: token)
            let future = AdminJSON.timestampText(harness.clock.now().addingTimeInterval(60))
            let later = try await harness.request("GET", "\(acme.path)/dead-letters?since=\(future)", token: token)
            let past = AdminJSON.timestampText(harness.clock.now().addingTimeInterval(-60))
            let earlier = try await harness.request("GET", "\(acme.path)/dead-letters?since=\(past)", token: token)

            #expect(all.status == 200)
            #expect(all.json["dead_letters"]?.arrayValue?.count == 2)
            #expect(configuration.json["dead_letters"]?.arrayValue?.count == 2)
            #expect(business.json["dead_letters"]?.arrayValue?.count == 0)
            #expect(otherFlow.status == 404)
            #expect(otherFlow.json["error"]?["message"]?.stringValue?.contains("flow \"stripe-invoices\": the tenant has no such flow") == true)
            #expect(later.json["dead_letters"]?.arrayValue?.count == 0)
            #expect(earlier.json["dead_letters"]?.arrayValue?.count == 2)
        }
    }

    @Test func parking_isAudited() async throws {
        try await withHarness { harness in
            let (acme, _) = try await parkCustomers(harness, count: 1)
            let letter = try #require(try await harness.runtime.store.deadLetters(tenant: acme.tenant.id, filter: .init(), after: nil, limit: 1).first)

            let audit = try await harness.runtime.store.auditEntries(scope: .tenant(acme.tenant.id), after: 0, limit: 500)
            let parked = try #require(audit.last { $0.action == "delivery.parked" })

            #expect(parked.actor == "runtime")
            #expect(parked.subjectID == letter.deliveryID.description)
            #expect(parked.details["reason"] == .string(letter.reason.rawValue))
            #expect(parked.details["code"] == .string(letter.errorCode))
            #expect(parked.details["flow_id"] == "stripe-customers")
            #expect(parked.details["correlation_id"] == .string(letter.correlationID))
        }
    }

    @Test func replayByMisspeltFlow_namesTheClosestFlow() async throws {
        try await withHarness { harness in
            let (acme, token) = try await parkCustomers(harness, count: 1)

            let response = try await harness.request(
                "POST", "\(acme.path)/dead-letters/replay", token: token, body: ["filter": ["flow": "stripe-customrs"], "dry_run": true])
            let message = response.json["error"]?["message"]?.stringValue ?? ""

            #expect(response.status == 404)
            #expect(message.contains("did you mean \"stripe-customers\"?"))
            #expect(try await harness.runtime.store.deadLetters(tenant: acme.tenant.id, filter: .init(status: .parked), after: nil, limit: 10).count == 1)
        }
    }

    @Test func list_pagesWithAfterAndLimit() async throws {
        try await withHarness { harness in
            let (acme, token) = try await parkCustomers(harness, count: 3)

            let first = try await harness.request("GET", "\(acme.path)/dead-letters?limit=2", token: token)
            let cursor = try #require(first.json["next_after"]?.int64Value)
            let second = try await harness.request("GET", "\(acme.path)/dead-letters?limit=2&after=\(cursor)", token: token)

            #expect(first.json["dead_letters"]?.arrayValue?.count == 2)
            #expect(second.json["dead_letters"]?.arrayValue?.count == 1)
            #expect(second.json["next_after"] == .null)
        }
    }

    @Test func list_rejectsAnUnknownReasonNamingTheChoices() async throws {
        try await withHarness { harness in
            let (acme, token) = try await parkCustomers(harness, count: 1)

            let (status, json) = try await harness.request("GET", "\(acme.path)/dead-letters?reason=oops", token: token)

            #expect(status == 400)
            #expect(json["error"]?["message"]?.stringValue?.contains("\"oops\" is not one of configuration, business") == true)
        }
    }

    @Test func show_includesAttemptsAndCorrelationID() async throws {
        try await withHarness { harness in
            let (acme, token) = try await parkCustomers(harness, count: 1)
            let letter = try #require(try await harness.runtime.store.deadLetters(tenant: acme.tenant.id, filter: .init(), after: nil, limit: 1).first)

            let (status, json) = try await harness.request("GET", "\(acme.path)/dead-letters/\(letter.id)", token: token)

            #expect(status == 200)
            #expect(json["dead_letter"]?["reason"] == "configuration")
            #expect(json["dead_letter"]?["error_code"] == "odoo_access_error")
            #expect(json["dead_letter"]?["target_message"]?.stringValue?.contains("res.partner") == true)
            #expect(json["dead_letter"]?["correlation_id"]?.stringValue?.isEmpty == false)
            #expect(json["dead_letter"]?["correlation_id"] == json["event"]?["correlation_id"])
            #expect(json["attempts"]?.arrayValue?.count == 1)
            #expect(json["attempts"]?[0]?["outcome"] == "parked")
            #expect(json["attempts"]?[0]?["error"]?["failure_class"] == "configuration")
            #expect(json["delivery"]?["state"] == "parked")
        }
    }

    @Test func replayOne_deliversOnceTheCauseIsFixed() async throws {
        try await withHarness { harness in
            let (acme, token) = try await parkCustomers(harness, count: 1)
            let letter = try #require(try await harness.runtime.store.deadLetters(tenant: acme.tenant.id, filter: .init(), after: nil, limit: 1).first)

            let (status, json) = try await harness.request("POST", "\(acme.path)/dead-letters/\(letter.id)/replay", token: token, body: [:])
            try await harness.waitForIdle(acme.tenant.id)

            #expect(status == 200)
            #expect(json["delivery"]?["state"] == "pending")
            let delivery = try await harness.runtime.store.delivery(letter.deliveryID, tenant: acme.tenant.id)
            #expect(delivery.state == .delivered)
            let closed = try await harness.runtime.store.deadLetter(letter.id, tenant: acme.tenant.id)
            #expect(closed.status == .replayed)
            #expect(closed.closedBy == "finance@acme.example")
            let attempts = try await harness.runtime.store.deliveryAttempts(delivery: letter.deliveryID, tenant: acme.tenant.id)
            #expect(attempts.map(\.outcome) == [.parked, .delivered])
        }
    }

    @Test func replayOne_failingAgainParksANewDeadLetter() async throws {
        try await withHarness { harness in
            let (acme, token) = try await parkCustomers(harness, count: 1)
            let letter = try #require(try await harness.runtime.store.deadLetters(tenant: acme.tenant.id, filter: .init(), after: nil, limit: 1).first)
            harness.failNextPartnerCalls(1)

            let (status, _) = try await harness.request("POST", "\(acme.path)/dead-letters/\(letter.id)/replay", token: token, body: [:])
            try await harness.waitForIdle(acme.tenant.id)
            let replayed = try await harness.request("GET", "\(acme.path)/dead-letters?status=replayed", token: token)
            let parked = try await harness.request("GET", "\(acme.path)/dead-letters?status=parked", token: token)

            #expect(status == 200)
            #expect(replayed.json["dead_letters"]?.arrayValue?.count == 1)
            #expect(replayed.json["dead_letters"]?[0]?["id"] == .number(JSONNumber(letter.id.rawValue)))
            #expect(replayed.json["dead_letters"]?[0]?["status"] == "replayed")
            #expect(parked.json["dead_letters"]?.arrayValue?.count == 1)
            #expect(parked.json["dead_letters"]?[0]?["delivery_id"] == .number(JSONNumber(letter.deliveryID.rawValue)))
            #expect(parked.json["dead_letters"]?[0]?["id"] != .number(JSONNumber(letter.id.rawValue)))
            let delivery = try await harness.runtime.store.delivery(letter.deliveryID, tenant: acme.tenant.id)
            #expect(delivery.state == .parked)
        }
    }

    @Test func replayOne_twiceIsAConflict() async throws {
        try await withHarness { harness in
            let (acme, token) = try await parkCustomers(harness, count: 1)
            let letter = try #require(try await harness.runtime.store.deadLetters(tenant: acme.tenant.id, filter: .init(), after: nil, limit: 1).first)

            _ = try await harness.request("POST", "\(acme.path)/dead-letters/\(letter.id)/replay", token: token, body: [:])
            let (status, json) = try await harness.request("POST", "\(acme.path)/dead-letters/\(letter.id)/replay", token: token, body: [:])

            #expect(status == 409)
            #expect(json["error"]?["code"] == "conflict")
            let message = json["error"]?["message"]?.stringValue ?? ""
            #expect(message.contains("it is already replayed"), "\(message)")
            #expect(message.hasSuffix("; list dead letters with GET /admin/tenants/acme/dead-letters"), "\(message)")
        }
    }

    @Test func replayMany_byIDsReportsEachOutcome() async throws {
        try await withHarness { harness in
            let (acme, token) = try await parkCustomers(harness, count: 2)
            let letters = try await harness.runtime.store.deadLetters(tenant: acme.tenant.id, filter: .init(), after: nil, limit: 10)
            let ids = letters.map { JSONValue.number(JSONNumber($0.id.rawValue)) } + [.number(JSONNumber(Int64(999)))]

            let (status, json) = try await harness.request("POST", "\(acme.path)/dead-letters/replay", token: token, body: ["ids": .array(ids)])
            try await harness.waitForIdle(acme.tenant.id)

            #expect(status == 200)
            #expect(json["replayed"] == 2)
            #expect(json["failed"] == 1)
            #expect(json["results"]?[2]?["error"]?["code"] == "not_found")
            let delivered = try await harness.runtime.store.deliveries(tenant: acme.tenant.id, state: .delivered, after: nil, limit: 10)
            #expect(delivered.count == 2)
        }
    }

    @Test func replayMany_byFilterReplaysOnlyParkedMatches() async throws {
        try await withHarness { harness in
            let (acme, token) = try await parkCustomers(harness, count: 3)
            let letters = try await harness.runtime.store.deadLetters(tenant: acme.tenant.id, filter: .init(), after: nil, limit: 10)
            _ = try await harness.runtime.deadLetters.discard(letters[0].id, reason: "duplicate customer", tenant: acme.tenant.id, actor: "finance@acme.example")

            let (status, json) = try await harness.request(
                "POST", "\(acme.path)/dead-letters/replay", token: token, body: ["filter": ["reason": "configuration", "flow": "stripe-customers"]]
            )
            try await harness.waitForIdle(acme.tenant.id)

            #expect(status == 200)
            #expect(json["replayed"] == 2)
            let discarded = try await harness.runtime.store.delivery(letters[0].deliveryID, tenant: acme.tenant.id)
            #expect(discarded.state == .discarded)
        }
    }

    @Test func replayMany_needsIDsOrFilter() async throws {
        try await withHarness { harness in
            let (acme, token) = try await parkCustomers(harness, count: 1)

            let (status, json) = try await harness.request("POST", "\(acme.path)/dead-letters/replay", token: token, body: [:])

            #expect(status == 400)
            #expect(json["error"]?["message"]?.stringValue?.contains("either \"ids\"") == true)
        }
    }

    @Test func discard_closesWithReasonAndAuditEntry() async throws {
        try await withHarness { harness in
            let (acme, token) = try await parkCustomers(harness, count: 1)
            let letter = try #require(try await harness.runtime.store.deadLetters(tenant: acme.tenant.id, filter: .init(), after: nil, limit: 1).first)

            let missing = try await harness.request("POST", "\(acme.path)/dead-letters/\(letter.id)/discard", token: token, body: [:])
            let blank = try await harness.request("POST", "\(acme.path)/dead-letters/\(letter.id)/discard", token: token, body: ["reason": "  "])
            let (status, json) = try await harness.request(
                "POST", "\(acme.path)/dead-letters/\(letter.id)/discard", token: token, body: ["reason": "test customer, never billed"]
            )

            #expect(missing.status == 400)
            #expect(blank.status == 400)
            #expect(blank.json["error"]?["message"]?.stringValue?.hasSuffix("reason: must not be empty or only spaces; give the reason in words") == true, "\(blank.json)")
            #expect(status == 200)
            #expect(json["status"] == "discarded")
            #expect(json["close_reason"] == "test customer, never billed")
            #expect(json["closed_by"] == "finance@acme.example")
            let entries = try await harness.runtime.store.auditEntries(scope: .tenant(acme.tenant.id), after: 0, limit: 1_000)
            let discard = entries.last { $0.action == "dead_letter.discarded" }
            #expect(discard?.actor == "finance@acme.example")
            #expect(discard?.details["reason"] == "test customer, never billed")
        }
    }

    @Test func deliveries_nextAttemptOnlyWhilePending() async throws {
        try await withHarness { harness in
            let (acme, token) = try await parkCustomers(harness, count: 1)
            try await harness.postCustomerCreated(acme, customerID: "cus_ok", eventID: "evt_ok")
            try await harness.waitForIdle(acme.tenant.id)
            let letter = try #require(try await harness.runtime.store.deadLetters(tenant: acme.tenant.id, filter: .init(), after: nil, limit: 1).first)

            let delivered = try await harness.request("GET", "\(acme.path)/deliveries?state=delivered", token: token)
            let parked = try await harness.request("GET", "\(acme.path)/deliveries?state=parked", token: token)
            let replayed = try await harness.request("POST", "\(acme.path)/dead-letters/\(letter.id)/replay", token: token, body: [:])

            #expect(delivered.json["deliveries"]?.arrayValue?.count == 1)
            #expect(delivered.json["deliveries"]?[0]?["next_attempt_at"] == .null)
            #expect(parked.json["deliveries"]?[0]?["next_attempt_at"] == .null)
            #expect(replayed.json["delivery"]?["state"] == "pending")
            #expect(replayed.json["delivery"]?["next_attempt_at"]?.stringValue != nil)
        }
    }

    @Test func deliveries_listByStateAndShowWithAttempts() async throws {
        try await withHarness { harness in
            let (acme, token) = try await parkCustomers(harness, count: 1)

            let (status, json) = try await harness.request("GET", "\(acme.path)/deliveries?state=parked", token: token)
            let id = try #require(json["deliveries"]?[0]?["id"]?.int64Value)
            let shown = try await harness.request("GET", "\(acme.path)/deliveries/\(id)", token: token)

            #expect(status == 200)
            #expect(json["deliveries"]?.arrayValue?.count == 1)
            #expect(shown.json["attempts"]?.arrayValue?.count == 1)
            #expect(shown.json["delivery"]?["mapping"]?["version"] == 1)
        }
    }
}
