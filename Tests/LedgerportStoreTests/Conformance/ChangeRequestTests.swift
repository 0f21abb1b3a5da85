import LedgerportSDK
import LedgerportStore
import Testing

@Suite struct ChangeRequestTests {
    private func openRequest(_ store: any Store) async throws -> (Tenant, ChangeRequest) {
        let tenant = try await StoreFixtures.tenant(store, "acme")
        let request = try await store.createChangeRequest(
            NewChangeRequest(
                environment: .production, kind: .activateMapping, subject: ["mapping_id": "invoices", "version": 2],
                summary: "Post Stripe invoices to journal INV", evidence: ["dry_run": ["invoices": 3]]),
            tenant: tenant.id, actor: "alice")
        return (tenant, request)
    }

    @Test(arguments: StoreFactory.all)
    func create_startsOpenAndReadsBack(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let (tenant, request) = try await openRequest(store)

            #expect(request.state == .open)
            #expect(request.proposedBy == "alice")
            #expect(try await store.changeRequest(request.id, tenant: tenant.id) == request)
            #expect(try await store.changeRequests(tenant: tenant.id, state: .open) == [request])
        }
    }

    @Test(arguments: StoreFactory.all)
    func reviewer_decidesOnce(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let (tenant, request) = try await openRequest(store)

            _ = try await store.recordApproval(.approve, comment: "totals match", reviewer: "carol", changeRequest: request.id, tenant: tenant.id)
            let error = await #expect(throws: StoreError.self) {
                try await store.recordApproval(.reject, comment: "", reviewer: "carol", changeRequest: request.id, tenant: tenant.id)
            }

            #expect(error?.code == .alreadyExists)
            let approvals = try await store.approvals(changeRequest: request.id, tenant: tenant.id)
            #expect(approvals.map(\.reviewer) == ["carol"])
            #expect(approvals.map(\.decision) == [.approve])
        }
    }

    @Test(arguments: StoreFactory.all)
    func reviewer_otherSpellingDecidesOnce(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let (tenant, request) = try await openRequest(store)

            _ = try await store.recordApproval(.approve, comment: "", reviewer: "Carol@Acme.example", changeRequest: request.id, tenant: tenant.id)
            let error = await #expect(throws: StoreError.self) {
                try await store.recordApproval(.reject, comment: "", reviewer: " carol@acme.example ", changeRequest: request.id, tenant: tenant.id)
            }

            #expect(error?.code == .alreadyExists)
            #expect(error?.message == #"decide on change request "\#(request.id)": "carol@acme.example" already decided this request (approve)"#)
            #expect(error?.hint == "each reviewer decides once; ask another board member")
            let approvals = try await store.approvals(changeRequest: request.id, tenant: tenant.id)
            #expect(approvals.map(\.reviewer) == ["carol@acme.example"])
        }
    }

    @Test(arguments: StoreFactory.all)
    func create_storesProposerNormalized(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let tenant = try await StoreFixtures.tenant(store, "acme")

            let request = try await store.createChangeRequest(
                NewChangeRequest(environment: .production, kind: .activateMapping, subject: ["mapping_id": "invoices", "version": 2], summary: "Post invoices"),
                tenant: tenant.id, actor: "  RevOps@Acme.example\n")

            #expect(request.proposedBy == "revops@acme.example")
            #expect(try await store.changeRequest(request.id, tenant: tenant.id).proposedBy == "revops@acme.example")
        }
    }

    @Test(arguments: StoreFactory.all)
    func transition_isCompareAndSet(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let (tenant, request) = try await openRequest(store)

            let approved = try await store.transitionChangeRequest(request.id, from: .open, to: .approved, tenant: tenant.id, actor: "carol")
            let stale = await #expect(throws: StoreError.self) {
                try await store.transitionChangeRequest(request.id, from: .open, to: .rejected, tenant: tenant.id, actor: "dave")
            }
            let lateApproval = await #expect(throws: StoreError.self) {
                try await store.recordApproval(.approve, comment: "", reviewer: "erin", changeRequest: request.id, tenant: tenant.id)
            }

            #expect(approved.state == .approved)
            #expect(stale?.code == .conflict)
            #expect(stale?.message.contains("it is approved, not open") == true)
            #expect(lateApproval?.code == .conflict)
            #expect(try await store.changeRequest(request.id, tenant: tenant.id).state == .approved)
        }
    }

    @Test(arguments: StoreFactory.all)
    func create_rejectsPendingDuplicate(factory: StoreFactory) async throws {
        try await factory.withStore { store, _ in
            let (tenant, first) = try await openRequest(store)
            let same = NewChangeRequest(
                environment: .production, kind: .activateMapping, subject: ["version": 2, "mapping_id": "invoices"], summary: "Again")

            let whileOpen = await #expect(throws: StoreError.self) {
                try await store.createChangeRequest(same, tenant: tenant.id, actor: "bob")
            }
            _ = try await store.transitionChangeRequest(first.id, from: .open, to: .approved, tenant: tenant.id, actor: "carol")
            let whileApproved = await #expect(throws: StoreError.self) {
                try await store.createChangeRequest(same, tenant: tenant.id, actor: "bob")
            }
            let otherVersion = try await store.createChangeRequest(
                NewChangeRequest(environment: .production, kind: .activateMapping, subject: ["mapping_id": "invoices", "version": 3], summary: "Next"),
                tenant: tenant.id, actor: "bob")
            let otherEnvironment = try await store.createChangeRequest(
                NewChangeRequest(environment: .test, kind: .activateMapping, subject: ["mapping_id": "invoices", "version": 2], summary: "Test"),
                tenant: tenant.id, actor: "bob")
            _ = try await store.transitionChangeRequest(first.id, from: .approved, to: .applied, tenant: tenant.id, actor: "carol")
            let afterApplied = try await store.createChangeRequest(same, tenant: tenant.id, actor: "bob")

            #expect(whileOpen?.code == .alreadyExists)
            #expect(whileOpen?.hint?.contains("change request \"\(first.id)\" (open)") == true)
            #expect(whileApproved?.code == .alreadyExists)
            #expect(whileApproved?.hint?.contains("(approved)") == true)
            #expect(otherVersion.state == .open)
            #expect(otherEnvironment.state == .open)
            #expect(afterApplied.state == .open)
            #expect(try await store.changeRequests(tenant: tenant.id, state: .open).count == 3)
        }
    }
}
