import Foundation
import LedgerportSDK
import Testing

/// `mapping list --tenant` and `mapping show` on a data folder: what a reviewer reads before approving a change.
@Suite struct MappingReadCommandTests {
    static let publisher = "revops@acme.example"

    /// Creates the tenant acme with the customer mapping at version 1, active in test, and version 2 (1.1.0) published but not active.
    private func publishedWorld() async throws -> (world: StoreCommandWorld, secondDocument: JSONValue) {
        let world = try StoreCommandWorld()
        try #require(await world.run(["tenant", "create", "acme"]).status == 0)
        let first = await world.run(["mapping", "publish", "stripe_customer_to_odoo", "--tenant", "acme", "--id", "stripe-customers", "--as", Self.publisher])
        try #require(first.status == 0, "\(first.standardError)")

        let proposed = await world.run([
            "change-request", "propose", "--tenant", "acme", "--mapping", "stripe-customers", "--version", "1", "--environment", "test",
            "--summary", "Activate customers", "--as", Self.publisher, "--json",
        ])
        let request = try #require(try JSONParser.parse(proposed.standardOutput)["change_request"]?["id"]?.stringValue)
        for reviewer in ["controller@acme.example", "cfo@acme.example"] {
            try #require(await world.run(["change-request", "approve", request, "--tenant", "acme", "--as", reviewer]).status == 0)
        }
        try #require(await world.run(["change-request", "apply", request, "--tenant", "acme", "--as", Self.publisher]).status == 0)

        let defaultDocument = try Data(contentsOf: URL(fileURLWithPath: Checkout.root + "/mappings/defaults/stripe_customer_to_odoo.json"))
        guard case .object(var root) = try JSONParser.parse(Array(defaultDocument)) else {
            preconditionFailure("the default customer mapping is a JSON object")
        }
        root["version"] = "1.1.0"
        root["description"] = "Stripe customers to Odoo partners, version 1.1.0."
        let file = try world.folder.write(JSONWriter.string(.object(root), style: .pretty), to: "customers-1.1.0.json")
        let second = await world.run(["mapping", "publish", file, "--tenant", "acme", "--id", "stripe-customers", "--as", Self.publisher])
        try #require(second.status == 0, "\(second.standardError)")
        return (world, .object(root))
    }

