import Foundation
import LedgerportSDK
import LedgerportStore
import Testing

/// Tenant A can never read or change tenant B's rows: they are reported as not found.
@Suite struct TenantScopingTests {
    private struct TwoTenants {
        let store: any Store
        let alpha: Tenant
        let beta: Tenant
    }

    private func withTwoTenants(_ factory: StoreFactory, _ body: (TwoTenants, StoreHarness) async throws -> Void) async throws {
        try await factory.withHarness { harness in
            let alpha = try await StoreFixtures.tenant(harness.store, "alpha")
            let beta = try await StoreFixtures.tenant(harness.store, "beta")
            try await StoreFixtures.connection(harness.store, tenant: alpha)
            try await StoreFixtures.connection(harness.store, tenant: beta)
            try await body(TwoTenants(store: harness.store, alpha: alpha, beta: beta), harness)
        }
    }

    private func expectNotFound(_ body: () async throws -> Void) async {
        let error = await #expect(throws: StoreError.self) { try await body() }
        #expect(error?.code == .notFound)
    }

    @Test(arguments: StoreFactory.all)
    func otherTenantsConnection_isInvisible(factory: StoreFactory) async throws {
        try await withTwoTenants(factory) { world, _ in
            _ = try await world.store.createConnection(
                NewConnection(id: "odoo-only-alpha", environment: .test, connectorID: "odoo", connectorVersion: SemanticVersion(major: 1, minor: 0, patch: 0)),
                tenant: world.alpha.id, actor: StoreFixtures.actor)

            await expectNotFound { _ = try await world.store.connection("odoo-only-alpha", tenant: world.beta.id) }
            await expectNotFound {
                _ = try await world.store.setConnectionState(.disabled, connection: "odoo-only-alpha", tenant: world.beta.id, actor: "mallory")
            }
            #expect(try await world.store.connections(tenant: world.beta.id, environment: nil).map(\.id) == ["stripe-test"])
            #expect(try await world.store.connection("odoo-only-alpha", tenant: world.alpha.id).state == .active)
        }
    }

