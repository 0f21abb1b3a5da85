import Foundation
import LedgerportCore
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import Testing

/// ``ConnectionConfigurator`` merges a change into the configuration stored when it writes, not only the one its caller read.
@Suite(.serialized)
struct ConnectionConfiguratorTests {
    @Test func changeFromStaleRead_keepsFieldChangedInBetween() async throws {
        try await withHarness { harness in
            let (stale, spec) = try await readThenSetBatchSize(harness)
            let store = harness.runtime.store

            let outcome = try await ConnectionConfigurator(store: store).configure(
                ["database": "renamed"], connection: stale, spec: spec, urlHosts: nil, actor: "admin@acme.example")
            let stored = try await store.connection(stale.id, tenant: stale.tenantID)

            #expect(outcome.changedFields == ["database"])
            #expect(stored.configuration["batch_size"] == 50)
            #expect(stored.configuration["database"] == "renamed")
            #expect(outcome.connection == stored)
        }
    }

    @Test func changeAlreadyMadeInBetween_isNoChange() async throws {
        try await withHarness { harness in
            let (stale, spec) = try await readThenSetBatchSize(harness)
            let store = harness.runtime.store
            let auditBefore = try await store.auditEntries(scope: .tenant(stale.tenantID), after: 0, limit: 500)

            let outcome = try await ConnectionConfigurator(store: store).configure(
                ["batch_size": 50], connection: stale, spec: spec, urlHosts: nil, actor: "admin@acme.example")
            let auditAfter = try await store.auditEntries(scope: .tenant(stale.tenantID), after: 0, limit: 500)

            #expect(outcome.changedFields.isEmpty)
            #expect(auditAfter.count == auditBefore.count)
        }
    }

    /// Reads tenant acme's Odoo connection, then sets its batch size to 50 as another operator would, and returns the
    /// connection as first read with its spec.
    private func readThenSetBatchSize(_ harness: AdminTestHarness) async throws -> (Connection, ConnectorSpec) {
        let acme = try await harness.provisionTenant(slug: "acme")
        let store = harness.runtime.store
        let stale = try await store.connection("odoo-main", tenant: acme.tenant.id)
        let spec = try #require(harness.runtime.registry.entry(id: stale.connectorID, version: stale.connectorVersion)?.spec.spec)
        var changed = stale.configuration.objectValue ?? [:]
        changed["batch_size"] = 50
        _ = try await store.setConnectionConfiguration(.object(changed), connection: stale.id, tenant: acme.tenant.id, actor: "operator")
        return (stale, spec)
    }
}
