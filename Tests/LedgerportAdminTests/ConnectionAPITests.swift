import Foundation
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import Testing

/// `GET /tenants/{tenant}/connections` lists connections with the validity of their secret values, never the values.
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
}
