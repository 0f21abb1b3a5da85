import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import Testing

@Suite(.serialized)
struct AdminAuthenticationTests {
    @Test func missingToken_gets401WithJSONError() async throws {
        try await withHarness { harness in
            let (status, json) = try await harness.request("GET", "/admin/tenants", token: nil)

            #expect(status == 401)
            #expect(json["error"]?["code"] == "missing_token")
            #expect(json["error"]?["message"]?.stringValue?.contains("Authorization: Bearer") == true)
        }
    }

    @Test func malformedAndUnknownTokens_get401() async throws {
        try await withHarness { harness in
            let unknown = "lpt_" + String(repeating: "ab", count: 32)
            for token in ["not-a-token", unknown] {
                let (status, json) = try await harness.request("GET", "/admin/tenants", token: token)

                #expect(status == 401)
                #expect(json["error"]?["code"] == "invalid_token")
                #expect(json["error"]?["message"]?.stringValue?.contains(token) == false)
            }
        }
    }

    @Test func revokedToken_gets401() async throws {
        try await withHarness { harness in
            let service = APITokenService(store: harness.runtime.store)
            let (record, secret) = try await service.create(tenant: nil, role: .operator_, name: "ops@example.com", actor: "test")
            #expect(try await harness.request("GET", "/admin/tenants", token: secret.revealText()).status == 200)

            _ = try await harness.runtime.store.revokeAPIToken(record.id, tenant: nil, actor: "test")
            let (status, json) = try await harness.request("GET", "/admin/tenants", token: secret.revealText())

            #expect(status == 401)
            #expect(json["error"]?["code"] == "invalid_token")
        }
    }

    @Test func tokenFormat_isPrefixAnd64HexDigits() async throws {
        try await withHarness { harness in
            let token = try await harness.token(tenant: nil, role: .operator_, name: "ops@example.com")

            #expect(token.hasPrefix("lpt_"))
            #expect(token.count == 4 + 64)
            #expect(APITokenService.isWellFormed(token))
        }
    }

    @Test func ready_answers200OnceRunning() async throws {
        try await withHarness { harness in
            let (status, json) = try await harness.request("GET", "/ready", token: nil)

            #expect(status == 200)
            #expect(json["status"] == "ready")
        }
    }

    @Test func readiness_isFalseBeforeRun() async throws {
        let readiness = Readiness()

        #expect(readiness.isReady == false)
    }

    @Test func operator_createsAndListsTenants() async throws {
        try await withHarness { harness in
            let token = try await harness.token(tenant: nil, role: .operator_, name: "ops@example.com")

            let (created, tenant) = try await harness.request(
                "POST", "/admin/tenants", token: token, body: ["slug": "globex", "display_name": "Globex", "time_zone": "Europe/Paris"]
            )
            let (listed, list) = try await harness.request("GET", "/admin/tenants", token: token)

            #expect(created == 201)
            #expect(tenant["slug"] == "globex")
            #expect(listed == 200)
            #expect(list["tenants"]?.arrayValue?.compactMap { $0["slug"]?.stringValue } == ["globex"])
        }
    }

    @Test func invalidTenantSlug_gets400NamingTheRule() async throws {
        try await withHarness { harness in
            let token = try await harness.token(tenant: nil, role: .operator_, name: "ops@example.com")

            let (status, json) = try await harness.request("POST", "/admin/tenants", token: token, body: ["slug": "Not A Slug"])

            #expect(status == 400)
            #expect(json["error"]?["code"] == "invalid_input")
            #expect(json["error"]?["message"]?.stringValue?.contains("Not A Slug") == true)
        }
    }
}
