import Foundation
import LedgerportSDK
import LedgerportStore
import Testing

/// Applied object versions and target-write audit entries, which `recordAttempt` stores with the attempt or not at all.
@Suite struct AppliedVersionTests {
    private func report(_ clock: ManualClock, versions: [AppliedObjectVersion], audit: [NewAuditEntry] = []) -> DeliveryAttemptReport {
        DeliveryAttemptReport(startedAt: clock.now(), finishedAt: clock.now(), outcome: .delivered, appliedVersions: versions, auditEntries: audit)
    }

    private func targetWrite(_ clock: ManualClock, record: String) -> NewAuditEntry {
        NewAuditEntry(
            occurredAt: clock.now(), actor: "runtime", action: "target.write", subjectKind: "account.move", subjectID: record,
            details: ["operation": "create"])
    }

    /// Creates a tenant with `count` claimed deliveries of flow `invoices`, each for its own business object.
    private func claimedDeliveries(_ store: any Store, _ clock: ManualClock, count: Int) async throws -> (Tenant, [DeliveryClaim]) {
        let tenant = try await StoreFixtures.tenant(store, "acme")
        try await StoreFixtures.connection(store, tenant: tenant)
        for index in 0..<count {
            _ = try await StoreFixtures.pendingDelivery(store, tenant: tenant, sourceID: "evt_\(index)", orderingKey: "invoice:\(index)", clock: clock)
        }
        let claims = try await store.claimDueDeliveries(tenant: tenant.id, limit: count, leaseSeconds: 30)
        return (tenant, claims)
    }

