import LedgerportLog
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import Testing

/// The log lines of the admin API's 4xx responses: enough for an operator to find the caller, never the token.
@Suite(.serialized)
struct AdminRejectionLogTests {
    @Test func invalidToken_logsWarningWithoutTheToken() async throws {
        let handler = CapturingLogHandler()
        try await withHarness(logger: Logger(label: "test", logLevel: .info, handler: handler)) { harness in
            let token = "lpt_" + String(repeating: "cd", count: 32)
            #expect(try await harness.request("GET", "/admin/tenants", token: token).status == 401)

            let record = try #require(handler.records.first { $0.message == "admin request denied" })
            #expect(record.level == .warning)
            #expect(record.metadata["admin.error_code"] == .string("invalid_token"))
            #expect(record.metadata[LogMetadataKey.httpStatus] == .integer(401))
            #expect(record.metadata[LogMetadataKey.httpPath] == .string("/admin/tenants"))
            #expect(record.metadata[LogMetadataKey.httpRemoteAddress] == .string("127.0.0.1"))
            #expect(!handler.renderedLines.contains(token))
        }
    }

    @Test func otherTenantsPath_logsTheCallingToken() async throws {
        let handler = CapturingLogHandler()
        try await withHarness(logger: Logger(label: "test", logLevel: .info, handler: handler)) { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let globex = try await harness.provisionTenant(slug: "globex")
            let token = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "admin@acme.example")

            #expect(try await harness.request("GET", "\(globex.path)/events", token: token).status == 404)

            let record = try #require(handler.records.first { $0.message == "admin request denied" })
            #expect(record.metadata["admin.error_code"] == .string("tenant_not_found"))
            #expect(record.metadata["api_token.name"] == .string("admin@acme.example"))
            #expect(record.metadata["api_token.id"] != nil)
            #expect(!handler.renderedLines.contains(token))
        }
    }

    @Test func unknownQueryArgument_logsInfoLine() async throws {
        let handler = CapturingLogHandler()
        try await withHarness(logger: Logger(label: "test", logLevel: .info, handler: handler)) { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let token = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "admin@acme.example")

            #expect(try await harness.request("GET", "\(acme.path)/events?limt=5", token: token).status == 400)

            let record = try #require(handler.records.first { $0.message == "admin request rejected" })
            #expect(record.level == .info)
            #expect(record.metadata[LogMetadataKey.httpStatus] == .integer(400))
            #expect(record.metadata["api_token.name"] == .string("admin@acme.example"))
        }
    }

    @Test func repeatedRejections_logOneLinePerInterval() async throws {
        let handler = CapturingLogHandler()
        try await withHarness(logger: Logger(label: "test", logLevel: .info, handler: handler)) { harness in
            let token = "lpt_" + String(repeating: "ef", count: 32)
            for _ in 0..<5 {
                let status = try await harness.request("GET", "/admin/tenants", token: token).status
                #expect(status == 401)
            }
            #expect(handler.records.filter { $0.message == "admin request denied" }.count == 1)

            harness.clock.advance(seconds: 11)
            let status = try await harness.request("GET", "/admin/tenants", token: token).status
            #expect(status == 401)

            let lines = handler.records.filter { $0.message == "admin request denied" }
            #expect(lines.count == 2)
            #expect(lines.last?.metadata["rejection.suppressed_since_last"] == .integer(4))
        }
    }
}
