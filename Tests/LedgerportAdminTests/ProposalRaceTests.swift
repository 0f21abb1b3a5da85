import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import Testing

/// Proposals of one mapping version made at the same moment create one change request.
@Suite struct ProposalRaceTests {
    @Test func concurrentProposals_createOneRequest() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let newer = try await harness.publishCustomerMapping(tenant: acme.tenant.id, version: "1.1.0")
            let workflow = ChangeRequestWorkflow(store: harness.runtime.store)
            let tenant = acme.tenant.id

            let outcomes = await withTaskGroup(of: (any Error)?.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        do {
                            _ = try await workflow.proposeActivation(
                                of: newer.reference, environment: .production, summary: "Prefix refs", evidence: [:], tenant: tenant,
                                proposer: AdminTestHarness.proposer)
                            return nil
                        } catch {
                            return error
                        }
                    }
                }
                var errors: [(any Error)?] = []
                for await outcome in group {
                    errors.append(outcome)
                }
                return errors
            }

            let open = try await harness.runtime.store.changeRequests(tenant: tenant, state: .open)
            #expect(open.count == 1)
            #expect(outcomes.filter { $0 == nil }.count == 1)
            for case let error? in outcomes {
                guard case WorkflowError.alreadyProposed(let id, .open, _, .production)? = error as? WorkflowError else {
                    Issue.record("expected alreadyProposed, got \(error)")
                    continue
                }
                #expect(id == open.first?.id)
            }
        }
    }
}
