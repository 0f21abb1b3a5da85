import Foundation
import LedgerportSDK
import Testing

/// `mapping publish`, `flow`, `change-request` and `token` end to end on a data folder.
@Suite struct GovernanceCommandTests {
    /// Creates a world with the tenant acme, a Stripe and an Odoo connection in the default environment (test), and the customer mapping published.
    private func provisionedWorld() async throws -> StoreCommandWorld {
        let world = try StoreCommandWorld()
        try #require(await world.run(["tenant", "create", "acme"]).status == 0)
        let stripe = await world.run(
            ["connection", "create", "stripe-main", "--tenant", "acme", "--connector", "stripe@1.0.0", "--secrets-file", "-"],
            input: #"{"api_key": "sk_test_cli_1", "webhook_signing_secret": "whsec_cli_1"}"#)
        try #require(stripe.status == 0, "\(stripe.standardError)")
        let config = try world.folder.write(#"{"base_url": "http://127.0.0.1:9", "database": "demo", "username": "billing"}"#, to: "odoo.json")
        let odoo = await world.run(
            ["connection", "create", "odoo-main", "--tenant", "acme", "--connector", "odoo@1.0.0", "--config", config, "--secrets-file", "-"],
            input: #"{"api_key": "odoo_key_cli_1"}"#)
        try #require(odoo.status == 0, "\(odoo.standardError)")
        let published = await world.run(["mapping", "publish", "stripe_customer_to_odoo", "--tenant", "acme", "--id", "stripe-customers"])
        try #require(published.status == 0, "\(published.standardError)")
        return world
    }

    @Test func mappingPublish_sameContentTwiceKeepsOneVersion() async throws {
        let world = try await provisionedWorld()

        let again = await world.run(["mapping", "publish", "stripe_customer_to_odoo", "--tenant", "acme", "--id", "stripe-customers", "--json"])
        let document = try JSONParser.parse(again.standardOutput)

        #expect(again.status == 0)
        #expect(document["version"] == 1)
    }

    @Test func mappingPublish_invalidDocumentExits65() async throws {
        let world = try await provisionedWorld()
        let file = try world.folder.write(#"{"mapping_format": 1, "name": "broken"}"#, to: "broken.json")

        let outcome = await world.run(["mapping", "publish", file, "--tenant", "acme", "--id", "broken"])

        #expect(outcome.status == 65)
    }

    @Test func flowCreate_withoutActiveMappingFails() async throws {
        let world = try await provisionedWorld()

        let outcome = await world.run([
            "flow", "create", "stripe-customers", "--tenant", "acme", "--source", "stripe-main", "--target", "odoo-main",
            "--mapping", "stripe-customers",
        ])
        let listed = await world.run(["flow", "list", "--tenant", "acme", "--json"])

        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains(#"mapping "stripe-customers" has no active version in environment "test""#))
        #expect(outcome.standardError.contains("ledgerport change-request propose --tenant acme --mapping stripe-customers --version N --environment test --summary TEXT"))
        #expect(try JSONParser.parse(listed.standardOutput)["flows"]?.arrayValue?.isEmpty == true)
    }

    @Test func flowCreate_namesPendingChangeRequest() async throws {
        let world = try await provisionedWorld()
        let id = try await propose(world)
        let arguments = [
            "flow", "create", "stripe-customers", "--tenant", "acme", "--source", "stripe-main", "--target", "odoo-main",
            "--mapping", "stripe-customers",
        ]

        let whileOpen = await world.run(arguments)
        for reviewer in ["controller@acme.example", "cfo@acme.example"] {
            _ = await world.run(["change-request", "approve", id, "--tenant", "acme", "--as", reviewer])
        }
        let whileApproved = await world.run(arguments)

        #expect(whileOpen.status == 1)
        #expect(whileOpen.standardError.contains("change request \(id) proposes activating version 1 there; it is open: once two board members"))
        #expect(!whileOpen.standardError.contains("change-request propose"))
        #expect(whileApproved.standardError.contains(
            "it is approved: apply it with \"ledgerport change-request apply \(id) --tenant acme --as <email>\", then create the flow"))
    }

    @Test func flowCreate_withoutMapping_namesTheMissingOption() async throws {
        let world = try await provisionedWorld()

        let outcome = await world.run(["flow", "create", "stripe-customers", "--tenant", "acme", "--source", "stripe-main", "--target", "odoo-main"])

        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("missing option --mapping\n"))
    }

    @Test func flowCreate_derivesEventTypesAndPausesAndResumes() async throws {
        let world = try await provisionedWorld()
        try await activate(world)

        let created = await world.run([
            "flow", "create", "stripe-customers", "--tenant", "acme", "--source", "stripe-main", "--target", "odoo-main",
            "--mapping", "stripe-customers", "--json",
        ])
        let flow = try JSONParser.parse(created.standardOutput)
        let paused = await world.run(["flow", "pause", "stripe-customers", "--tenant", "acme"])
        let listed = await world.run(["flow", "list", "--tenant", "acme", "--json"])
        let table = await world.run(["flow", "list", "--tenant", "acme"])
        let resumed = await world.run(["flow", "resume", "stripe-customers", "--tenant", "acme"])

        #expect(created.status == 0, "\(created.standardError)")
        #expect(flow["native_event_types"]?.arrayValue?.contains("customer.created") == true)
        #expect(flow["native_event_types"]?.arrayValue?.contains("invoice.created") == false)
        #expect(paused.standardOutput == "flow stripe-customers of tenant acme is paused\n")
        #expect(try JSONParser.parse(listed.standardOutput)["flows"]?[0]?["slo"]?["total"] == 0)
        #expect(table.standardOutput.contains("no deliveries to judge, objective 99%"))
        #expect(resumed.standardOutput == "flow stripe-customers of tenant acme is active\n")
    }

    @Test func flowCreate_withScheduleIsShownWithNextWindow() async throws {
        let world = try await provisionedWorld()
        try await activate(world)

        let created = await world.run([
            "flow", "create", "nightly-customers", "--tenant", "acme", "--source", "stripe-main", "--target", "odoo-main",
            "--mapping", "stripe-customers", "--schedule", #"{"daily_at": "02:00"}"#, "--retry-policy", #"{"maximum_attempts": 3}"#, "--json",
        ])
        let flow = try JSONParser.parse(created.standardOutput)
        let showJSON = await world.run(["flow", "show", "nightly-customers", "--tenant", "acme", "--json"])
        let status = try JSONParser.parse(showJSON.standardOutput)["schedule_status"]
        let text = await world.run(["flow", "show", "nightly-customers", "--tenant", "acme"])
        let table = await world.run(["flow", "list", "--tenant", "acme"])
        _ = await world.run(["flow", "pause", "nightly-customers", "--tenant", "acme", "--as", "revops@acme.example"])
        let pausedText = await world.run(["flow", "show", "nightly-customers", "--tenant", "acme"])

        #expect(created.status == 0, "\(created.standardError)")
        #expect(flow["mode"] == "scheduled")
        #expect(flow["schedule"] == ["daily_at": "02:00"])
        #expect(flow["retry_policy"]?["maximum_attempts"] == 3)
        #expect(showJSON.status == 0, "\(showJSON.standardError)")
        #expect(status?["time_zone"]?.stringValue?.isEmpty == false)
        #expect(status?["next_window"]?["end"]?.stringValue?.isEmpty == false)
        #expect(status?["runs"] == [])
        #expect(text.standardOutput.contains("  next window:    "))
        // A new flow's first window is the last one that ended, so it is due at once.
        #expect(text.standardOutput.contains("), ended, so it runs at the runner's next look (every 30 s)\n"), "\(text.standardOutput)")
        #expect(!text.standardOutput.contains("  paused:"))
        #expect(pausedText.standardOutput.contains("  paused:         no window runs and no failed window is retried until flow resume\n"))
        #expect(text.standardOutput.contains("  runs:           none yet"))
        #expect(try JSONParser.parse(showJSON.standardOutput)["mapping_version_in_force"] == 1)
        #expect(try JSONParser.parse(showJSON.standardOutput)["slo"]?["total"] == 0)
        #expect(text.standardOutput.contains("  SLO 24h:        no deliveries to judge, objective 99%"), "\(text.standardOutput)")
        #expect(text.standardOutput.contains("  mapping:        version 1 in force in test"), "\(text.standardOutput)")
        #expect(table.standardOutput.contains("scheduled"))
    }

    @Test func flowRerunWindow_needsAFailedRun() async throws {
        let world = try await provisionedWorld()
        try await activate(world)
        _ = await world.run([
            "flow", "create", "nightly-customers", "--tenant", "acme", "--source", "stripe-main", "--target", "odoo-main",
            "--mapping", "stripe-customers", "--schedule", #"{"daily_at": "02:00"}"#,
        ])

        let unknown = await world.run(["flow", "rerun-window", "nightly-customers", "--tenant", "acme", "--window-start", "2026-12-03T01:00:00Z"])
        let badTime = await world.run(["flow", "rerun-window", "nightly-customers", "--tenant", "acme", "--window-start", "yesterday"])

        #expect(unknown.status == 1)
        #expect(unknown.standardError.contains("the flow has no run of a window starting then"))
        #expect(badTime.status == 64)
        #expect(badTime.standardError.contains("--window-start \"yesterday\" is not an ISO 8601 time"))
    }

    @Test func flowCreate_misspeltScheduleOrPolicyExits64() async throws {
        let world = try await provisionedWorld()
        try await activate(world)
        let base = ["flow", "create", "nightly-customers", "--tenant", "acme", "--source", "stripe-main", "--target", "odoo-main", "--mapping", "stripe-customers"]

        let schedule = await world.run(base + ["--schedule", #"{"dayly_at": "02:00"}"#])
        let policy = await world.run(base + ["--retry-policy", #"{"max_attempts": 3}"#])
        let notJSON = await world.run(base + ["--schedule", "daily"])
        let listed = await world.run(["flow", "list", "--tenant", "acme", "--json"])

        #expect(schedule.status == 64)
        #expect(schedule.standardError.contains(#"invalid --schedule {"dayly_at": "02:00"}: it names "dayly_at""#))
        #expect(schedule.standardError.contains(#"{"daily_at": "02:00"}"#))
        #expect(policy.status == 64)
        #expect(policy.standardError.contains(#"unknown member "max_attempts""#))
        #expect(notJSON.status == 64)
        #expect(notJSON.standardError.contains("not JSON"))
        #expect(try JSONParser.parse(listed.standardOutput)["flows"]?.arrayValue?.isEmpty == true)
    }

    @Test func flowDeliverStored_dryRunCountsAndNeedsSince() async throws {
        let world = try await provisionedWorld()
        try await activate(world)
        let created = await world.run([
            "flow", "create", "stripe-customers", "--tenant", "acme", "--source", "stripe-main", "--target", "odoo-main",
            "--mapping", "stripe-customers",
        ])
        try #require(created.status == 0, "\(created.standardError)")

        let dryRun = await world.run([
            "flow", "deliver-stored", "stripe-customers", "--tenant", "acme", "--since", "2026-12-01T00:00:00Z", "--dry-run", "--json",
        ])
        let withoutSince = await world.run(["flow", "deliver-stored", "stripe-customers", "--tenant", "acme"])
        let unknown = await world.run(["flow", "deliver-stored", "nope", "--tenant", "acme", "--since", "2026-12-01T00:00:00Z"])

        #expect(dryRun.status == 0, "\(dryRun.standardError)")
        #expect(try JSONParser.parse(dryRun.standardOutput)["events_to_deliver"] == 0)
        #expect(withoutSince.status == 64)
        #expect(withoutSince.standardError.contains("missing option --since"))
        #expect(unknown.status == 1)
    }

    @Test func changeRequestPropose_semanticVersionGetsHint() async throws {
        let world = try await provisionedWorld()

        let outcome = await world.run([
            "change-request", "propose", "--tenant", "acme", "--mapping", "stripe-customers", "--version", "1.1.0",
            "--summary", "Reference", "--as", "revops@acme.example",
        ])

        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains(#"invalid --version "1.1.0": expected the stored version number, such as 2"#))
        #expect(outcome.standardError.contains("list them with ledgerport mapping list --tenant <slug>"))
    }

    @Test func changeRequestPropose_duplicateFailsUntilWithdrawn() async throws {
        let world = try await provisionedWorld()
        let id = try await propose(world)

        let twice = await world.run([
            "change-request", "propose", "--tenant", "acme", "--mapping", "stripe-customers", "--version", "1",
            "--summary", "Again", "--as", "revops@acme.example",
        ])
        let byOther = await world.run(["change-request", "withdraw", id, "--tenant", "acme", "--as", "cfo@acme.example"])
        let withdrawn = await world.run(["change-request", "withdraw", id, "--tenant", "acme", "--as", "revops@acme.example"])
        let reopened = await world.run([
            "change-request", "propose", "--tenant", "acme", "--mapping", "stripe-customers", "--version", "1",
            "--summary", "Again", "--as", "revops@acme.example",
        ])

        #expect(twice.status == 1)
        #expect(twice.standardError.contains("change request \(id) already proposes it and is open; review it or withdraw it instead of opening another"))
        #expect(byOther.status == 1)
        #expect(byOther.standardError.contains("only its proposer may withdraw it"))
        #expect(withdrawn.standardOutput == "change request \(id): withdrawn\n")
        #expect(reopened.status == 0, "\(reopened.standardError)")
    }

    @Test func changeRequestWithdraw_approvedRequestIsWithdrawnNotApplied() async throws {
        let world = try await provisionedWorld()
        let id = try await propose(world)
        for reviewer in ["controller@acme.example", "cfo@acme.example"] {
            try #require(await world.run(["change-request", "approve", id, "--tenant", "acme", "--as", reviewer]).status == 0)
        }

        let withdrawn = await world.run(["change-request", "withdraw", id, "--tenant", "acme", "--as", "revops@acme.example"])
        let applied = await world.run(["change-request", "apply", id, "--tenant", "acme", "--as", "revops@acme.example"])

        #expect(withdrawn.standardOutput == "change request \(id): withdrawn\n")
        #expect(applied.status == 1)
        #expect(applied.standardError.contains("it is withdrawn, which closes it"))
    }

    @Test func changeRequestProposeWithoutKey_recordsWhyNoDryRun() async throws {
        let world = try await provisionedWorld()

        let withoutKey = await world.run([
            "change-request", "propose", "--tenant", "acme", "--mapping", "stripe-customers", "--version", "1",
            "--summary", "Activate customers", "--as", "revops@acme.example", "--json",
        ], withKey: false)
        let evidence = try JSONParser.parse(withoutKey.standardOutput)["change_request"]?["evidence"]

        #expect(withoutKey.status == 0, "\(withoutKey.standardError)")
        #expect(evidence?["dry_run"]?["problem"]?.stringValue?.hasPrefix("not run: proposed through the command line without the master key") == true)
        #expect(evidence?["digest"]?.stringValue?.isEmpty == false)
    }

    @Test func changeRequestPropose_activeVersionFails() async throws {
        let world = try await provisionedWorld()
        try await activate(world)

        let again = await world.run([
            "change-request", "propose", "--tenant", "acme", "--mapping", "stripe-customers", "--version", "1",
            "--summary", "Again", "--as", "revops@acme.example",
        ])

        #expect(again.status == 1)
        #expect(again.standardError.contains("stripe-customers version 1 in test: it is already the active version there"))
    }

    @Test func changeRequest_proposeReviewApply() async throws {
        let world = try await provisionedWorld()

        let proposed = await world.run([
            "change-request", "propose", "--tenant", "acme", "--mapping", "stripe-customers", "--version", "1",
            "--summary", "Activate customers", "--as", "revops@acme.example", "--json",
        ])
        let id = try #require(try JSONParser.parse(proposed.standardOutput)["change_request"]?["id"]?.stringValue)
        let early = await world.run(["change-request", "apply", id, "--tenant", "acme", "--as", "revops@acme.example"])
        let selfReview = await world.run(["change-request", "approve", id, "--tenant", "acme", "--as", "revops@acme.example"])
        let first = await world.run(["change-request", "approve", id, "--tenant", "acme", "--as", "controller@acme.example"])
        let twice = await world.run(["change-request", "approve", id, "--tenant", "acme", "--as", "controller@acme.example"])
        let second = await world.run(["change-request", "approve", id, "--tenant", "acme", "--as", "cfo@acme.example", "--json"])
        let applied = await world.run(["change-request", "apply", id, "--tenant", "acme", "--as", "revops@acme.example"])
        let listed = await world.run(["change-request", "list", "--tenant", "acme", "--state", "applied"])

        #expect(proposed.status == 0)
        #expect(early.status == 1)
        #expect(early.standardError.contains("it is open with 0 of 2 approvals; it can be applied once 2 board members other than the proposer approve it"))
        #expect(selfReview.status == 1)
        #expect(selfReview.standardError.contains("proposed it and cannot review it"))
        #expect(first.status == 0)
        #expect(first.standardOutput.contains("change request \(id): open"))
        #expect(first.standardOutput.contains("approvals: 1 of 2; it waits for 1 more from other board members"))
        #expect(first.standardOutput.contains("the diff and the dry run: ledgerport change-request show \(id) --tenant acme"))
        #expect(!first.standardOutput.contains("dry run over the newest stored events"))
        #expect(twice.status == 1)
        #expect(try JSONParser.parse(second.standardOutput)["change_request"]?["state"] == "approved")
        #expect(applied.standardOutput.contains("stripe-customers version 1 is active in test"))
        #expect(listed.standardOutput.contains(id))
    }

    /// Proposes activating version 1 of the customer mapping as revops@acme.example and returns the request id.
    private func propose(_ world: StoreCommandWorld) async throws -> String {
        let proposed = await world.run([
            "change-request", "propose", "--tenant", "acme", "--mapping", "stripe-customers", "--version", "1",
            "--summary", "Activate customers", "--as", "revops@acme.example", "--json",
        ])
        return try #require(try JSONParser.parse(proposed.standardOutput)["change_request"]?["id"]?.stringValue)
    }

    /// Activates version 1 of the customer mapping in test: proposed, approved by two board members, applied.
    private func activate(_ world: StoreCommandWorld) async throws {
        let id = try await propose(world)
        for reviewer in ["controller@acme.example", "cfo@acme.example"] {
            try #require(await world.run(["change-request", "approve", id, "--tenant", "acme", "--as", reviewer]).status == 0)
        }
        let applied = await world.run(["change-request", "apply", id, "--tenant", "acme", "--as", "revops@acme.example"])
        try #require(applied.status == 0, "\(applied.standardError)")
    }

    @Test func approve_atQuorum_namesNextStep() async throws {
        let world = try await provisionedWorld()
        let id = try await propose(world)

        _ = await world.run(["change-request", "approve", id, "--tenant", "acme", "--as", "controller@acme.example"])
        let second = await world.run(["change-request", "approve", id, "--tenant", "acme", "--as", "cfo@acme.example"])
        let showOutput = await world.run(["change-request", "show", id, "--tenant", "acme"])

        #expect(second.status == 0)
        #expect(second.standardOutput.contains("change request \(id): approved"))
        #expect(second.standardOutput.contains("approvals: 2 of 2"))
        #expect(second.standardOutput.contains("next: apply it with \"ledgerport change-request apply \(id) --tenant acme --as <email>\""))
        #expect(!second.standardOutput.contains("dry run"))
        #expect(showOutput.standardOutput.contains("dry run"))
    }

    @Test func changeRequestApprove_proposerUnderOtherSpellingIsRejected() async throws {
        let world = try await provisionedWorld()
        let id = try await propose(world)

        let spaced = await world.run(["change-request", "approve", id, "--tenant", "acme", "--as", " revops@acme.example"])
        let shouted = await world.run(["change-request", "approve", id, "--tenant", "acme", "--as", "REVOPS@acme.example"])
        let shown = await world.run(["change-request", "show", id, "--tenant", "acme", "--json"])

        #expect(spaced.status == 1)
        #expect(spaced.standardError.contains(#""revops@acme.example" proposed it and cannot review it"#))
        #expect(shouted.status == 1)
        #expect(shouted.standardError.contains(#""revops@acme.example" proposed it and cannot review it"#))
        #expect(try JSONParser.parse(shown.standardOutput)["approvals"]?.arrayValue?.isEmpty == true)
    }

    @Test func changeRequestApprove_otherSpellingDecidesOnce() async throws {
        let world = try await provisionedWorld()
        let id = try await propose(world)

        let first = await world.run(["change-request", "approve", id, "--tenant", "acme", "--as", "controller@acme.example"])
        let again = await world.run(["change-request", "approve", id, "--tenant", "acme", "--as", "Controller@ACME.example"])
        let shown = await world.run(["change-request", "show", id, "--tenant", "acme", "--json"])

        #expect(first.status == 0)
        #expect(again.status == 1)
        #expect(again.standardError.contains(#""controller@acme.example" already decided this request (approve)"#))
        #expect(try JSONParser.parse(shown.standardOutput)["change_request"]?["state"] == "open")
    }

    @Test func changeRequestApprove_asMustBeAnEmailAddress() async throws {
        let outcome = await runCommand(["change-request", "approve", "some-id", "--tenant", "acme", "--as", "bob"])

        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains(#"error: invalid --as "bob": expected an email address such as controller@acme.example"#))
    }

    @Test func changeRequestReject_closesTheRequest() async throws {
        let world = try await provisionedWorld()
        let proposed = await world.run([
            "change-request", "propose", "--tenant", "acme", "--mapping", "stripe-customers", "--version", "1",
            "--summary", "Activate customers", "--as", "revops@acme.example", "--json",
        ])
        let id = try #require(try JSONParser.parse(proposed.standardOutput)["change_request"]?["id"]?.stringValue)

        let rejected = await world.run(["change-request", "reject", id, "--tenant", "acme", "--as", "cfo@acme.example", "--comment", "Wrong journal"])
        let shown = await world.run(["change-request", "show", id, "--tenant", "acme", "--json"])
        let document = try JSONParser.parse(shown.standardOutput)

        #expect(rejected.status == 0)
        #expect(document["change_request"]?["state"] == "rejected")
        #expect(document["approvals"]?[0]?["comment"] == "Wrong journal")
    }

    @Test func changeRequestApprove_withoutReviewerIsAUsageError() async throws {
        let outcome = await runCommand(["change-request", "approve", "some-id", "--tenant", "acme"])

        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("missing the person acting: none of --as, $LEDGERPORT_ACTOR and $USER is set"))
    }

    @Test func tokens_createListRevoke() async throws {
        let world = try await provisionedWorld()

        let created = await world.run(["token", "create", "--tenant", "acme", "--role", "finance_operator", "--name", "finance@acme.example", "--json"])
        let document = try JSONParser.parse(created.standardOutput)
        let id = try #require(document["id"]?.stringValue)
        let token = try #require(document["token"]?.stringValue)
        let listed = await world.run(["token", "list", "--tenant", "acme", "--json"])
        let revoked = await world.run(["token", "revoke", id, "--tenant", "acme"])
        let twice = await world.run(["token", "revoke", id, "--tenant", "acme"])

        #expect(created.status == 0)
        #expect(token.hasPrefix("lpt_"))
        #expect(!listed.standardOutput.contains(token))
        #expect(try JSONParser.parse(listed.standardOutput)["tokens"]?[0]?["role"] == "finance_operator")
        #expect(revoked.status == 0)
        #expect(twice.status == 1)
        #expect(twice.standardError.contains("error: revoke API token \"\(id)\" (finance@acme.example): it was revoked at "))
        #expect(try world.dataFilesContain(token) == false)
    }

    @Test func tokenRevoke_otherTenantNamesSlug() async throws {
        let world = try await provisionedWorld()
        try #require(await world.run(["tenant", "create", "beta"]).status == 0)
        let created = await world.run(["token", "create", "--tenant", "acme", "--role", "viewer", "--name", "viewer@acme.example", "--json"])
        let id = try #require(try JSONParser.parse(created.standardOutput)["id"]?.stringValue)

        let outcome = await world.run(["token", "revoke", id, "--tenant", "beta"])

        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("error: revoke API token \"\(id)\" of tenant \"beta\": not found"))
        #expect(outcome.standardError.contains("hint: list the tenant's tokens with `ledgerport token list --tenant beta`"))
    }

    @Test func tokenCreate_operatorRoleNeedsNoTenant() async throws {
        let outcome = await runCommand(["token", "create", "--tenant", "acme", "--role", "operator", "--name", "ops@example.com"])

        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains("operator tokens have no --tenant"))
    }
}
