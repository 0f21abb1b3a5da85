import LedgerportCrypto
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import Testing

/// The two-approver rule compares token names trimmed and lowercased, so no other spelling of a person counts twice.
@Suite(.serialized)
struct ReviewerIdentityTests {
    /// Proposes activating a new customer mapping version with a tenant admin's token named revops@acme.example; returns the request id.
    private func propose(_ harness: AdminTestHarness, _ acme: ProvisionedTenant) async throws -> String {
        let newer = try await harness.publishCustomerMapping(tenant: acme.tenant.id, version: "1.1.0")
        let admin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "revops@acme.example")
        let (_, created) = try await harness.request(
            "POST", "\(acme.path)/change-requests", token: admin,
            body: ["mapping_id": "stripe-customers", "version": .number(JSONNumber(newer.version)), "environment": "production", "summary": "Prefix refs"]
        )
        return try #require(created["id"]?.stringValue)
    }

    /// Stores a board member's token under `name` as it is, as a token created before names were normalized would be.
    private func storedToken(_ harness: AdminTestHarness, tenant: TenantID, name: String) async throws -> String {
        let text = APITokenService.prefix + Hex.encode(SecureRandom.bytes(count: APITokenService.secretByteCount))
        _ = try await harness.runtime.store.createAPIToken(
            NewAPIToken(tenantID: tenant, role: .boardMember, name: name, tokenDigest: SHA256.digest(Array(text.utf8))), actor: "test"
        )
        return text
    }

    @Test func proposer_otherSpellingsCannotApprove() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let id = try await propose(harness, acme)
            let names = [" revops@acme.example", "REVOPS@acme.example"]

            for name in names {
                let issued = try await harness.token(tenant: acme.tenant.id, role: .boardMember, name: name)
                let stored = try await storedToken(harness, tenant: acme.tenant.id, name: name)
                for token in [issued, stored] {
                    let (status, json) = try await harness.request("POST", "\(acme.path)/change-requests/\(id)/decisions", token: token, body: ["decision": "approve"])

                    #expect(status == 403, "token named \"\(name)\"")
                    #expect(json["error"]?["code"] == "self_review", "token named \"\(name)\"")
                }
            }
            let approvals = try await harness.runtime.store.approvals(changeRequest: ChangeRequestID(rawValue: id), tenant: acme.tenant.id)
            #expect(approvals.isEmpty)
        }
    }

    @Test func reviewer_otherSpellingDecidesOnce() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let id = try await propose(harness, acme)
            let controller = try await harness.token(tenant: acme.tenant.id, role: .boardMember, name: "controller@acme.example")
            let shouting = try await storedToken(harness, tenant: acme.tenant.id, name: "Controller@ACME.example ")

            let first = try await harness.request("POST", "\(acme.path)/change-requests/\(id)/decisions", token: controller, body: ["decision": "approve"])
            let (status, json) = try await harness.request("POST", "\(acme.path)/change-requests/\(id)/decisions", token: shouting, body: ["decision": "approve"])

            #expect(first.status == 200)
            #expect(status == 409)
            #expect(json["error"]?["code"] == "already_exists")
            #expect(json["error"]?["message"]?.stringValue?.contains(#""controller@acme.example" already decided this request (approve)"#) == true)
            #expect(first.json["change_request"]?["state"] == "open")
            let request = try await harness.runtime.store.changeRequest(ChangeRequestID(rawValue: id), tenant: acme.tenant.id)
            #expect(request.state == .open)
        }
    }

    @Test func tokenCreate_storesNameNormalized() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")

            let (record, _) = try await APITokenService(store: harness.runtime.store).create(
                tenant: acme.tenant.id, role: .boardMember, name: "  CFO@Acme.example ", actor: "test"
            )

            #expect(record.name == "cfo@acme.example")
        }
    }
}
