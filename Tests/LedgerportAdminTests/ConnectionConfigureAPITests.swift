import Foundation
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import Testing

/// `PATCH /admin/tenants/{tenant}/connections/{connection}`: a tenant admin changes plain configuration, checked against the spec.
@Suite(.serialized)
struct ConnectionConfigureAPITests {
    @Test func configure_changesFieldAndAuditsIt() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let admin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "admin@acme.example")

            let response = try await harness.request(
                "PATCH", "/admin/tenants/acme/connections/odoo-main", token: admin, body: ["configuration": ["batch_size": 50]])
            let stored = try await harness.runtime.store.connection("odoo-main", tenant: acme.tenant.id)
            let audit = try await harness.runtime.store.auditEntries(scope: .tenant(acme.tenant.id), after: 0, limit: 500)

            #expect(response.status == 200)
            #expect(response.json["changed_fields"] == ["batch_size"])
            #expect(response.json["configuration"]?["batch_size"] == 50)
            #expect(response.json["configuration"]?["database"] != nil)
            #expect(stored.configuration["batch_size"] == 50)
            #expect(audit.last { $0.action == "connection.configured" }?.actor == "admin@acme.example")
        }
    }

    @Test func nullValue_removesField() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let admin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "admin@acme.example")
            let path = "/admin/tenants/acme/connections/odoo-main"
            _ = try await harness.request("PATCH", path, token: admin, body: ["configuration": ["batch_size": 50]])

            let response = try await harness.request("PATCH", path, token: admin, body: ["configuration": ["batch_size": .null]])

            #expect(response.status == 200)
            #expect(response.json["configuration"]?["batch_size"] == nil)
        }
    }

    @Test func urlHostOutsideAllowList_isRefused() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let admin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "admin@acme.example")
            let before = try await harness.runtime.store.connection("odoo-main", tenant: acme.tenant.id)

            let response = try await harness.request(
                "PATCH", "/admin/tenants/acme/connections/odoo-main", token: admin,
                body: ["configuration": ["base_url": "http://10.0.0.5:8069"]])
            let after = try await harness.runtime.store.connection("odoo-main", tenant: acme.tenant.id)
            let message = response.json["error"]?["message"]?.stringValue ?? ""

            #expect(response.status == 403)
            #expect(response.json["error"]?["code"] == "url_host_not_allowed")
            #expect(message.contains("\"10.0.0.5\""))
            #expect(message.contains("admin.connection_url_hosts lists no host"))
            #expect(after.configuration == before.configuration)
        }
    }

    @Test func urlHostOnAllowList_isStored() async throws {
        try await withHarness(connectionURLHosts: ["*.acme.example"]) { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let admin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "admin@acme.example")

            let response = try await harness.request(
                "PATCH", "/admin/tenants/acme/connections/odoo-main", token: admin,
                body: ["configuration": ["base_url": "https://erp.acme.example"]])

            #expect(response.status == 200)
            #expect(response.json["configuration"]?["base_url"] == "https://erp.acme.example")
        }
    }

    @Test func secretFieldAndSpecViolation_changeNothing() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let admin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "admin@acme.example")
            let viewer = try await harness.token(tenant: acme.tenant.id, role: .viewer, name: "viewer@acme.example")
            let path = "/admin/tenants/acme/connections/odoo-main"
            let before = try await harness.runtime.store.connection("odoo-main", tenant: acme.tenant.id)

            let secret = try await harness.request("PATCH", path, token: admin, body: ["configuration": ["api_key": "key_leak_1"]])
            let wrongType = try await harness.request("PATCH", path, token: admin, body: ["configuration": ["batch_size": "many"]])
            let empty = try await harness.request("PATCH", path, token: admin, body: ["configuration": [:]])
            let byViewer = try await harness.request("PATCH", path, token: viewer, body: ["configuration": ["batch_size": 50]])
            let after = try await harness.runtime.store.connection("odoo-main", tenant: acme.tenant.id)

            #expect(secret.status == 400)
            #expect(secret.json["error"]?["message"]?.stringValue?.contains("\"api_key\" is a secret field") == true)
            #expect(secret.json["error"]?["message"]?.stringValue?.hasSuffix("rotate it with POST /admin/tenants/{tenant}/connections/odoo-main/rotate-secrets") == true)
            #expect(!JSONWriter.string(secret.json).contains("key_leak_1"))
            #expect(wrongType.status == 400)
            #expect(wrongType.json["error"]?["code"] == "invalid_configuration")
            #expect(wrongType.json["error"]?["message"]?.stringValue?.contains("/batch_size") == true)
            #expect(empty.status == 400)
            #expect(byViewer.status == 403)
            #expect(after.configuration == before.configuration)
        }
    }

    @Test func urlWithoutListedHTTPHost_isRefused() async throws {
        try await withHarness(connectionURLHosts: ["127.0.0.1"]) { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let admin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "admin@acme.example")
            let path = "/admin/tenants/acme/connections/stripe-main"
            let before = try await harness.runtime.store.connection("stripe-main", tenant: acme.tenant.id)

            // Removing the field would fall back to the spec's default, https://api.stripe.com, which is not listed.
            let removed = try await harness.request("PATCH", path, token: admin, body: ["configuration": ["api_base_url": .null]])
            let file = try await harness.request("PATCH", path, token: admin, body: ["configuration": ["api_base_url": "file:///tmp/stripe"]])
            let noHost = try await harness.request("PATCH", path, token: admin, body: ["configuration": ["api_base_url": "http:///v1"]])
            let ftp = try await harness.request("PATCH", path, token: admin, body: ["configuration": ["api_base_url": "ftp://127.0.0.1:21"]])
            let after = try await harness.runtime.store.connection("stripe-main", tenant: acme.tenant.id)

            for response in [removed, file, noHost, ftp] {
                #expect(response.status == 403)
                #expect(response.json["error"]?["code"] == "url_host_not_allowed")
            }
            #expect(removed.json["error"]?["message"]?.stringValue?.contains("removing api_base_url makes it fall back to its default") == true)
            #expect(after.configuration == before.configuration)
        }
    }

    @Test func unchangedValues_areNeitherReportedNorAudited() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let admin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "admin@acme.example")
            let path = "/admin/tenants/acme/connections/odoo-main"
            let current = try await harness.runtime.store.connection("odoo-main", tenant: acme.tenant.id)
            let username = try #require(current.configuration["username"])
            let auditBefore = try await harness.runtime.store.auditEntries(scope: .tenant(acme.tenant.id), after: 0, limit: 500).count

            let same = try await harness.request("PATCH", path, token: admin, body: ["configuration": ["username": username]])
            let mixed = try await harness.request("PATCH", path, token: admin, body: ["configuration": ["username": username, "batch_size": 10]])
            let audit = try await harness.runtime.store.auditEntries(scope: .tenant(acme.tenant.id), after: 0, limit: 500)

            #expect(same.status == 200)
            #expect(same.json["changed_fields"] == [])
            #expect(mixed.json["changed_fields"] == ["batch_size"])
            #expect(audit.count == auditBefore + 1)
        }
    }
}
