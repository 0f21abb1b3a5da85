import Foundation
import LedgerportSDK
import LedgerportStore
import Testing

/// Operational alerts are stored one per connection, replaced when raised again and removed when cleared.
@Suite struct AlertTests {
    private let since = Date(timeIntervalSince1970: 1_767_139_200)

    private func alert(_ tenant: Tenant, connection: ConnectionID = "odoo-test", kind: String = "target_unreachable", occurrences: Int = 1)
        -> OperationalAlert
    {
        OperationalAlert(
            tenantID: tenant.id, connectionID: connection, kind: kind, code: "odoo.unreachable", message: "connection refused",
            since: since, lastSeen: since.addingTimeInterval(Double(occurrences - 1) * 30), occurrences: occurrences
        )
    }

    @Test(arguments: StoreFactory.all)
    func savedTwice_keepsTheLatest(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.odooConnection(store, tenant: tenant)

            try await store.saveAlert(alert(tenant))
            try await store.saveAlert(alert(tenant, occurrences: 4))

            #expect(try await store.allAlerts() == [alert(tenant, occurrences: 4)])
        }
    }

    @Test(arguments: StoreFactory.all)
    func cleared_isGoneAndClearingAgainIsHarmless(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.odooConnection(store, tenant: tenant)
            try await store.saveAlert(alert(tenant))

            try await store.clearAlert(connection: "odoo-test", tenant: tenant.id)
            try await store.clearAlert(connection: "odoo-test", tenant: tenant.id)

            #expect(try await store.allAlerts().isEmpty)
        }
    }

    @Test(arguments: StoreFactory.all)
    func allAlerts_listsEveryTenantOldestFirst(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let acme = try await StoreFixtures.tenant(store, "acme")
            let globex = try await StoreFixtures.tenant(store, "globex")
            try await StoreFixtures.odooConnection(store, tenant: acme)
            try await StoreFixtures.odooConnection(store, tenant: globex)
            var older = alert(globex, kind: "configuration_failing")
            older.since = since.addingTimeInterval(-60)

            try await store.saveAlert(alert(acme))
            try await store.saveAlert(older)

            #expect(try await store.allAlerts() == [older, alert(acme)])
        }
    }

    @Test(arguments: StoreFactory.all)
    func unknownConnection_isNotFound(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let acme = try await StoreFixtures.tenant(store, "acme")
            let globex = try await StoreFixtures.tenant(store, "globex")
            try await StoreFixtures.odooConnection(store, tenant: globex)

            let error = await #expect(throws: StoreError.self) {
                try await store.saveAlert(alert(acme))
            }

            #expect(error?.code == .notFound)
            #expect(try await store.allAlerts().isEmpty)
        }
    }

    @Test(arguments: StoreFactory.all)
    func zeroOccurrences_isInvalidInput(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.odooConnection(store, tenant: tenant)

            let error = await #expect(throws: StoreError.self) {
                try await store.saveAlert(alert(tenant, occurrences: 0))
            }

            #expect(error?.code == .invalidInput)
        }
    }

    @Test(arguments: StoreFactory.all)
    func origin_isKeptAndReplaced(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.odooConnection(store, tenant: tenant)
            var translation = alert(tenant, kind: "system_failing")
            translation.origin = "translation"

            try await store.saveAlert(translation)
            #expect(try await store.allAlerts().map(\.origin) == ["translation"])

            try await store.saveAlert(alert(tenant, kind: "system_failing"))
            #expect(try await store.allAlerts().map(\.origin) == ["call"])
        }
    }

    @Test(arguments: StoreFactory.all)
    func unknownOrigin_isInvalidInput(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await StoreFixtures.tenant(store, "acme")
            try await StoreFixtures.odooConnection(store, tenant: tenant)
            var unknown = alert(tenant)
            unknown.origin = "listing"

            let error = await #expect(throws: StoreError.self) {
                try await store.saveAlert(unknown)
            }

            #expect(error?.code == .invalidInput)
            #expect(try await store.allAlerts().isEmpty)
        }
    }
}
