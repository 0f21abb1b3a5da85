import Foundation
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import Testing

/// `POST /admin/tenants/{tenant}/mappings/{mapping}/versions`: a tenant admin publishes a mapping document, validated first.
@Suite(.serialized)
struct MappingPublishAPITests {
    /// Returns the members of the default customer mapping's document under `version`.
    private func members(of version: String) throws -> JSONObject {
        try #require(try AdminTestHarness.customerMappingDocument(version: version).document.objectValue)
    }

    @Test func publish_storesNextVersion() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let admin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "revops@acme.example")
            let document = try AdminTestHarness.customerMappingDocument(version: "1.1.0").document
            let path = "\(acme.path)/mappings/stripe-customers/versions"

            let first = try await harness.request("POST", path, token: admin, body: ["document": document])
            let again = try await harness.request("POST", path, token: admin, body: ["document": document])
            let stored = try await harness.runtime.store.mappingVersion(2, mapping: "stripe-customers", tenant: acme.tenant.id)

            #expect(first.status == 201)
            #expect(first.json["version"] == 2)
            #expect(first.json["digest"] == .string(stored.digest))
            #expect(first.json["created_by"] == "revops@acme.example")
            #expect(again.status == 200)
            #expect(again.json["version"] == 2)
            #expect(stored.content == document)
        }
    }

    @Test func invalidDocument_isUnprocessableAndStoresNothing() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let admin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "revops@acme.example")
            var document = try members(of: "1.2.0")
            document["operations"] = "not a list"

            let response = try await harness.request(
                "POST", "\(acme.path)/mappings/stripe-customers/versions", token: admin, body: ["document": .object(document)])
            let versions = try await harness.runtime.store.mappingVersions(mapping: "stripe-customers", tenant: acme.tenant.id)

            #expect(response.status == 422)
            #expect(response.json["error"]?["code"] == "mapping_invalid")
            #expect(response.json["error"]?["message"]?.stringValue?.contains("operations") == true)
            #expect(versions.count == 1)
        }
    }

    @Test func reusedVersion_isUnprocessableWithPlainMessage() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let admin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "revops@acme.example")
            var document = try members(of: "1.1.0")
            let path = "\(acme.path)/mappings/stripe-customers/versions"
            _ = try await harness.request("POST", path, token: admin, body: ["document": .object(document)])
            document["description"] = "Other content under the same version."

            let response = try await harness.request("POST", path, token: admin, body: ["document": .object(document)])
            let message = response.json["error"]?["message"]?.stringValue ?? ""

            #expect(response.status == 422)
            #expect(response.json["error"]?["code"] == "mapping_version_reused")
            #expect(message.contains("raise \"version\""), "\(message)")
            #expect(!message.contains("[configuration"))
        }
    }

    @Test func viewer_cannotPublish() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let viewer = try await harness.token(tenant: acme.tenant.id, role: .viewer, name: "viewer@acme.example")
            let document = try AdminTestHarness.customerMappingDocument(version: "1.1.0").document

            let response = try await harness.request(
                "POST", "\(acme.path)/mappings/stripe-customers/versions", token: viewer, body: ["document": document])

            #expect(response.status == 403)
        }
    }

    @Test func missingDocument_namesTheMember() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let admin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "revops@acme.example")

            let response = try await harness.request("POST", "\(acme.path)/mappings/stripe-customers/versions", token: admin, body: [:])

            #expect(response.status == 400)
            #expect(response.json["error"]?["message"]?.stringValue?.contains("\"document\"") == true)
        }
    }
}
