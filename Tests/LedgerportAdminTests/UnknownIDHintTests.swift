import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import Testing

/// A misspelt id gets `not_found` naming the closest id, through the CLI and the admin API alike.
@Suite(.serialized)
struct UnknownIDHintTests {
    /// Runs `ledgerport flow create stripe-more` from the tenant acme's Stripe connection to its Odoo connection.
    private func createFlowCommand(_ harness: AdminTestHarness, mapping: String, environment: String) async -> (status: Int32, output: String, error: String) {
        await harness.runCommand([
            "flow", "create", "stripe-more", "--tenant", "acme", "--source", "stripe-main", "--target", "odoo-main",
            "--mapping", mapping, "--environment", environment,
        ])
    }

    /// Runs `ledgerport change-request propose` for version 1 of `mapping` of the tenant acme.
    private func proposeCommand(_ harness: AdminTestHarness, mapping: String, environment: String) async -> (status: Int32, output: String, error: String) {
        await harness.runCommand([
            "change-request", "propose", "--tenant", "acme", "--mapping", mapping, "--version", "1",
            "--environment", environment, "--summary", "Activate", "--as", "revops@acme.example",
        ])
    }

    /// Proposes activating version 1 of `mapping` through the API as the tenant's admin, and returns the response and its error message.
    private func propose(
        _ harness: AdminTestHarness, _ tenant: ProvisionedTenant, mapping: String, environment: String
    ) async throws -> (response: (status: Int, json: JSONValue), message: String) {
        let admin = try await harness.token(tenant: tenant.tenant.id, role: .tenantAdmin, name: "revops@\(tenant.tenant.slug).example")
        let response = try await harness.request(
            "POST", "\(tenant.path)/change-requests", token: admin,
            body: ["mapping_id": .string(mapping), "version": 1, "environment": .string(environment), "summary": "Activate"])
        return (response, response.json["error"]?["message"]?.stringValue ?? "")
    }

    @Test func flowPauseCommand_namesClosestFlow() async throws {
        try await withHarness { harness in
            _ = try await harness.provisionTenant(slug: "acme")

            for verb in ["pause", "resume"] {
                let outcome = await harness.runCommand(["flow", verb, "stripe-customer", "--tenant", "acme"])

                #expect(outcome.status == 1)
                #expect(outcome.error.contains("error: \(verb) flow \"stripe-customer\": the tenant has no such flow"))
                #expect(outcome.error.contains("did you mean \"stripe-customers\"?"))
            }
        }
    }

