import Foundation
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import Testing

/// `GET /admin/tenants/{tenant}/mappings` and `.../mappings/{mapping}/versions/{version}`: every role of the tenant reads the stored versions.
@Suite(.serialized)
struct MappingAPITests {
    /// Publishes version 2 of the customer mapping and activates it in test. Version 1 stays in force in production.
    private func publishSecondVersion(_ harness: AdminTestHarness, tenant: TenantID) async throws -> MappingVersion {
        let second = try await harness.publishCustomerMapping(tenant: tenant, version: "1.1.0")
        _ = try await harness.runtime.store.activateMappingVersion(
            second.reference, environment: .test, changeRequest: nil, tenant: tenant, actor: AdminTestHarness.proposer)
        return second
    }

    /// Runs `body` with the tenant acme provisioned (customer mapping version 1 in force in production) and a viewer token of it.
    private func withAcmeViewer(_ body: (AdminTestHarness, ProvisionedTenant, String) async throws -> Void) async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let viewer = try await harness.token(tenant: acme.tenant.id, role: .viewer, name: "viewer@acme.example")
            try await body(harness, acme, viewer)
        }
    }

    @Test func list_namesVersionsAndActiveEnvironments() async throws {
        try await withAcmeViewer { harness, acme, viewer in
            let second = try await publishSecondVersion(harness, tenant: acme.tenant.id)

            let response = try await harness.request("GET", "\(acme.path)/mappings", token: viewer)
            let mapping = response.json["mappings"]?[0]

            #expect(response.status == 200)
            #expect(response.json["mappings"]?.arrayValue?.count == 1)
            #expect(mapping?["id"] == "stripe-customers")
            #expect(mapping?["display_name"]?.stringValue?.isEmpty == false)
            #expect(mapping?["versions"]?.arrayValue?.count == 2)
            #expect(mapping?["versions"]?[1]?["version"] == 2)
            #expect(mapping?["versions"]?[1]?["digest"] == .string(second.digest))
            #expect(mapping?["versions"]?[1]?["created_by"] == .string(AdminTestHarness.proposer))
            #expect(mapping?["versions"]?[1]?["content"] == nil)
            #expect(mapping?["active"] == ["production": 1, "test": 2])
        }
    }

    @Test func list_leavesOutEnvironmentWithoutVersion() async throws {
        try await withAcmeViewer { harness, acme, viewer in
            let response = try await harness.request("GET", "\(acme.path)/mappings", token: viewer)

            #expect(response.status == 200)
            #expect(response.json["mappings"]?[0]?["active"] == ["production": 1])
        }
    }

    @Test func oneMapping_isReadAtItsPathAndVersionsPath() async throws {
        try await withAcmeViewer { harness, acme, viewer in
            _ = try await publishSecondVersion(harness, tenant: acme.tenant.id)

            let mapping = try await harness.request("GET", "\(acme.path)/mappings/stripe-customers", token: viewer)
            let versions = try await harness.request("GET", "\(acme.path)/mappings/stripe-customers/versions", token: viewer)
            let misspelt = try await harness.request("GET", "\(acme.path)/mappings/stripe-customer", token: viewer)

            #expect(mapping.status == 200)
            #expect(mapping.json["id"] == "stripe-customers")
            #expect(mapping.json["versions"]?.arrayValue?.count == 2)
            #expect(mapping.json["versions"]?[1]?["document_version"] == "1.1.0")
            #expect(mapping.json["active"] == ["production": 1, "test": 2])
            #expect(versions.json == mapping.json)
            #expect(misspelt.status == 404)
        }
    }

    @Test func version_returnsContentAndActiveEnvironments() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let second = try await publishSecondVersion(harness, tenant: acme.tenant.id)
            let board = try await harness.token(tenant: acme.tenant.id, role: .boardMember, name: "cfo@acme.example")

            let response = try await harness.request("GET", "\(acme.path)/mappings/stripe-customers/versions/2", token: board)
            let first = try await harness.request("GET", "\(acme.path)/mappings/stripe-customers/versions/1", token: board)

            #expect(response.status == 200)
            #expect(response.json["mapping_id"] == "stripe-customers")
            #expect(response.json["version"] == 2)
            #expect(response.json["digest"] == .string(second.digest))
            #expect(response.json["created_by"] == .string(AdminTestHarness.proposer))
            #expect(response.json["created_at"]?.stringValue?.isEmpty == false)
            #expect(response.json["content"] == second.content)
            #expect(response.json["active_in"] == ["test"])
            #expect(first.json["active_in"] == ["production"])
        }
    }

    @Test func unknownVersion_is404ListingVersions() async throws {
        try await withAcmeViewer { harness, acme, viewer in
            let response = try await harness.request("GET", "\(acme.path)/mappings/stripe-customers/versions/7", token: viewer)
            let message = response.json["error"]?["message"]?.stringValue ?? ""

            #expect(response.status == 404)
            #expect(response.json["error"]?["code"] == "not_found")
            #expect(message.contains(#"read version 7 of mapping "stripe-customers": the mapping has no such version"#))
            #expect(message.contains("its only version is 1"))
        }
    }

    @Test func misspeltMapping_is404NamingClosest() async throws {
        try await withAcmeViewer { harness, acme, viewer in
            let response = try await harness.request("GET", "\(acme.path)/mappings/stripe-customer/versions/1", token: viewer)
            let message = response.json["error"]?["message"]?.stringValue ?? ""

            #expect(response.status == 404)
            #expect(response.json["error"]?["code"] == "not_found")
            #expect(message.contains(#"did you mean "stripe-customers"?"#))
        }
    }

    @Test func versionNotANumber_is400() async throws {
        try await withAcmeViewer { harness, acme, viewer in
            let response = try await harness.request("GET", "\(acme.path)/mappings/stripe-customers/versions/latest", token: viewer)

            #expect(response.status == 400)
            #expect(response.json["error"]?["code"] == "invalid_input")
            #expect(response.json["error"]?["message"]?.stringValue?.contains(#""latest" is not a version number"#) == true)
        }
    }

    @Test func otherTenant_getsSame404AsUnknown() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let globex = try await harness.provisionTenant(slug: "globex")
            _ = try await harness.runtime.store.createMapping(
                id: "globex-only", displayName: "Globex only", tenant: globex.tenant.id, actor: AdminTestHarness.proposer)
            let acmeViewer = try await harness.token(tenant: acme.tenant.id, role: .viewer, name: "viewer@acme.example")
            let globexAdmin = try await harness.token(tenant: globex.tenant.id, role: .tenantAdmin, name: "admin@globex.example")

            let otherToken = try await harness.request("GET", "\(acme.path)/mappings", token: globexAdmin)
            let otherVersion = try await harness.request("GET", "\(acme.path)/mappings/stripe-customers/versions/1", token: globexAdmin)
            let unknownTenant = try await harness.request("GET", "/admin/tenants/initech/mappings", token: globexAdmin)
            let otherMapping = try await harness.request("GET", "\(acme.path)/mappings/globex-only/versions/1", token: acmeViewer)
            let unknownMapping = try await harness.request("GET", "\(acme.path)/mappings/nowhere-only/versions/1", token: acmeViewer)

            #expect(otherToken.status == 404)
            #expect(otherToken.json["error"]?["code"] == "tenant_not_found")
            #expect(otherVersion.status == 404)
            #expect(otherVersion.json["error"]?["code"] == "tenant_not_found")
            #expect(unknownTenant.status == 404)
            #expect(unknownTenant.json["error"]?["code"] == "tenant_not_found")
            #expect(otherMapping.status == unknownMapping.status)
            #expect(otherMapping.json["error"]?["code"] == "not_found")
            #expect(unknownMapping.json["error"]?["code"] == "not_found")
            let otherMessage = otherMapping.json["error"]?["message"]?.stringValue ?? ""
            let unknownMessage = unknownMapping.json["error"]?["message"]?.stringValue ?? ""
            #expect(otherMessage.replacingOccurrences(of: "globex-only", with: "nowhere-only") == unknownMessage)
        }
    }

    @Test func everyReadingRole_mayRead() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            var tokens = [String]()
            for role in [APIRole.viewer, .financeOperator, .boardMember, .tenantAdmin] {
                tokens.append(try await harness.token(tenant: acme.tenant.id, role: role, name: "\(role.rawValue)@acme.example"))
            }
            tokens.append(try await harness.token(tenant: nil, role: .operator_, name: "ops@ledgerport.example"))

            for token in tokens {
                let list = try await harness.request("GET", "\(acme.path)/mappings", token: token)
                let version = try await harness.request("GET", "\(acme.path)/mappings/stripe-customers/versions/1", token: token)
                #expect(list.status == 200)
                #expect(version.status == 200)
            }
        }
    }
}
