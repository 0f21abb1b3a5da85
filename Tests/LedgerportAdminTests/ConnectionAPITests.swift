import Foundation
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import Testing

/// The connection routes: a list with the validity of secret values, and secret rotation by a tenant admin; no value is ever returned or repeated.
@Suite(.serialized)
struct ConnectionAPITests {
    @Test func list_showsSecretValidityButNoSecrets() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            _ = try await harness.provisionTenant(slug: "globex")
            let viewer = try await harness.token(tenant: acme.tenant.id, role: .viewer, name: "viewer@acme.example")

            let listed = try await harness.request("GET", "/admin/tenants/acme/connections", token: viewer)
            let other = try await harness.request("GET", "/admin/tenants/globex/connections", token: viewer)
            let connections = listed.json["connections"]?.arrayValue ?? []
            let stripe = try #require(connections.first { $0["id"] == "stripe-main" })
            let text = JSONWriter.string(listed.json)

            #expect(listed.status == 200)
            #expect(connections.compactMap { $0["id"]?.stringValue }.sorted() == ["odoo-main", "stripe-main"])
            #expect(stripe["secret_fields"]?["webhook_signing_secret"]?[0]?["active"] == true)
            #expect(stripe["secret_fields"]?["api_key"]?[0]?["expires_at"] == .null)
            #expect(!text.contains(acme.webhookSecret.revealText()))
            #expect(!text.contains("sk_test_not_used"))
            #expect(!text.contains("sealed"))
            #expect(other.status == 403 || other.status == 404)
        }
    }

    @Test func rotate_appliesNewSigningSecretAtOnce() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let admin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "admin@acme.example")
            _ = try await harness.postCustomerCreated(acme, customerID: "cus_A1", eventID: "evt_A1")
            let secret = Secret("whsec_" + UUID().uuidString.replacingOccurrences(of: "-", with: ""))
            let rotated = ProvisionedTenant(tenant: acme.tenant, webhookSecret: secret)

            let response = try await harness.request(
                "POST", "/admin/tenants/acme/connections/stripe-main/rotate-secrets", token: admin,
                body: ["secrets": ["webhook_signing_secret": .string(secret.revealText())], "keep_previous_for_seconds": 0])
            let withNew = try await harness.postCustomerCreated(rotated, customerID: "cus_A2", eventID: "evt_A2")
            let withOld = try await harness.postCustomerCreated(acme, customerID: "cus_A3", eventID: "evt_A3")
            let audit = try await harness.runtime.store.auditEntries(scope: .tenant(acme.tenant.id), after: 0, limit: 500)

            #expect(response.status == 200)
            #expect(response.json["fields"] == ["webhook_signing_secret"])
            #expect(response.json["previous_values"] == 1)
            let stored = try await harness.runtime.store.secretValues(connection: "stripe-main", field: "webhook_signing_secret", tenant: acme.tenant.id)
            #expect(response.json["previous_values_expire_at"] == AdminJSON.timestamp(try #require(stored.first?.expiresAt)))
            #expect(!JSONWriter.string(response.json).contains(secret.revealText()))
            #expect(withNew == 200)
            #expect(withOld == 401)
            #expect(audit.last { $0.action == "connection.secret_added" }?.actor == "admin@acme.example")
        }
    }

    @Test func rotate_rejectsWithoutRepeatingValues() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let admin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "admin@acme.example")
            let viewer = try await harness.token(tenant: acme.tenant.id, role: .viewer, name: "viewer@acme.example")
            let path = "/admin/tenants/acme/connections/stripe-main/rotate-secrets"

            let misspelt = try await harness.request("POST", path, token: admin, body: ["secrets": ["apikey": "sk_test_leak1"]])
            let wrongKind = try await harness.request("POST", path, token: admin, body: ["secrets": ["webhook_signing_secret": "sk_test_leak2"]])
            let notAnObject = try await harness.request("POST", path, token: admin, body: ["secrets": "sk_test_leak3"])
            let byViewer = try await harness.request("POST", path, token: viewer, body: ["secrets": ["api_key": "sk_test_leak4"]])
            // A secret pasted into the wrong member, or as a field name.
            let inOtherMember = try await harness.request(
                "POST", path, token: admin, body: ["secrets": ["api_key": "sk_test_leak5"], "keep_previous_for_seconds": "whsec_leak6"])
            let asFieldName = try await harness.request("POST", path, token: admin, body: ["secrets": ["whsec_leak7": ""]])
            let texts = [misspelt, wrongKind, notAnObject, byViewer, inOtherMember, asFieldName].map { JSONWriter.string($0.json) }
            let message = misspelt.json["error"]?["message"]?.stringValue ?? ""

            #expect(misspelt.status == 400)
            #expect(message.contains("\"apikey\" is not a secret field"))
            #expect(message.contains("did you mean \"api_key\""))
            #expect(wrongKind.status == 400)
            #expect(texts[1].contains("^whsec_"))
            #expect(notAnObject.status == 400)
            #expect(byViewer.status == 403)
            #expect(inOtherMember.status == 400)
            #expect(asFieldName.status == 400)
            #expect(texts.allSatisfy { !$0.contains("sk_test_leak") })
            #expect(texts.allSatisfy { !$0.contains("whsec_leak") })
            #expect(try await harness.runtime.store.secretValues(connection: "stripe-main", field: nil, tenant: acme.tenant.id).count == 2)
        }
    }


    @Test func rotation_rejectsEmptyAndNegativeOverlap() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let connection = try await harness.runtime.store.connection("stripe-main", tenant: acme.tenant.id)
            let spec = try #require(harness.runtime.registry.entry(id: connection.connectorID, version: connection.connectorVersion)?.spec.spec)
            let rotation = SecretRotation(store: harness.runtime.store, vault: harness.runtime.vault, clock: harness.clock)

            let empty = await #expect(throws: StoreError.self) {
                try await rotation.rotate([:], keepingPreviousFor: 0, connection: connection, spec: spec, actor: "admin@acme.example")
            }
            let negative = await #expect(throws: StoreError.self) {
                try await rotation.rotate(
                    ["api_key": Secret("sk_test_x")], keepingPreviousFor: -1, connection: connection, spec: spec, actor: "admin@acme.example")
            }

            #expect(empty?.code == .invalidInput)
            #expect(negative?.code == .invalidInput)
            #expect(try await harness.runtime.store.secretValues(connection: "stripe-main", field: nil, tenant: acme.tenant.id).count == 2)
        }
    }

}
