import Foundation
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import Testing

/// A proposal records what reviewers decide on: the version's digest, the version in force and the content changes from it.
@Suite(.serialized)
struct ChangeEvidenceTests {
    @Test func proposal_recordsChangesFromVersionInForce() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let newer = try await harness.publishCustomerMapping(tenant: acme.tenant.id, version: "1.1.0")
            let inForce = try await harness.runtime.store.mappingVersion(1, mapping: "stripe-customers", tenant: acme.tenant.id)
            let admin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "revops@acme.example")

            let (status, created) = try await harness.request(
                "POST", "\(acme.path)/change-requests", token: admin,
                body: ["mapping_id": "stripe-customers", "version": 2, "environment": "production", "summary": "Prefix refs"])
            let evidence = created["evidence"] ?? .null
            let changes = evidence["content_changes"]?.arrayValue ?? []

            #expect(status == 201)
            #expect(evidence["digest"] == .string(newer.digest))
            #expect(evidence["active"] == ["version": 1, "digest": .string(inForce.digest)])
            #expect(changes.contains(["change": "changed", "path": "/version", "from": "1.0.0", "to": "1.1.0"]))
            let reference = changes.first { $0["path"] == "/operations/0/values/ref" }
            #expect(reference?["change"] == "changed", "\(changes)")
            #expect(evidence["content_changes_omitted"] == nil)
        }
    }

    @Test func proposal_dryRunsNewestEventsUnderBothVersions() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            try await harness.postCustomerCreated(acme, customerID: "cus_D1", eventID: "evt_D1")
            try await harness.postCustomerCreated(acme, customerID: "cus_D2", eventID: "evt_D2")
            try await harness.waitForIdle(acme.tenant.id)
            _ = try await harness.publishCustomerMapping(tenant: acme.tenant.id, version: "1.1.0")
            let admin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "revops@acme.example")

            let (status, created) = try await harness.request(
                "POST", "\(acme.path)/change-requests", token: admin,
                body: ["mapping_id": "stripe-customers", "version": 2, "environment": "production", "summary": "Prefix refs"])
            let dryRun = created["evidence"]?["dry_run"] ?? .null
            let changes = dryRun["changes"]?.arrayValue ?? []
            let printed = await harness.runCommand(["change-request", "show", created["id"]?.stringValue ?? "", "--tenant", "acme"])

            #expect(status == 201)
            #expect(dryRun["events"] == 2, "\(dryRun)")
            #expect(dryRun["events_unreadable"] == 0)
            #expect(dryRun["operations"]?["changed"] == 2)
            #expect(changes.allSatisfy { ($0["fields"]?.arrayValue ?? []).contains { $0["path"] == "values/ref" } }, "\(changes)")
            #expect(Set(changes.compactMap { $0["event_id"]?.stringValue }) == ["evt_D1", "evt_D2"])
            #expect(printed.output.contains("  dry run over the newest stored events: 2 read through stripe-customers (production), 2 handled by the mapping"), "\(printed.output)")
            #expect(printed.output.contains(#"      values/ref: "cus_D1" -> "stripe:cus_D1""#), "\(printed.output)")
            #expect(printed.output.contains("0 added, 0 removed, 2 changed"))
        }
    }

    @Test func proposalForNewEnvironment_dryRunsOtherEnvironmentsFlows() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            try await harness.postCustomerCreated(acme, customerID: "cus_E1", eventID: "evt_E1")
            try await harness.waitForIdle(acme.tenant.id)
            _ = try await harness.publishCustomerMapping(tenant: acme.tenant.id, version: "1.1.0")

            let request = try await ChangeRequestWorkflow(store: harness.runtime.store).withDryRun(harness).proposeActivation(
                of: MappingVersionReference(mappingID: "stripe-customers", version: 2), environment: .test, summary: "Try prefixed refs",
                tenant: acme.tenant.id, proposer: AdminTestHarness.proposer)
            let dryRun = request.evidence["dry_run"] ?? .null

            #expect(dryRun["flows"] == ["stripe-customers (production)"], "\(dryRun)")
            #expect(dryRun["events"] == 1)
            #expect(dryRun["operations"] == 1)
        }
    }

    /// Publishes the customer mapping with prefixed references as a new mapping, which no flow uses, and proposes activating it.
    private func proposeNewMapping(_ harness: AdminTestHarness, tenant: TenantID, environment: EnvironmentName) async throws -> ChangeRequest {
        let (document, file) = try AdminTestHarness.customerMappingDocument(version: "1.1.0")
        _ = try await harness.runtime.mappingPublisher.publish(
            document, file: file, mappingID: "stripe-customers-prefixed", tenant: tenant, actor: AdminTestHarness.proposer)
        return try await ChangeRequestWorkflow(store: harness.runtime.store).withDryRun(harness).proposeActivation(
            of: MappingVersionReference(mappingID: "stripe-customers-prefixed", version: 1), environment: environment,
            summary: "Prefixed refs under a new mapping", tenant: tenant, proposer: AdminTestHarness.proposer)
    }

    @Test func newMapping_dryRunsSourceConnections() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            try await harness.postCustomerCreated(acme, customerID: "cus_F1", eventID: "evt_F1")
            try await harness.waitForIdle(acme.tenant.id)
            let request = try await proposeNewMapping(harness, tenant: acme.tenant.id, environment: .production)
            let dryRun = request.evidence["dry_run"] ?? .null
            let printed = await harness.runCommand(["change-request", "show", request.id.rawValue, "--tenant", "acme"])

            #expect(dryRun["problem"] == nil, "\(dryRun)")
            #expect(dryRun["flows"] == nil)
            #expect(dryRun["connections"] == ["stripe-main (production)"], "\(dryRun)")
            #expect(dryRun["events"] == 1)
            #expect(dryRun["operations"] == 1)
            #expect(
                printed.output.contains("  dry run over the newest stored events: 1 read from stripe-main (production), 1 handled by the mapping"),
                "\(printed.output)")
        }
    }

    @Test func newMapping_withoutSource_namesProblem() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let request = try await proposeNewMapping(harness, tenant: acme.tenant.id, environment: .test)

            #expect(
                request.evidence["dry_run"]?["problem"]
                    == #"not run: no flow uses mapping "stripe-customers-prefixed" yet, and no source connection in environment "test" emits the events it reads, so the tenant has no events to run it over"#
            )
        }
    }

    @Test func proposalWithoutVersionInForce_listsWholeDocument() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            _ = try await harness.publishCustomerMapping(tenant: acme.tenant.id, version: "1.1.0")
            let request = try await ChangeRequestWorkflow(store: harness.runtime.store).proposeActivation(
                of: MappingVersionReference(mappingID: "stripe-customers", version: 2), environment: .test, summary: "Try prefixed refs",
                tenant: acme.tenant.id, proposer: AdminTestHarness.proposer)

            let changes = request.evidence["content_changes"]?.arrayValue ?? []

            #expect(request.evidence["active"] == .null)
            #expect(changes.first { $0["path"] == "/operations" }?["change"] == "added")
        }
    }

    @Test func showCommand_printsEvidence() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            _ = try await harness.publishCustomerMapping(tenant: acme.tenant.id, version: "1.1.0")
            let request = try await ChangeRequestWorkflow(store: harness.runtime.store).proposeActivation(
                of: MappingVersionReference(mappingID: "stripe-customers", version: 2), environment: .production, summary: "Prefix refs",
                tenant: acme.tenant.id, proposer: AdminTestHarness.proposer)

            let printed = await harness.runCommand(["change-request", "show", request.id.rawValue, "--tenant", "acme"])

            #expect(printed.status == 0)
            #expect(printed.output.contains("in force: version 1, digest "))
            #expect(printed.output.contains("content changes from version 1: "))
            #expect(printed.output.contains(#"changed /version: "1.0.0" -> "1.1.0""#))
        }
    }
}

extension ChangeRequestWorkflow {
    /// Returns the workflow with the dry run the harness's runtime gives the admin API.
    fileprivate func withDryRun(_ harness: AdminTestHarness) -> ChangeRequestWorkflow {
        var workflow = self
        workflow.dryRun = ProposalDryRun(store: harness.runtime.store, connectors: harness.runtime.connectors, mappings: harness.runtime.mappings)
        return workflow
    }
}
