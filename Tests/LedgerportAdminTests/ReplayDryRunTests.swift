import Foundation
import LedgerportOdooSandbox
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import Testing

/// Replaying under a newer mapping version: the dry run previews the writes, and only an approved version runs.
@Suite(.serialized)
struct ReplayDryRunTests {
    private func parkOne(_ harness: AdminTestHarness) async throws -> (ProvisionedTenant, DeadLetter, String) {
        let acme = try await harness.provisionTenant(slug: "acme")
        harness.failNextPartnerCalls(1)
        try await harness.postCustomerCreated(acme, customerID: "cus_D1", eventID: "evt_D1")
        try await harness.waitForIdle(acme.tenant.id)
        let letter = try #require(try await harness.runtime.store.deadLetters(tenant: acme.tenant.id, filter: .init(), after: nil, limit: 1).first)
        let token = try await harness.token(tenant: acme.tenant.id, role: .financeOperator, name: "finance@acme.example")
        return (acme, letter, token)
    }

    @Test func dryRun_underNewerVersionReturnsOperationsAndChangesNothing() async throws {
        try await withHarness { harness in
            let (acme, letter, token) = try await parkOne(harness)
            let newer = try await harness.publishCustomerMapping(tenant: acme.tenant.id, version: "1.1.0")
            let auditBefore = try await harness.runtime.store.auditEntries(scope: .tenant(acme.tenant.id), after: 0, limit: 10_000).count

            let (status, json) = try await harness.request(
                "POST", "\(acme.path)/dead-letters/\(letter.id)/replay", token: token,
                body: ["mapping_version": .number(JSONNumber(newer.version)), "dry_run": true]
            )

            #expect(status == 200)
            #expect(json["applied"] == false)
            #expect(json["mapping"]?["version"] == .number(JSONNumber(newer.version)))
            #expect(json["mapping_approved"] == false)
            let operation = try #require(json["operations"]?[0])
            #expect(operation["model"] == "res.partner")
            #expect(operation["values"]?["ref"] == "stripe:cus_D1")
            let after = try await harness.runtime.store.deadLetter(letter.id, tenant: acme.tenant.id)
            #expect(after.status == .parked)
            let delivery = try await harness.runtime.store.delivery(letter.deliveryID, tenant: acme.tenant.id)
            #expect(delivery.state == .parked)
            #expect(delivery.mapping?.version == 1)
            let auditAfter = try await harness.runtime.store.auditEntries(scope: .tenant(acme.tenant.id), after: 0, limit: 10_000).count
            #expect(auditAfter == auditBefore)
        }
    }

    @Test func dryRun_withoutVersionUsesTheDeliveryVersion() async throws {
        try await withHarness { harness in
            let (acme, letter, token) = try await parkOne(harness)

            let (status, json) = try await harness.request(
                "POST", "\(acme.path)/dead-letters/\(letter.id)/replay", token: token, body: ["dry_run": true]
            )

            #expect(status == 200)
            #expect(json["mapping"]?["version"] == 1)
            #expect(json["mapping_approved"] == true)
            #expect(json["operations"]?[0]?["values"]?["ref"] == "cus_D1")
        }
    }

    @Test func dryRun_warnsWhenBusinessRejectionWouldRepeat() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            harness.sandbox.sandbox.injectFault(
                OdooFault(.validationError, "The VAT number is not valid for Germany."), count: 1, model: "res.partner")
            try await harness.postCustomerCreated(acme, customerID: "cus_V1", eventID: "evt_V1")
            try await harness.waitForIdle(acme.tenant.id)
            let letter = try #require(try await harness.runtime.store.deadLetters(tenant: acme.tenant.id, filter: .init(), after: nil, limit: 1).first)
            let token = try await harness.token(tenant: acme.tenant.id, role: .financeOperator, name: "finance@acme.example")
            let newer = try await harness.publishCustomerMapping(tenant: acme.tenant.id, version: "1.1.0")