    @Test func flowPauseRoute_namesClosestFlow() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let admin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "revops@acme.example")

            for verb in ["pause", "resume"] {
                let response = try await harness.request("POST", "\(acme.path)/flows/stripe-customer/\(verb)", token: admin)
                let message = response.json["error"]?["message"]?.stringValue ?? ""

                #expect(response.status == 404)
                #expect(response.json["error"]?["code"] == "not_found")
                #expect(message.contains("\(verb) flow \"stripe-customer\": the tenant has no such flow"))
                #expect(message.contains("did you mean \"stripe-customers\"?"))
            }
            let flow = try await harness.runtime.store.flow(AdminTestHarness.customerFlowID, tenant: acme.tenant.id)
            #expect(flow.state == .active)
        }
    }

    @Test func eventsConnectionFilter_namesClosestConnection() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let viewer = try await harness.token(tenant: acme.tenant.id, role: .viewer, name: "viewer@acme.example")

            let misspelt = try await harness.request("GET", "\(acme.path)/events?connection=stripe-mian", token: viewer)
            let known = try await harness.request("GET", "\(acme.path)/events?connection=stripe-main", token: viewer)
            let message = misspelt.json["error"]?["message"]?.stringValue ?? ""

            #expect(misspelt.status == 404)
            #expect(message.contains("did you mean \"stripe-main\"?"), "\(message)")
            #expect(known.status == 200)
        }
    }

    @Test func flowCreateCommand_namesClosestMapping() async throws {
        try await withHarness { harness in
            _ = try await harness.provisionTenant(slug: "acme")

            let outcome = await createFlowCommand(harness, mapping: "stripe-customer", environment: "production")

            #expect(outcome.status == 1)
            #expect(outcome.error.contains(#"create flow "stripe-more" with mapping "stripe-customer": the tenant has no such mapping"#))
            #expect(outcome.error.contains(#"did you mean "stripe-customers"? the tenant's mappings are "stripe-customers""#))
            #expect(!outcome.error.contains("has no version"))
        }
    }

    @Test func flowCreateCommand_namesClosestConnection() async throws {
        try await withHarness { harness in
            _ = try await harness.provisionTenant(slug: "acme")
            let cases: [(role: String, source: String, target: String, typed: String, closest: String)] = [
                ("source", "stripe-mian", "odoo-main", "stripe-mian", "stripe-main"),
                ("target", "stripe-main", "odoo-mian", "odoo-mian", "odoo-main"),
            ]

            for item in cases {
                let outcome = await harness.runCommand([
                    "flow", "create", "new-flow", "--tenant", "acme", "--source", item.source, "--target", item.target,
                    "--mapping", "stripe-customers", "--environment", "production",
                ])

                #expect(outcome.status == 1, "\(item.role)")
                #expect(
                    outcome.error.contains(#"create flow "new-flow" with \#(item.role) connection "\#(item.typed)": the tenant has no such connection"#),
                    "\(outcome.error)")
                #expect(
                    outcome.error.contains(#"did you mean "\#(item.closest)"? the tenant's connections are "odoo-main", "stripe-main""#),
                    "\(outcome.error)")
            }
        }
    }

    @Test func mappingRoute_tenantWithoutMappings_fillsInThePublishRoute() async throws {
        try await withHarness { harness in
            _ = try await harness.runtime.store.createTenant(NewTenant(slug: "globex", displayName: "Globex", timeZone: "UTC"), actor: AdminTestHarness.proposer)
            let operatorToken = try await harness.token(tenant: nil, role: .operator_, name: "ops@example.com")

            let response = try await harness.request("GET", "/admin/tenants/globex/mappings/stripe-customers", token: operatorToken)
            let message = "\(response.json["error"] ?? .null)"

            #expect(response.status == 404)
            #expect(message.contains("ledgerport mapping publish FILE --tenant globex --id stripe-customers"), "\(message)")
            #expect(message.contains("POST /admin/tenants/globex/mappings/stripe-customers/versions"))
            #expect(!message.contains("{tenant}"))
        }
    }

    @Test func flowCreateCommand_versionlessMappingKeepsHint() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            _ = try await harness.runtime.store.createMapping(
                id: MappingID(rawValue: "stripe-drafts"), displayName: "Drafts", tenant: acme.tenant.id, actor: AdminTestHarness.proposer)

            let outcome = await createFlowCommand(harness, mapping: "stripe-drafts", environment: "production")

            #expect(outcome.status == 1)
            #expect(outcome.error.contains(#"create flow "stripe-more": mapping "stripe-drafts" has no version"#))
            #expect(outcome.error.contains("publish one with"))
        }
    }

    @Test func proposeCommand_namesClosestMapping() async throws {
        try await withHarness { harness in
            _ = try await harness.provisionTenant(slug: "acme")

            let outcome = await proposeCommand(harness, mapping: "stripe-customer", environment: "production")

            #expect(outcome.status == 1)
            #expect(outcome.error.contains(#"propose activating mapping "stripe-customer" version 1 in environment "production": the tenant has no such mapping"#))
            #expect(outcome.error.contains(#"did you mean "stripe-customers"?"#))
        }
    }

    @Test func proposeRoute_namesClosestMapping() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")

            let (response, message) = try await propose(harness, acme, mapping: "stripe-customer", environment: "production")

            #expect(response.status == 404)
            #expect(response.json["error"]?["code"] == "not_found")
            #expect(message.contains(#"propose activating mapping "stripe-customer" version 1 in environment "production": the tenant has no such mapping"#))
            #expect(message.contains(#"did you mean "stripe-customers"?"#))
            #expect(!message.contains("publish a new version"))
        }
    }

    @Test func proposeCommand_unknownEnvironmentIsUsage() async throws {
        try await withHarness { harness in
            _ = try await harness.provisionTenant(slug: "acme")

            let outcome = await proposeCommand(harness, mapping: "stripe-customers", environment: "prod")

            #expect(outcome.status == 64)
            #expect(outcome.error.contains(#"version 1 in environment "prod": the tenant has no such environment"#))
            #expect(outcome.error.contains(#"did you mean "production"? the tenant's environments are "production", "test""#))
        }
    }

    @Test func proposeRoute_unknownEnvironmentIs404() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")

            let (response, message) = try await propose(harness, acme, mapping: "stripe-customers", environment: "prod")

            #expect(response.status == 404)
            #expect(response.json["error"]?["code"] == "not_found")
            #expect(message.contains(#"in environment "prod": the tenant has no such environment"#))
            #expect(message.contains(#"did you mean "production"?"#))
            let requests = try await harness.runtime.store.changeRequests(tenant: acme.tenant.id, state: nil)
            #expect(!requests.contains { $0.environment.rawValue == "prod" })
        }
    }

    @Test func flowCreateCommand_unknownEnvironmentIsUsage() async throws {
        try await withHarness { harness in
            _ = try await harness.provisionTenant(slug: "acme")

            let outcome = await createFlowCommand(harness, mapping: "stripe-customers", environment: "prod")

            #expect(outcome.status == 64)
            #expect(outcome.error.contains(#"create flow "stripe-more" in environment "prod": the tenant has no such environment"#))
            #expect(outcome.error.contains(#"did you mean "production"?"#))
        }
    }

    @Test func misspeltTenantSlug_namesClosestTenant() async throws {
        try await withHarness { harness in
            _ = try await harness.provisionTenant(slug: "acme")
            _ = try await harness.provisionTenant(slug: "globex")

            // A typo, and the slug typed in capitals.
            for typed in ["acmee", "ACME"] {
                let outcome = await harness.runCommand(["flow", "list", "--tenant", typed])

                #expect(outcome.status == 1)
                #expect(outcome.error.contains(#"error: find tenant "\#(typed)": not found"#))
                #expect(outcome.error.contains(#"hint: did you mean "acme"? list tenants with "ledgerport tenant list""#), "\(outcome.error)")
            }
        }
    }

    @Test func misspeltTenantRoute_staysUniform404ForTenantTokens() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let operator_ = try await harness.token(tenant: nil, role: .operator_, name: "ops@platform.example")
            let viewer = try await harness.token(tenant: acme.tenant.id, role: .viewer, name: "viewer@acme.example")

            let byViewer = try await harness.request("GET", "/admin/tenants/acmee/flows", token: viewer)
            let byOperator = try await harness.request("GET", "/admin/tenants/acmee/flows", token: operator_)

            #expect(byViewer.status == 404)
            #expect(byViewer.json["error"]?["message"] == #"tenant "acmee" not found; check the slug, and use a token issued for that tenant"#)
            // An operator's token reaches every tenant, so naming the closest one reveals nothing new.
            #expect(byOperator.status == 404)
            #expect(
                byOperator.json["error"]?["message"]
                    == #"tenant "acmee" not found; did you mean "acme"? check the slug, and use a token issued for that tenant"#)
        }
    }

    @Test func unknownIDRoutes_nameListRoute() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let admin = try await harness.token(tenant: acme.tenant.id, role: .tenantAdmin, name: "revops@acme.example")
            let cases: [(method: String, path: String, body: JSONValue, subject: String, listRoute: String)] = [
                ("PATCH", "connections/odoo-mian", ["configuration": ["database": "revops"]], "odoo-mian", "connections"),
                ("POST", "connections/odoo-mian/rotate-secrets", ["secrets": ["api_key": "odoo_key_2"]], "odoo-mian", "connections"),
                ("POST", "flows/stripe-customer/deliver-stored", ["since": "2026-12-01T00:00:00Z"], "stripe-customer", "flows"),
            ]

            for item in cases {
                let response = try await harness.request(item.method, "\(acme.path)/\(item.path)", token: admin, body: item.body)
                let message = response.json["error"]?["message"]?.stringValue ?? ""

                #expect(response.status == 404, "\(item.method) \(item.path)")
                #expect(message.contains(#""\#(item.subject)" of tenant "acme": not found"#), "\(message)")
                #expect(message.hasSuffix("; list \(item.listRoute) with GET /admin/tenants/acme/\(item.listRoute)"), "\(message)")
                #expect(!message.contains("ledgerport"), "\(message)")
                if item.listRoute == "connections" {
                    #expect(message.contains(#"not found (did you mean "odoo-main"?)"#), "\(message)")
                }
            }
        }
    }

    @Test func unknownFlowCommand_keepsCommandHint() async throws {
        try await withHarness { harness in
            _ = try await harness.provisionTenant(slug: "acme")

            let outcome = await harness.runCommand(["flow", "deliver-stored", "stripe-customer", "--tenant", "acme", "--since", "2026-12-01T00:00:00Z"])

            #expect(outcome.status == 1)
            #expect(outcome.error.contains("hint: list flows with `ledgerport flow list --tenant acme`"))
        }
    }
}