    @Test(arguments: StoreFactory.all)
    func appliedVersion_onlyRises(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let (tenant, claims) = try await claimedDeliveries(store, clock, count: 3)
            var seen: [Int64?] = []

            for (claim, version) in zip(claims, [200, 100, 300] as [Int64]) {
                _ = try await store.recordAttempt(
                    report(clock, versions: [AppliedObjectVersion(objectKey: "invoice:in_1", version: version)]), claim: claim, tenant: tenant.id)
                seen.append(try await store.appliedVersion(objectKey: "invoice:in_1", flow: "invoices", tenant: tenant.id))
            }

            #expect(seen == [200, 200, 300])
            #expect(try await store.appliedVersion(objectKey: "invoice:in_2", flow: "invoices", tenant: tenant.id) == nil)
            #expect(try await store.appliedVersion(objectKey: "invoice:in_1", flow: "refunds", tenant: tenant.id) == nil)
        }
    }

    @Test(arguments: StoreFactory.all)
    func appliedVersions_readsSeveralObjectsAtOnce(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let (tenant, claims) = try await claimedDeliveries(store, clock, count: 1)
            let versions = [AppliedObjectVersion(objectKey: "invoice:in_1", version: 5), AppliedObjectVersion(objectKey: "invoice:in_2", version: 9)]
            _ = try await store.recordAttempt(report(clock, versions: versions), claim: claims[0], tenant: tenant.id)

            let read = try await store.appliedVersions(objectKeys: ["invoice:in_1", "invoice:in_2", "invoice:in_3"], flow: "invoices", tenant: tenant.id)

            #expect(read == ["invoice:in_1": 5, "invoice:in_2": 9])
            #expect(try await store.appliedVersions(objectKeys: ["invoice:in_1"], flow: "refunds", tenant: tenant.id).isEmpty)
            #expect(try await store.appliedVersions(objectKeys: [], flow: "invoices", tenant: tenant.id).isEmpty)
        }
    }

    @Test(arguments: StoreFactory.all)
    func recordAttempts_recordsEachOnItsOwn(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let (tenant, claims) = try await claimedDeliveries(store, clock, count: 3)
            // The second claim is recorded already, so recording it again has lost its lease.
            _ = try await store.recordAttempt(report(clock, versions: []), claim: claims[1], tenant: tenant.id)

            let errors = await store.recordAttempts(
                claims.enumerated().map { index, claim in
                    (report: report(clock, versions: [AppliedObjectVersion(objectKey: "invoice:in_\(index)", version: 3)], audit: [targetWrite(clock, record: "\(index)")]), claim: claim)
                },
                tenant: tenant.id)

            #expect(errors[0] == nil)
            #expect((errors[1] as? StoreError)?.code == .leaseLost)
            #expect(errors[2] == nil)
            let states = try await store.deliveries(tenant: tenant.id, state: nil, after: nil, limit: 10).map(\.state)
            #expect(states == [.delivered, .delivered, .delivered])
            let attempts = try await claims.asyncCount { try await store.deliveryAttempts(delivery: $0.deliveryID, tenant: tenant.id).count }
            #expect(attempts == [1, 1, 1])
            let versions = try await store.appliedVersions(objectKeys: ["invoice:in_0", "invoice:in_1", "invoice:in_2"], flow: "invoices", tenant: tenant.id)
            #expect(versions == ["invoice:in_0": 3, "invoice:in_2": 3])
            let writes = try await store.auditEntries(scope: .tenant(tenant.id), after: 0, limit: 100).filter { $0.action == "target.write" }
            #expect(writes.map(\.subjectID) == ["0", "2"])
            let chain = try await store.auditEntries(scope: .tenant(tenant.id), after: 0, limit: 100)
            #expect(try await store.verifyAuditChain(scope: .tenant(tenant.id)) == .intact(entryCount: chain.count))
        }
    }

    @Test(arguments: StoreFactory.all)
    func recordAttempts_chainsEveryTargetWrite(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let (tenant, claims) = try await claimedDeliveries(store, clock, count: 3)
            let before = try await store.auditEntries(scope: .tenant(tenant.id), after: 0, limit: 100).count

            let errors = await store.recordAttempts(
                claims.enumerated().map { index, claim in
                    let audit = [targetWrite(clock, record: "\(index)a"), targetWrite(clock, record: "\(index)b")]
                    return (report: report(clock, versions: [], audit: audit), claim: claim)
                },
                tenant: tenant.id)

            #expect(errors.allSatisfy { $0 == nil })
            let entries = try await store.auditEntries(scope: .tenant(tenant.id), after: Int64(before), limit: 100)
            #expect(entries.map(\.subjectID) == ["0a", "0b", "1a", "1b", "2a", "2b"])
            #expect(entries.map(\.sequence) == Array(Int64(before + 1)...Int64(before + 6)))
            #expect(try await store.verifyAuditChain(scope: .tenant(tenant.id)) == .intact(entryCount: before + 6))
            let states = try await store.deliveries(tenant: tenant.id, state: nil, after: nil, limit: 10).map(\.state)
            #expect(states == [.delivered, .delivered, .delivered])
        }
    }

    @Test(arguments: StoreFactory.all)
    func recordAttempt_appendsTargetWritesToChain(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let (tenant, claims) = try await claimedDeliveries(store, clock, count: 1)
            let before = try await store.auditEntries(scope: .tenant(tenant.id), after: 0, limit: 100).count

            _ = try await store.recordAttempt(
                report(
                    clock, versions: [AppliedObjectVersion(objectKey: "invoice:in_1", version: 7)],
                    audit: [targetWrite(clock, record: "41"), targetWrite(clock, record: "42")]),
                claim: claims[0], tenant: tenant.id)

            let entries = try await store.auditEntries(scope: .tenant(tenant.id), after: Int64(before), limit: 100)
            #expect(entries.map(\.subjectID) == ["41", "42"])
            #expect(entries.allSatisfy { $0.action == "target.write" })
            #expect(entries.allSatisfy { $0.actor == "runtime" })
            #expect(try await store.verifyAuditChain(scope: .tenant(tenant.id)) == .intact(entryCount: before + 2))
            #expect(try await store.verifyAuditChain(scope: .platform) == .intact(entryCount: 0))
        }
    }

    @Test(arguments: StoreFactory.all)
    func lostLeaseReport_writesNeither(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let (tenant, claims) = try await claimedDeliveries(store, clock, count: 1)
            let before = try await store.auditEntries(scope: .tenant(tenant.id), after: 0, limit: 100).count
            clock.advance(seconds: 30)
            let fresh = try await store.claimDueDeliveries(tenant: tenant.id, limit: 1, leaseSeconds: 30)

            let error = await #expect(throws: StoreError.self) {
                try await store.recordAttempt(
                    report(clock, versions: [AppliedObjectVersion(objectKey: "invoice:in_1", version: 7)], audit: [targetWrite(clock, record: "41")]),
                    claim: claims[0], tenant: tenant.id)
            }

            #expect(error?.code == .leaseLost)
            #expect(fresh.count == 1)
            #expect(try await store.appliedVersion(objectKey: "invoice:in_1", flow: "invoices", tenant: tenant.id) == nil)
            #expect(try await store.auditEntries(scope: .tenant(tenant.id), after: 0, limit: 100).count == before)
            #expect(try await store.deliveryAttempts(delivery: claims[0].deliveryID, tenant: tenant.id).isEmpty)
        }
    }

    @Test(arguments: StoreFactory.all)
    func blankObjectKey_writesNothing(factory: StoreFactory) async throws {
        try await factory.withStore { store, clock in
            let (tenant, claims) = try await claimedDeliveries(store, clock, count: 1)
            let before = try await store.auditEntries(scope: .tenant(tenant.id), after: 0, limit: 100).count
            let versions = [AppliedObjectVersion(objectKey: "invoice:in_1", version: 7), AppliedObjectVersion(objectKey: " ", version: 8)]

            let error = await #expect(throws: StoreError.self) {
                try await store.recordAttempt(report(clock, versions: versions, audit: [targetWrite(clock, record: "41")]), claim: claims[0], tenant: tenant.id)
            }

            #expect(error?.code == .invalidInput)
            #expect(try await store.appliedVersion(objectKey: "invoice:in_1", flow: "invoices", tenant: tenant.id) == nil)
            #expect(try await store.auditEntries(scope: .tenant(tenant.id), after: 0, limit: 100).count == before)
            #expect(try await store.delivery(claims[0].deliveryID, tenant: tenant.id).state == .inFlight)
        }
    }
}

extension Array {
    /// The results of `count` on each element, awaited one after the other.
    fileprivate func asyncCount(_ count: (Element) async throws -> Int) async rethrows -> [Int] {
        var counts = [Int]()
        for element in self {
            counts.append(try await count(element))
        }
        return counts
    }
}