            let same = try await harness.request("POST", "\(acme.path)/dead-letters/\(letter.id)/replay", token: token, body: ["dry_run": true])
            let other = try await harness.request(
                "POST", "\(acme.path)/dead-letters/\(letter.id)/replay", token: token,
                body: ["mapping_version": .number(JSONNumber(newer.version)), "dry_run": true])

            #expect(letter.reason == .business)
            let warning = same.json["warnings"]?[0]?.stringValue ?? ""
            #expect(warning.contains("The VAT number is not valid for Germany."), "\(warning)")
            #expect(warning.contains("stripe-customers version 1"), "\(warning)")
            #expect(other.json["warnings"] == [])
        }
    }

    @Test func dryRun_ofConfigurationFailureHasNoWarning() async throws {
        try await withHarness { harness in
            let (acme, letter, token) = try await parkOne(harness)

            let (_, json) = try await harness.request("POST", "\(acme.path)/dead-letters/\(letter.id)/replay", token: token, body: ["dry_run": true])

            #expect(letter.reason == .configuration)
            #expect(json["warnings"] == [])
        }
    }

    @Test func replay_underUnapprovedVersionIsRejected() async throws {
        try await withHarness { harness in
            let (acme, letter, token) = try await parkOne(harness)
            let newer = try await harness.publishCustomerMapping(tenant: acme.tenant.id, version: "1.1.0")

            let (status, json) = try await harness.request(
                "POST", "\(acme.path)/dead-letters/\(letter.id)/replay", token: token, body: ["mapping_version": .number(JSONNumber(newer.version))]
            )

            #expect(status == 409)
            #expect(json["error"]?["code"] == "mapping_not_approved")
            #expect(json["error"]?["message"]?.stringValue?.contains("change request") == true)
            let after = try await harness.runtime.store.deadLetter(letter.id, tenant: acme.tenant.id)
            #expect(after.status == .parked)
        }
    }

    @Test func replay_underApprovedVersionWritesWithIt() async throws {
        try await withHarness { harness in
            let (acme, letter, token) = try await parkOne(harness)
            let newer = try await harness.publishCustomerMapping(tenant: acme.tenant.id, version: "1.1.0")
            try await harness.approveAndApply(newer.reference, tenant: acme.tenant.id, applying: false)

            let (status, json) = try await harness.request(
                "POST", "\(acme.path)/dead-letters/\(letter.id)/replay", token: token, body: ["mapping_version": .number(JSONNumber(newer.version))]
            )
            try await harness.waitForIdle(acme.tenant.id)

            #expect(status == 200)
            #expect(json["delivery"]?["mapping"]?["version"] == .number(JSONNumber(newer.version)))
            let delivery = try await harness.runtime.store.delivery(letter.deliveryID, tenant: acme.tenant.id)
            #expect(delivery.state == .delivered)
            let attempts = try await harness.runtime.store.deliveryAttempts(delivery: letter.deliveryID, tenant: acme.tenant.id)
            #expect(attempts.last?.mapping?.version == newer.version)
            let entries = try await harness.runtime.store.auditEntries(scope: .tenant(acme.tenant.id), after: 0, limit: 10_000)
            let replayed = entries.last { $0.action == "dead_letter.replayed" }
            #expect(replayed?.details["mapping_version"] == .number(JSONNumber(newer.version)))
        }
    }

    @Test func dryRunMany_byFilterAppliesNothing() async throws {
        try await withHarness { harness in
            let (acme, letter, token) = try await parkOne(harness)

            let (status, json) = try await harness.request(
                "POST", "\(acme.path)/dead-letters/replay", token: token, body: ["filter": ["reason": "configuration"], "dry_run": true]
            )

            #expect(status == 200)
            #expect(json["dry_runs"]?.arrayValue?.count == 1)
            #expect(json["dry_runs"]?[0]?["operations"]?.arrayValue?.isEmpty == false)
            let after = try await harness.runtime.store.deadLetter(letter.id, tenant: acme.tenant.id)
            #expect(after.status == .parked)
        }
    }
}
