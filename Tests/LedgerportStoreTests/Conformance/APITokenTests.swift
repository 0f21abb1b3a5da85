import Foundation
import LedgerportSDK
import LedgerportStore
import Testing

@Suite struct APITokenTests {
    /// Makes a stand-in for the SHA-256 of a token secret: 32 bytes derived from `seed`.
    private func digest(_ seed: UInt8) -> [UInt8] {
        (0..<32).map { seed &+ UInt8($0) }
    }

    @Test(arguments: StoreFactory.all)
    func token_authenticatesUntilRevoked(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            let created = try await store.createAPIToken(
                NewAPIToken(tenantID: tenant.id, role: .financeOperator, name: "finance-workbench", tokenDigest: digest(1)), actor: StoreFixtures.actor)

            let found = try await store.apiToken(digest: digest(1))
            clock.advance(seconds: 60)
            let revoked = try await store.revokeAPIToken(created.id, tenant: tenant.id, actor: StoreFixtures.actor)
            let again = await #expect(throws: StoreError.self) {
                try await store.revokeAPIToken(created.id, tenant: tenant.id, actor: StoreFixtures.actor)
            }

            #expect(found == created)
            #expect(created.tenantID == tenant.id)
            #expect(created.role == .financeOperator)
            #expect(created.revokedAt == nil)
            #expect(revoked.revokedAt == clock.now())
            #expect(try await store.apiToken(digest: digest(1)) == nil)
            #expect(try await store.apiTokens(tenant: tenant.id) == [revoked])
            #expect(again?.code == .conflict)
        }
    }

    @Test(arguments: StoreFactory.all)
    func unknownDigest_findsNothing(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            _ = try await store.createAPIToken(
                NewAPIToken(tenantID: tenant.id, role: .viewer, name: "dashboard", tokenDigest: digest(1)), actor: StoreFixtures.actor)

            #expect(try await store.apiToken(digest: digest(2)) == nil)
            #expect(try await store.apiToken(digest: []) == nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func tokens_areAuditedInTheirOwnChain(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            let platform = try await store.createAPIToken(
                NewAPIToken(tenantID: nil, role: .operator_, name: "ops", tokenDigest: digest(1)), actor: StoreFixtures.actor)
            _ = try await store.createAPIToken(
                NewAPIToken(tenantID: tenant.id, role: .boardMember, name: "controller", tokenDigest: digest(2)), actor: StoreFixtures.actor)
            _ = try await store.revokeAPIToken(platform.id, tenant: nil, actor: StoreFixtures.actor)

            let platformEntries = try await store.auditEntries(scope: .platform, after: 0, limit: 100)
            let tenantEntries = try await store.auditEntries(scope: .tenant(tenant.id), after: 0, limit: 100)

            #expect(platformEntries.map(\.action) == ["api_token.created", "api_token.revoked"])
            #expect(platformEntries.allSatisfy { $0.subjectID == platform.id.rawValue })
            #expect(tenantEntries.map(\.action) == ["tenant.created", "api_token.created"])
            #expect(tenantEntries.last?.details == ["name": "controller", "role": "board_member"])
            #expect(try await store.apiTokens(tenant: nil).map(\.name) == ["ops"])
            #expect(try await store.apiTokens(tenant: tenant.id).map(\.name) == ["controller"])
        }
    }

    @Test(arguments: StoreFactory.all)
    func roleThatDoesNotFitScope_isRejected(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await StoreFixtures.tenant(store, "acme")

            let platformAdmin = await #expect(throws: StoreError.self) {
                try await store.createAPIToken(
                    NewAPIToken(tenantID: nil, role: .tenantAdmin, name: "ops", tokenDigest: digest(1)), actor: StoreFixtures.actor)
            }
            let tenantOperator = await #expect(throws: StoreError.self) {
                try await store.createAPIToken(
                    NewAPIToken(tenantID: tenant.id, role: .operator_, name: "ops", tokenDigest: digest(2)), actor: StoreFixtures.actor)
            }
            let shortDigest = await #expect(throws: StoreError.self) {
                try await store.createAPIToken(
                    NewAPIToken(tenantID: tenant.id, role: .viewer, name: "ops", tokenDigest: Array(digest(3).prefix(31))), actor: StoreFixtures.actor)
            }

            #expect(platformAdmin?.code == .invalidInput)
            #expect(platformAdmin?.message.contains("\"tenant_admin\" does not fit a platform token") == true)
            #expect(tenantOperator?.code == .invalidInput)
            #expect(tenantOperator?.message.contains("\"operator\" does not fit a tenant token") == true)
            #expect(shortDigest?.code == .invalidInput)
            #expect(try await store.apiTokens(tenant: nil).isEmpty)
            #expect(try await store.apiTokens(tenant: tenant.id).isEmpty)
        }
    }

    @Test(arguments: StoreFactory.all)
    func duplicateDigestOrMissingTenant_isRejected(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            _ = try await store.createAPIToken(
                NewAPIToken(tenantID: tenant.id, role: .viewer, name: "first", tokenDigest: digest(1)), actor: StoreFixtures.actor)

            let duplicate = await #expect(throws: StoreError.self) {
                try await store.createAPIToken(
                    NewAPIToken(tenantID: tenant.id, role: .viewer, name: "second", tokenDigest: digest(1)), actor: StoreFixtures.actor)
            }
            let missingTenant = await #expect(throws: StoreError.self) {
                try await store.createAPIToken(
                    NewAPIToken(tenantID: TenantID.generate(), role: .viewer, name: "stray", tokenDigest: digest(2)), actor: StoreFixtures.actor)
            }

            #expect(duplicate?.code == .alreadyExists)
            #expect(duplicate?.message == "create API token \"second\" with this digest: already exists")
            #expect(missingTenant?.code == .notFound)
            #expect(try await store.apiTokens(tenant: tenant.id).map(\.name) == ["first"])
        }
    }
}
