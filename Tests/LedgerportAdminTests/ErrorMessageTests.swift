import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import Testing

/// Error messages name the tenant by its slug, quote the value and give the next step.
@Suite(.serialized)
struct ErrorMessageTests {
    @Test func unknownDeadLetter_namesTenantBySlug() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let viewer = try await harness.token(tenant: acme.tenant.id, role: .viewer, name: "viewer@acme.example")

            let (status, json) = try await harness.request("GET", "\(acme.path)/dead-letters/999", token: viewer)

            #expect(status == 404)
            #expect(json["error"]?["message"] == #"read dead letter 999 of tenant "acme": not found; list dead letters with GET /admin/tenants/acme/dead-letters"#)
        }
    }

    @Test func unknownMappingVersion_readsOnceWithHint() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let admin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "revops@acme.example")

            let (status, json) = try await harness.request(
                "POST", "\(acme.path)/change-requests", token: admin,
                body: ["mapping_id": "stripe-customers", "version": 99, "environment": "production", "summary": "Nothing"]
            )

            #expect(status == 404)
            #expect(
                json["error"]?["message"]
                    == .string(
                        #"read mapping "stripe-customers" version 99 of tenant "acme": not found; its only published version is 1; "#
                            + "name it, or publish a new version with POST /admin/tenants/acme/mappings/stripe-customers/versions")
            )
            #expect(json["error"]?["message"]?.stringValue?.contains(acme.tenant.id.rawValue) == false)
        }
    }

    @Test func misspeltDecision_isQuotedWithSuggestion() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let request = try await harness.proposeCustomerMappingChange(tenant: acme.tenant.id)
            let board = try await harness.token(tenant: acme.tenant.id, role: .boardMember, name: "cfo@acme.example")

            let (status, json) = try await harness.request(
                "POST", "\(acme.path)/change-requests/\(request.id)/decisions", token: board, body: ["decision": "aprove"]
            )

            #expect(status == 400)
            #expect(
                json["error"]?["message"]
                    == .string(#"decide on change request \#(request.id): decision "aprove" is not "approve" or "reject"; did you mean "approve"? send one of those"#)
            )
            let approvals = try await harness.runtime.store.approvals(changeRequest: request.id, tenant: acme.tenant.id)
            #expect(approvals.isEmpty)
        }
    }
}
