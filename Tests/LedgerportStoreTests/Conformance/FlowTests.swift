import Foundation
import LedgerportSDK
import LedgerportStore
import Testing

@Suite struct FlowTests {
    /// Creates a tenant with the Stripe and Odoo connections of the test environment.
    private func tenantWithConnections(_ store: any Store, _ slug: String = "acme") async throws -> Tenant {
        let tenant = try await StoreFixtures.tenant(store, slug)
        try await StoreFixtures.connection(store, tenant: tenant)
        try await StoreFixtures.odooConnection(store, tenant: tenant)
        return tenant
    }

    @Test(arguments: StoreFactory.all)
    func createdFlow_readsBackEveryField(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let tenant = try await tenantWithConnections(store)
            var new = StoreFixtures.scheduledFlow()
            new.nativeEventTypes = ["invoice.paid", "invoice.finalized"]
            new.retryPolicy = ["maximum_attempts": 5, "initial_delay_seconds": 2]
            new.sloObjective = ExactDecimal(significand: 995, scale: 3)
            new.sloTargetSeconds = 30

            let created = try await store.createFlow(new, tenant: tenant.id, actor: StoreFixtures.actor)
            let read = try await store.flow("usage-import", tenant: tenant.id)

            #expect(read == created)
            #expect(read.tenantID == tenant.id)
            #expect(read.environment == .test)
            #expect(read.sourceConnectionID == "stripe-test")
            #expect(read.targetConnectionID == "odoo-test")
            #expect(read.mappingID == "invoices")
            #expect(read.nativeEventTypes == ["invoice.paid", "invoice.finalized"])
            #expect(read.mode == .scheduled)
            #expect(read.schedule == ["daily_at": "02:00"])
            #expect(read.retryPolicy == ["maximum_attempts": 5, "initial_delay_seconds": 2])
            #expect(read.sloObjective.description == "0.995")
            #expect(read.sloTargetSeconds == 30)
            #expect(read.state == .active)
            #expect(read.createdAt == clock.now())
            #expect(try await store.flows(tenant: tenant.id, environment: .test) == [created])
            #expect(try await store.flows(tenant: tenant.id, environment: .production).isEmpty)
        }
    }

    @Test(arguments: StoreFactory.all)
    func createFlow_isAudited(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await tenantWithConnections(store)

            _ = try await store.createFlow(StoreFixtures.flow(), tenant: tenant.id, actor: StoreFixtures.actor)

            let entry = try await store.auditEntries(scope: .tenant(tenant.id), after: 0, limit: 100).last
            #expect(entry?.action == "flow.created")
            #expect(entry?.subjectKind == "flow")
            #expect(entry?.subjectID == "invoices")
            #expect(entry?.actor == StoreFixtures.actor)
            #expect(entry?.details.objectValue?["target_connection_id"] == "odoo-test")
            #expect(entry?.details.objectValue?["mode"] == "realtime")
        }
    }

    @Test(arguments: StoreFactory.all)
    func connectionOfOtherEnvironment_isInvalidInput(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await tenantWithConnections(store)
            try await StoreFixtures.odooConnection(store, tenant: tenant, id: "odoo-live", environment: .production)

            let error = await #expect(throws: StoreError.self) {
                try await store.createFlow(StoreFixtures.flow(target: "odoo-live"), tenant: tenant.id, actor: StoreFixtures.actor)
            }

            #expect(error?.code == .invalidInput)
            #expect(error?.message == #"create flow "invoices" connections "stripe-test" and "odoo-live": source "stripe-test" is in environment "test" and target "odoo-live" in "production""#)
            #expect(error?.hint == #"a flow's source and target share one environment: choose two connections of environment "test""#)
            #expect(try await store.flows(tenant: tenant.id, environment: nil).isEmpty)
        }
    }

    @Test(arguments: StoreFactory.all)
    func bothConnectionsElsewhere_namesEnvironmentOption(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await tenantWithConnections(store)
            try await StoreFixtures.connection(store, tenant: tenant, id: "stripe-live", environment: .production)
            try await StoreFixtures.odooConnection(store, tenant: tenant, id: "odoo-live", environment: .production)

            let error = await #expect(throws: StoreError.self) {
                try await store.createFlow(StoreFixtures.flow(source: "stripe-live", target: "odoo-live"), tenant: tenant.id, actor: StoreFixtures.actor)
            }

            #expect(error?.code == .invalidInput)
            #expect(error?.message == #"create flow "invoices" connections "stripe-live" and "odoo-live": both are in environment "production", not "test""#)
            #expect(error?.hint?.contains("--environment production on the command line") == true)
        }
    }

    @Test(arguments: StoreFactory.all)
    func missingConnectionOrEnvironment_isNotFound(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await tenantWithConnections(store)
            var otherEnvironment = StoreFixtures.flow()
            otherEnvironment.environment = "staging"

            let source = await #expect(throws: StoreError.self) {
                try await store.createFlow(StoreFixtures.flow(source: "hubspot-test"), tenant: tenant.id, actor: StoreFixtures.actor)
            }
            let environment = await #expect(throws: StoreError.self) {
                try await store.createFlow(otherEnvironment, tenant: tenant.id, actor: StoreFixtures.actor)
            }
            let missingTenant = await #expect(throws: StoreError.self) {
                try await store.createFlow(StoreFixtures.flow(), tenant: TenantID.generate(), actor: StoreFixtures.actor)
            }

            #expect(source?.code == .notFound)
            #expect(source?.message.contains("source connection \"hubspot-test\"") == true)
            #expect(environment?.code == .notFound)
            #expect(missingTenant?.code == .notFound)
        }
    }

    @Test(arguments: StoreFactory.all)
    func invalidOrDuplicateFlow_isRejected(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await tenantWithConnections(store)
            var unscheduled = StoreFixtures.flow("backfill")
            unscheduled.mode = .scheduled
            _ = try await store.createFlow(StoreFixtures.flow(), tenant: tenant.id, actor: StoreFixtures.actor)

            let invalid = await #expect(throws: StoreError.self) {
                try await store.createFlow(unscheduled, tenant: tenant.id, actor: StoreFixtures.actor)
            }
            let duplicate = await #expect(throws: StoreError.self) {
                try await store.createFlow(StoreFixtures.flow(), tenant: tenant.id, actor: StoreFixtures.actor)
            }

            #expect(invalid?.code == .invalidInput)
            #expect(duplicate?.code == .alreadyExists)
            #expect(try await store.flows(tenant: tenant.id, environment: nil).map(\.id) == ["invoices"])
        }
    }

    @Test(arguments: StoreFactory.all)
    func flowWithoutEventTypes_isRejected(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await tenantWithConnections(store)
            var none = StoreFixtures.flow("none")
            none.nativeEventTypes = []
            var blank = StoreFixtures.flow("blank")
            blank.nativeEventTypes = ["invoice.paid", " "]

            let noneError = await #expect(throws: StoreError.self) {
                try await store.createFlow(none, tenant: tenant.id, actor: StoreFixtures.actor)
            }
            let blankError = await #expect(throws: StoreError.self) {
                try await store.createFlow(blank, tenant: tenant.id, actor: StoreFixtures.actor)
            }

            #expect(noneError?.code == .invalidInput)
            #expect(noneError?.message.contains("native event types: are empty") == true)
            #expect(blankError?.code == .invalidInput)
            #expect(blankError?.message.contains("native event type at index 1: must not be empty") == true)
            #expect(try await store.flows(tenant: tenant.id, environment: nil).isEmpty)
        }
    }

    @Test(arguments: StoreFactory.all)
    func pauseAndResume_areAuditedOnce(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let tenant = try await tenantWithConnections(store)
            _ = try await store.createFlow(StoreFixtures.flow(), tenant: tenant.id, actor: StoreFixtures.actor)
            clock.advance(seconds: 10)

            let paused = try await store.setFlowState(.paused, flow: "invoices", tenant: tenant.id, actor: StoreFixtures.actor)
            let pausedAgain = try await store.setFlowState(.paused, flow: "invoices", tenant: tenant.id, actor: StoreFixtures.actor)
            let activeWhilePaused = try await store.activeFlows()
            let resumed = try await store.setFlowState(.active, flow: "invoices", tenant: tenant.id, actor: StoreFixtures.actor)

            #expect(paused.state == .paused)
            #expect(paused.updatedAt == clock.now())
            #expect(paused.createdAt == clock.now().addingTimeInterval(-10))
            #expect(pausedAgain == paused)
            #expect(activeWhilePaused.isEmpty)
            #expect(resumed.state == .active)
            let actions = try await store.auditEntries(scope: .tenant(tenant.id), after: 0, limit: 100).map(\.action)
            #expect(actions.suffix(3) == ["flow.created", "flow.paused", "flow.resumed"])
        }
    }

    @Test(arguments: StoreFactory.all)
    func activeFlows_coverEveryTenant(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let alpha = try await tenantWithConnections(store, "alpha")
            let beta = try await tenantWithConnections(store, "beta")
            _ = try await store.createFlow(StoreFixtures.flow("invoices"), tenant: alpha.id, actor: StoreFixtures.actor)
            _ = try await store.createFlow(StoreFixtures.flow("payments"), tenant: alpha.id, actor: StoreFixtures.actor)
            _ = try await store.createFlow(StoreFixtures.flow("invoices"), tenant: beta.id, actor: StoreFixtures.actor)
            _ = try await store.setFlowState(.paused, flow: "payments", tenant: alpha.id, actor: StoreFixtures.actor)

            let active = try await store.activeFlows()

            #expect(Set(active.map { "\($0.tenantID)/\($0.id)" }) == ["\(alpha.id)/invoices", "\(beta.id)/invoices"])
            #expect(active.allSatisfy { $0.state == .active })
        }
    }
}