    @Test(arguments: StoreFactory.all)
    func otherTenantsEvents_areInvisible(factory: StoreFactory) async throws {
        try await withTwoTenants(factory) { world, _ in
            let outcomes = try await world.store.insertEvents([StoreFixtures.event("evt_a")], tenant: world.alpha.id)

            await expectNotFound { _ = try await world.store.event(outcomes[0].eventID, tenant: world.beta.id) }
            #expect(try await world.store.events(tenant: world.beta.id, connection: nil, after: nil, limit: 10).isEmpty)
            #expect(try await world.store.events(ids: [outcomes[0].eventID], tenant: world.beta.id).isEmpty)
            #expect(try await world.store.events(ids: [outcomes[0].eventID], tenant: world.alpha.id).map(\.sourceEventID) == ["evt_a"])
            #expect(try await world.store.removePayloads(receivedBefore: .distantFuture, tenant: world.beta.id) == 0)
            #expect(try await world.store.event(outcomes[0].eventID, tenant: world.alpha.id).payload != nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func ingestThroughOtherTenantsConnection_isRejected(factory: StoreFactory) async throws {
        try await withTwoTenants(factory) { world, _ in
            _ = try await world.store.createConnection(
                NewConnection(id: "alpha-only", environment: .test, connectorID: "stripe", connectorVersion: SemanticVersion(major: 1, minor: 0, patch: 0)),
                tenant: world.alpha.id, actor: StoreFixtures.actor)

            await expectNotFound {
                _ = try await world.store.insertEvents([StoreFixtures.event("evt_x", connection: "alpha-only")], tenant: world.beta.id)
            }
            #expect(try await world.store.events(tenant: world.alpha.id, connection: nil, after: nil, limit: 10).isEmpty)
        }
    }

    @Test(arguments: StoreFactory.all)
    func otherTenantsDeliveries_areInvisible(factory: StoreFactory) async throws {
        try await withTwoTenants(factory) { world, harness in
            let id = try await StoreFixtures.pendingDelivery(world.store, tenant: world.alpha, sourceID: "evt_a", clock: harness.clock)

            await expectNotFound { _ = try await world.store.delivery(id, tenant: world.beta.id) }
            #expect(try await world.store.deliveries(tenant: world.beta.id, state: nil, after: nil, limit: 10).isEmpty)
            #expect(try await world.store.claimDueDeliveries(tenant: world.beta.id, limit: 10, leaseSeconds: 30).isEmpty)
            #expect(try await world.store.deliveryAttempts(delivery: id, tenant: world.beta.id).isEmpty)

            let claims = try await world.store.claimDueDeliveries(tenant: world.alpha.id, limit: 10, leaseSeconds: 30)
            let report = DeliveryAttemptReport(startedAt: harness.clock.now(), finishedAt: harness.clock.now(), outcome: .delivered)
            await expectNotFound { _ = try await world.store.recordAttempt(report, claim: claims[0], tenant: world.beta.id) }
            #expect(try await world.store.delivery(id, tenant: world.alpha.id).state == .inFlight)
        }
    }

    @Test(arguments: StoreFactory.all)
    func otherTenantsDeadLetters_areInvisible(factory: StoreFactory) async throws {
        try await withTwoTenants(factory) { world, harness in
            _ = try await StoreFixtures.pendingDelivery(world.store, tenant: world.alpha, sourceID: "evt_a", clock: harness.clock)
            let claim = try await world.store.claimDueDeliveries(tenant: world.alpha.id, limit: 1, leaseSeconds: 30)[0]
            let error = AttemptError(failureClass: .business, code: "odoo_user_error", message: "post invoice: rejected")
            _ = try await world.store.recordAttempt(
                DeliveryAttemptReport(startedAt: harness.clock.now(), finishedAt: harness.clock.now(), outcome: .park(reason: .business, error: error)),
                claim: claim, tenant: world.alpha.id)
            let letter = try await world.store.deadLetters(tenant: world.alpha.id, filter: DeadLetterFilter(), after: nil, limit: 10)[0]

            #expect(try await world.store.deadLetters(tenant: world.beta.id, filter: DeadLetterFilter(), after: nil, limit: 10).isEmpty)
            await expectNotFound { _ = try await world.store.deadLetter(letter.id, tenant: world.beta.id) }
            await expectNotFound {
                _ = try await world.store.closeDeadLetter(letter.id, as: .discarded, reason: "not mine", tenant: world.beta.id, actor: "mallory")
            }
            await expectNotFound {
                _ = try await world.store.replayDeadLetter(letter.id, notBefore: harness.clock.now(), mapping: nil, tenant: world.beta.id, actor: "mallory")
            }
            #expect(try await world.store.deadLetter(letter.id, tenant: world.alpha.id).status == .parked)
        }
    }

    @Test(arguments: StoreFactory.all)
    func otherTenantsMappings_areInvisible(factory: StoreFactory) async throws {
        try await withTwoTenants(factory) { world, _ in
            _ = try await world.store.createMapping(id: "invoices", displayName: "Invoices", tenant: world.alpha.id, actor: StoreFixtures.actor)
            _ = try await world.store.addMappingVersion(["rules": []], mapping: "invoices", tenant: world.alpha.id, actor: StoreFixtures.actor)

            await expectNotFound { _ = try await world.store.mapping("invoices", tenant: world.beta.id) }
            await expectNotFound { _ = try await world.store.mappingVersion(1, mapping: "invoices", tenant: world.beta.id) }
            await expectNotFound {
                _ = try await world.store.addMappingVersion(["rules": ["evil"]], mapping: "invoices", tenant: world.beta.id, actor: "mallory")
            }
            await expectNotFound {
                _ = try await world.store.activateMappingVersion(
                    MappingVersionReference(mappingID: "invoices", version: 1), environment: .test, changeRequest: nil,
                    tenant: world.beta.id, actor: "mallory")
            }
            #expect(try await world.store.mappings(tenant: world.beta.id).isEmpty)
            #expect(try await world.store.mappingVersions(mapping: "invoices", tenant: world.beta.id).isEmpty)
            #expect(try await world.store.mappingVersions(mapping: "invoices", tenant: world.alpha.id).count == 1)
        }
    }

    @Test(arguments: StoreFactory.all)
    func otherTenantsChangeRequests_areInvisible(factory: StoreFactory) async throws {
        try await withTwoTenants(factory) { world, _ in
            let request = try await world.store.createChangeRequest(
                NewChangeRequest(environment: .production, kind: .activateMapping, subject: ["mapping_id": "invoices"], summary: "Go live"),
                tenant: world.alpha.id, actor: StoreFixtures.actor)

            await expectNotFound { _ = try await world.store.changeRequest(request.id, tenant: world.beta.id) }
            await expectNotFound {
                _ = try await world.store.recordApproval(.approve, comment: "", reviewer: "mallory", changeRequest: request.id, tenant: world.beta.id)
            }
            await expectNotFound {
                _ = try await world.store.transitionChangeRequest(request.id, from: .open, to: .approved, tenant: world.beta.id, actor: "mallory")
            }
            #expect(try await world.store.changeRequests(tenant: world.beta.id, state: nil).isEmpty)
            #expect(try await world.store.changeRequest(request.id, tenant: world.alpha.id).state == .open)
        }
    }

    @Test(arguments: StoreFactory.all)
    func otherTenantsSecretsAndAudit_areInvisible(factory: StoreFactory) async throws {
        try await withTwoTenants(factory) { world, harness in
            let value = try await world.store.addSecretValue(
                NewSealedSecretValue(field: "webhook_secret", sealedBox: [1, 2, 3], activeFrom: harness.clock.now()),
                connection: "stripe-test", tenant: world.alpha.id, actor: StoreFixtures.actor)

            #expect(try await world.store.secretValues(connection: "stripe-test", field: nil, tenant: world.beta.id).isEmpty)
            await expectNotFound {
                _ = try await world.store.expireSecretValue(
                    value.id, at: harness.clock.now(), connection: "stripe-test", tenant: world.beta.id, actor: "mallory")
            }
            let alphaActions = try await world.store.auditEntries(scope: .tenant(world.alpha.id), after: 0, limit: 100).map(\.action)
            let betaEntries = try await world.store.auditEntries(scope: .tenant(world.beta.id), after: 0, limit: 100)
            #expect(alphaActions == ["tenant.created", "connection.created", "connection.secret_added"])
            #expect(betaEntries.map(\.action) == ["tenant.created", "connection.created"])
            #expect(betaEntries.allSatisfy { $0.scope == .tenant(world.beta.id) })
        }
    }

    @Test(arguments: StoreFactory.all)
    func otherTenantsFlowsAndScheduleRuns_areInvisible(factory: StoreFactory) async throws {
        try await withTwoTenants(factory) { world, harness in
            let windowStart = harness.clock.now()
            let windowEnd = windowStart.addingTimeInterval(3_600)
            try await StoreFixtures.odooConnection(world.store, tenant: world.alpha)
            _ = try await world.store.createFlow(StoreFixtures.scheduledFlow(), tenant: world.alpha.id, actor: StoreFixtures.actor)
            _ = try await world.store.startScheduleRun(flow: "usage-import", windowStart: windowStart, windowEnd: windowEnd, tenant: world.alpha.id)

            await expectNotFound { _ = try await world.store.flow("usage-import", tenant: world.beta.id) }
            await expectNotFound {
                _ = try await world.store.setFlowState(.paused, flow: "usage-import", tenant: world.beta.id, actor: "mallory")
            }
            await expectNotFound {
                _ = try await world.store.deliveryLatencySummary(flow: "usage-import", since: windowStart, targetSeconds: 30, tenant: world.beta.id)
            }
            await expectNotFound {
                _ = try await world.store.startScheduleRun(flow: "usage-import", windowStart: windowStart, windowEnd: windowEnd, tenant: world.beta.id)
            }
            await expectNotFound {
                _ = try await world.store.finishScheduleRun(
                    flow: "usage-import", windowStart: windowStart, state: .failed, detail: "", tenant: world.beta.id)
            }
            await expectNotFound {
                _ = try await world.store.createFlow(StoreFixtures.flow(), tenant: world.beta.id, actor: "mallory")
            }
            #expect(try await world.store.flows(tenant: world.beta.id, environment: nil).isEmpty)
            #expect(try await world.store.scheduleRuns(flow: "usage-import", tenant: world.beta.id, limit: 10).isEmpty)
            #expect(try await world.store.flow("usage-import", tenant: world.alpha.id).state == .active)
            #expect(try await world.store.scheduleRuns(flow: "usage-import", tenant: world.alpha.id, limit: 10).map(\.state) == [.running])
        }
    }

    @Test(arguments: StoreFactory.all)
    func otherTenantsAppliedVersions_areInvisible(factory: StoreFactory) async throws {
        try await withTwoTenants(factory) { world, harness in
            _ = try await StoreFixtures.pendingDelivery(world.store, tenant: world.alpha, sourceID: "evt_a", clock: harness.clock)
            let claim = try await world.store.claimDueDeliveries(tenant: world.alpha.id, limit: 1, leaseSeconds: 30)[0]
            _ = try await world.store.recordAttempt(
                DeliveryAttemptReport(
                    startedAt: harness.clock.now(), finishedAt: harness.clock.now(), outcome: .delivered,
                    appliedVersions: [AppliedObjectVersion(objectKey: "invoice:in_1", version: 5)]),
                claim: claim, tenant: world.alpha.id)

            #expect(try await world.store.appliedVersion(objectKey: "invoice:in_1", flow: "invoices", tenant: world.beta.id) == nil)
            #expect(try await world.store.appliedVersion(objectKey: "invoice:in_1", flow: "invoices", tenant: world.alpha.id) == 5)
        }
    }

    @Test(arguments: StoreFactory.all)
    func otherTenantsTokens_areInvisible(factory: StoreFactory) async throws {
        try await withTwoTenants(factory) { world, _ in
            let token = try await world.store.createAPIToken(
                NewAPIToken(tenantID: world.alpha.id, role: .tenantAdmin, name: "alpha-admin", tokenDigest: Array(repeating: 7, count: 32)),
                actor: StoreFixtures.actor)

            #expect(try await world.store.apiTokens(tenant: world.beta.id).isEmpty)
            #expect(try await world.store.apiTokens(tenant: nil).isEmpty)
            await expectNotFound { _ = try await world.store.revokeAPIToken(token.id, tenant: world.beta.id, actor: "mallory") }
            await expectNotFound { _ = try await world.store.revokeAPIToken(token.id, tenant: nil, actor: "mallory") }
            #expect(try await world.store.apiToken(digest: Array(repeating: 7, count: 32))?.tenantID == world.alpha.id)
        }
    }
}
