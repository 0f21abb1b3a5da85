import Foundation
import LedgerportSDK
import LedgerportStore
import Testing

@Suite struct AuditChainTests {
    private let occurredAt = Date(timeIntervalSince1970: 1_767_225_600.1239)
    /// Creates a tenant with a few audited actions and returns it.
    private func auditedTenant(_ store: any Store) async throws -> Tenant {
        let tenant = try await StoreFixtures.tenant(store, "acme")
        try await StoreFixtures.connection(store, tenant: tenant)
        _ = try await store.createMapping(id: "invoices", displayName: "Invoices", tenant: tenant.id, actor: StoreFixtures.actor)
        _ = try await store.appendAuditEntry(
            NewAuditEntry(occurredAt: occurredAt, actor: "runtime", action: "target.write", subjectKind: "account.move", subjectID: "42"),
            scope: .tenant(tenant.id))
        return tenant
    }

    @Test(arguments: StoreFactory.all)
    func chain_linksEveryEntry(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await auditedTenant(store)

            let entries = try await store.auditEntries(scope: .tenant(tenant.id), after: 0, limit: 100)

            #expect(entries.map(\.sequence) == [1, 2, 3, 4])
            #expect(entries[0].previousHash == AuditChain.genesisHash)
            #expect(entries[1].previousHash == entries[0].hash)
            #expect(entries.allSatisfy { $0.hash == AuditChain.hash(of: $0) })
            #expect(entries[3].occurredAtMilliseconds == 1_767_225_600_123)
            #expect(try await store.verifyAuditChain(scope: .tenant(tenant.id)) == .intact(entryCount: 4))
        }
    }

    @Test(arguments: StoreFactory.all)
    func tamperedEntry_breaksChainThere(factory: StoreFactory) async throws {
        try await factory.withHarness { harness in
            let tenant = try await auditedTenant(harness.store)

            try await harness.tamperWithAuditEntry(.tenant(tenant.id), 2)

            let verification = try await harness.store.verifyAuditChain(scope: .tenant(tenant.id))
            #expect(verification == .broken(AuditChainBreak(sequence: 2, reason: .contentChanged)))
        }
    }

    @Test(arguments: StoreFactory.all)
    func deletedEntry_breaksChainThere(factory: StoreFactory) async throws {
        try await factory.withHarness { harness in
            let tenant = try await auditedTenant(harness.store)

            try await harness.deleteAuditEntry(.tenant(tenant.id), 3)

            let verification = try await harness.store.verifyAuditChain(scope: .tenant(tenant.id))
            #expect(verification == .broken(AuditChainBreak(sequence: 3, reason: .missingEntry)))
        }
    }

    @Test(arguments: StoreFactory.all)
    func otherTenantsChain_isUnaffectedByTampering(factory: StoreFactory) async throws {
        try await factory.withHarness { harness in
            let acme = try await auditedTenant(harness.store)
            let globex = try await StoreFixtures.tenant(harness.store, "globex")

            try await harness.tamperWithAuditEntry(.tenant(acme.id), 1)

            #expect(try await harness.store.verifyAuditChain(scope: .tenant(globex.id)) == .intact(entryCount: 1))
        }
    }
}