    @Test func publish_printsStoredVersion() async throws {
        let world = try StoreCommandWorld()
        try #require(await world.run(["tenant", "create", "acme"]).status == 0)

        let outcome = await world.run(["mapping", "publish", "stripe_customer_to_odoo", "--tenant", "acme", "--id", "stripe-customers", "--as", Self.publisher])

        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.hasPrefix("mapping stripe-customers of tenant acme: stored this content as version 1 (digest "))
    }

    @Test func publishOlderContent_saysNothingAdded() async throws {
        let (world, _) = try await publishedWorld()

        let outcome = await world.run(["mapping", "publish", "stripe_customer_to_odoo", "--tenant", "acme", "--id", "stripe-customers", "--as", Self.publisher])
        let text = outcome.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)

        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(text.hasPrefix("mapping stripe-customers of tenant acme: this content is already stored as version 1 (digest "), "\(text)")
        #expect(text.hasSuffix("); nothing was added; the newest version is 2"), "\(text)")
        #expect(!text.contains("is at version"), "\(text)")
    }

    @Test func listTenant_printsVersionsAndActiveEnvironment() async throws {
        let (world, _) = try await publishedWorld()

        let outcome = await world.run(["mapping", "list", "--tenant", "acme"])
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)

        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(lines.count == 3)
        #expect(lines.first?.hasPrefix("MAPPING ") == true)
        #expect(lines.first?.contains("ACTIVE IN") == true)
        #expect(lines[1].hasPrefix("stripe-customers  1 "))
        #expect(lines[1].contains(Self.publisher))
        #expect(lines[1].hasSuffix(" test"))
        #expect(lines[2].hasPrefix("stripe-customers  2 "))
        #expect(lines[2].hasSuffix(" -"))
    }

    @Test func listTenantJSON_matchesAdminShape() async throws {
        let (world, _) = try await publishedWorld()

        let outcome = await world.run(["mapping", "list", "--tenant", "acme", "--json"])
        let mapping = try JSONParser.parse(outcome.standardOutput)["mappings"]?[0]

        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(mapping?["id"] == "stripe-customers")
        #expect(mapping?["versions"]?.arrayValue?.count == 2)
        #expect(mapping?["versions"]?[0]?["created_by"] == .string(Self.publisher))
        #expect(mapping?["versions"]?[0]?["digest"]?.stringValue?.count == 64)
        #expect(mapping?["active"] == ["test": 1])
    }

    @Test func listTenant_withoutMappingsSaysSo() async throws {
        let world = try StoreCommandWorld()
        try #require(await world.run(["tenant", "create", "acme"]).status == 0)

        let outcome = await world.run(["mapping", "list", "--tenant", "acme"])

        #expect(outcome.status == 0)
        #expect(outcome.standardOutput == "tenant acme has no mappings; publish one with \"ledgerport mapping publish\"\n")
    }

    @Test func list_defaultsAndTenant_isUsageError() async throws {
        let world = try StoreCommandWorld()

        let both = await world.run(["mapping", "list", "--defaults", "--tenant", "acme"])
        let neither = await world.run(["mapping", "list"])

        #expect(both.status == 64)
        #expect(both.standardError.hasPrefix("error: mapping list takes --defaults or --tenant, not both\n"))
        #expect(neither.status == 64)
        #expect(neither.standardError.hasPrefix("error: mapping list needs --defaults or --tenant\n"))
        #expect(neither.standardError.contains("ledgerport mapping list --tenant acme"))
    }

    @Test func show_printsDigestActivationAndDocument() async throws {
        let (world, second) = try await publishedWorld()

        let outcome = await world.run(["mapping", "show", "stripe-customers", "--version", "2", "--tenant", "acme"])
        let parts = outcome.standardOutput.components(separatedBy: "content:\n")
        // The stored digest: SHA-256 of the document's canonical JSON, in lowercase hexadecimal.
        let digest = MessageAuthentication.hex(MessageAuthentication.sha256(JSONWriter.bytes(second)))

        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(parts.count == 2)
        #expect(parts[0].hasPrefix("mapping stripe-customers version 2 of tenant acme\n"))
        #expect(parts[0].contains("  digest:     \(digest)\n"))
        #expect(parts[0].contains("  stored:     by \(Self.publisher) at "))
        #expect(parts[0].contains("  active in:  no environment\n"))
        #expect(parts[0].contains("  in force:   test version 1\n"))
        #expect(try JSONParser.parse(parts.last ?? "") == second)
    }

    @Test func showDocument_printsPublishedDocumentAlone() async throws {
        let (world, second) = try await publishedWorld()

        let outcome = await world.run(["mapping", "show", "stripe-customers", "--version", "2", "--tenant", "acme", "--document"])
        let both = await world.run(["mapping", "show", "stripe-customers", "--version", "2", "--tenant", "acme", "--document", "--json"])

        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(try JSONParser.parse(outcome.standardOutput) == second)
        #expect(both.status == 64)
        #expect(both.standardError.contains("--json and --document exclude each other"))
    }

    @Test func showJSON_matchesAdminShape() async throws {
        let (world, second) = try await publishedWorld()

        let outcome = await world.run(["mapping", "show", "stripe-customers", "--version", "1", "--tenant", "acme", "--json"])
        let json = try JSONParser.parse(outcome.standardOutput)

        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(json["mapping_id"] == "stripe-customers")
        #expect(json["version"] == 1)
        #expect(json["created_by"] == .string(Self.publisher))
        #expect(json["active_in"] == ["test"])
        #expect(json["content"]?["version"] == "1.0.0")
        #expect(json["content"] != second)
    }

    @Test func show_unknownVersionNamesTheVersions() async throws {
        let (world, _) = try await publishedWorld()

        let outcome = await world.run(["mapping", "show", "stripe-customers", "--version", "9", "--tenant", "acme"])

        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains(#"read version 9 of mapping "stripe-customers": the mapping has no such version"#))
        #expect(outcome.standardError.contains("its versions are 1 to 2"))
    }

    @Test func show_misspeltMappingNamesTheClosest() async throws {
        let (world, _) = try await publishedWorld()

        let outcome = await world.run(["mapping", "show", "stripe-customer", "--version", "1", "--tenant", "acme"])

        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains(#"read mapping "stripe-customer": the tenant has no such mapping"#))
        #expect(outcome.standardError.contains(#"did you mean "stripe-customers"?"#))
    }

    @Test func show_withoutVersion_isUsageError() async throws {
        let world = try StoreCommandWorld()

        let missing = await world.run(["mapping", "show", "stripe-customers", "--tenant", "acme"])
        let invalid = await world.run(["mapping", "show", "stripe-customers", "--version", "two", "--tenant", "acme"])

        #expect(missing.status == 64)
        #expect(missing.standardError.hasPrefix("error: missing option --version\n"))
        #expect(invalid.status == 64)
        #expect(invalid.standardError.hasPrefix("error: invalid --version \"two\""))
    }
}
