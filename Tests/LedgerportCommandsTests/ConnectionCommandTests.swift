import Foundation
import LedgerportSDK
import Testing

@Suite struct ConnectionCommandTests {
    private let stripeSecrets = #"{"api_key": "sk_test_cli_7Qx", "webhook_signing_secret": "whsec_cli_9Zy"}"#

    @Test func createWithStandardInputSecrets_storesThemEncrypted() async throws {
        let world = try await StoreCommandWorld.withTenant()

        let created = await world.run(
            ["connection", "create", "stripe-test", "--tenant", "acme", "--connector", "stripe@1.0.0", "--secrets-file", "-"],
            input: stripeSecrets)
        let listed = await world.run(["connection", "list", "--tenant", "acme"])

        #expect(created.status == 0)
        #expect(created.standardError == "")
        #expect(created.standardOutput == "created connection stripe-test for tenant acme (stripe@1.0.0, environment test, secrets api_key, webhook_signing_secret)\n")
        #expect(listed.standardOutput == """
            ID           ENVIRONMENT  CONNECTOR     STATE   SECRET FIELDS
            stripe-test  test         stripe@1.0.0  active  api_key,webhook_signing_secret

            """)
        #expect(try world.dataFilesContain("sk_test_cli_7Qx") == false)
        #expect(try world.dataFilesContain("whsec_cli_9Zy") == false)
    }

    @Test func createWithConfigAndSecretsFiles_listsJSON() async throws {
        let world = try await StoreCommandWorld.withTenant()
        let config = try world.folder.write(#"{"base_url": "http://127.0.0.1:8069", "database": "demo", "username": "billing"}"#, to: "odoo.json")
        let secrets = try world.folder.write(#"{"api_key": "odoo_key_cli_3Kp"}"#, to: "odoo-secrets.json")

        let created = await world.run([
            "connection", "create", "odoo", "--tenant", "acme", "--connector", "odoo@1.0.0", "--environment", "production",
            "--config", config, "--secrets-file", secrets,
        ])
        let listed = await world.run(["connection", "list", "--tenant", "acme", "--environment", "production", "--json"])
        let document = try JSONParser.parse(listed.standardOutput)

        #expect(created.status == 0)
        #expect(document["tenant"] == "acme")
        #expect(document["connections"]?[0]?["id"] == "odoo")
        #expect(document["connections"]?[0]?["configuration"]?["database"] == "demo")
        #expect(document["connections"]?[0]?["secret_fields"] == [["field": "api_key", "values": 1, "active_values": 1]])
        #expect(listed.standardOutput.contains("odoo_key_cli_3Kp") == false)
    }

    /// Creates a world with the tenant acme and its Odoo connection `odoo`, whose API key is `odoo_key_old_4Rt`.
    private func worldWithOdooConnection() async throws -> StoreCommandWorld {
        let world = try await StoreCommandWorld.withTenant()
        let config = try world.folder.write(#"{"base_url": "http://127.0.0.1:8069", "database": "demo", "username": "billing"}"#, to: "odoo.json")
        let created = await world.run(
            ["connection", "create", "odoo", "--tenant", "acme", "--connector", "odoo@1.0.0", "--config", config, "--secrets-file", "-"],
            input: #"{"api_key": "odoo_key_old_4Rt"}"#)
        try #require(created.status == 0)
        return world
    }

    private func secretFields(_ world: StoreCommandWorld) async throws -> JSONValue? {
        let listed = await world.run(["connection", "list", "--tenant", "acme", "--json"])
        return try JSONParser.parse(listed.standardOutput)["connections"]?[0]?["secret_fields"]
    }

    @Test func rotateSecrets_replacesTheActiveValue() async throws {
        let world = try await worldWithOdooConnection()

        let rotated = await world.run(
            ["connection", "rotate-secrets", "odoo", "--tenant", "acme", "--secrets-file", "-"], input: #"{"api_key": "odoo_key_new_8Wq"}"#)

        #expect(rotated.status == 0)
        #expect(rotated.standardError == "")
        #expect(rotated.standardOutput.hasPrefix("rotated api_key of connection odoo for tenant acme; 1 previous value expires by "))
        #expect(try await secretFields(world) == [["field": "api_key", "values": 2, "active_values": 1]])
        #expect(try world.dataFilesContain("odoo_key_new_8Wq") == false)
    }

    @Test func rotateSecretsWithOverlap_keepsBothActive() async throws {
        let world = try await worldWithOdooConnection()

        let rotated = await world.run(
            ["connection", "rotate-secrets", "odoo", "--tenant", "acme", "--secrets-file", "-", "--keep-previous-for", "3600", "--json"],
            input: #"{"api_key": "odoo_key_new_8Wq"}"#)
        let document = try JSONParser.parse(rotated.standardOutput)

        #expect(rotated.status == 0)
        #expect(document["fields"] == ["api_key"])
        #expect(document["previous_values"] == 1)
        #expect(try await secretFields(world) == [["field": "api_key", "values": 2, "active_values": 2]])
    }

    @Test func rotateSecretsOfAPlainField_isRejected() async throws {
        let world = try await worldWithOdooConnection()

        let outcome = await world.run(
            ["connection", "rotate-secrets", "odoo", "--tenant", "acme", "--secrets-file", "-"], input: #"{"database": "other"}"#)

        #expect(outcome.status == 65)
        #expect(outcome.standardError.contains(#"rotate secrets of connection "odoo": "database" is not a secret field of odoo@1.0.0"#))
        #expect(outcome.standardError.contains(#"its secret fields are "api_key""#))
        #expect(try await secretFields(world) == [["field": "api_key", "values": 1, "active_values": 1]])
    }

    @Test func rotateSecretsOfUnknownConnection_isNotFound() async throws {
        let world = try await worldWithOdooConnection()

        let outcome = await world.run(
            ["connection", "rotate-secrets", "odoo-eu", "--tenant", "acme", "--secrets-file", "-"], input: #"{"api_key": "odoo_key_new_8Wq"}"#)

        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("odoo-eu"))
    }

    @Test func rotateSecretsWithNegativeOverlap_isUsageError() async throws {
        let world = try await worldWithOdooConnection()

        let outcome = await world.run(
            ["connection", "rotate-secrets", "odoo", "--tenant", "acme", "--secrets-file", "-", "--keep-previous-for", "-5"],
            input: #"{"api_key": "odoo_key_new_8Wq"}"#)

        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains(#"invalid --keep-previous-for "-5""#))
    }

    private func configuration(_ world: StoreCommandWorld) async throws -> JSONValue? {
        let listed = await world.run(["connection", "list", "--tenant", "acme", "--json"])
        return try JSONParser.parse(listed.standardOutput)["connections"]?[0]?["configuration"]
    }

    @Test func configure_mergesFieldsAndRemovesNulls() async throws {
        let world = try await worldWithOdooConnection()
        _ = await world.run([
            "connection", "configure", "odoo", "--tenant", "acme",
            "--config", try world.folder.write(#"{"batch_size": 50}"#, to: "batch.json"),
        ])
        let changes = try world.folder.write(#"{"base_url": "http://127.0.0.1:8070", "batch_size": null}"#, to: "changes.json")

        let outcome = await world.run(["connection", "configure", "odoo", "--tenant", "acme", "--config", changes])

        #expect(outcome.status == 0)
        #expect(outcome.standardOutput == "configured connection odoo for tenant acme: changed base_url, batch_size\n")
        #expect(try await configuration(world) == ["base_url": "http://127.0.0.1:8070", "database": "demo", "username": "billing"])
        #expect(try await secretFields(world) == [["field": "api_key", "values": 1, "active_values": 1]])
    }

    @Test func configureBreakingTheSpec_changesNothing() async throws {
        let world = try await worldWithOdooConnection()
        let changes = try world.folder.write(#"{"database": null, "batch_size": "fifty"}"#, to: "changes.json")

        let outcome = await world.run(["connection", "configure", "odoo", "--tenant", "acme", "--config", changes])

        #expect(outcome.status == 65)
        #expect(outcome.standardError.contains("odoo@1.0.0 configuration:"))
        #expect(outcome.standardError.contains(#"configure connection "odoo": 2 problems with the configuration; nothing was changed"#))
        #expect(try await configuration(world) == ["base_url": "http://127.0.0.1:8069", "database": "demo", "username": "billing"])
    }

    @Test func configureWithASecretField_isRejected() async throws {
        let world = try await worldWithOdooConnection()
        let changes = try world.folder.write(#"{"api_key": "odoo_key_plain_2Jd"}"#, to: "changes.json")

        let outcome = await world.run(["connection", "configure", "odoo", "--tenant", "acme", "--config", changes])

        #expect(outcome.status == 65)
        #expect(outcome.standardError.contains(#""api_key" is a secret field of odoo@1.0.0, not configuration; nothing was changed"#))
        #expect(outcome.standardError.contains("ledgerport connection rotate-secrets odoo --tenant acme"))
        #expect(outcome.standardError.contains("odoo_key_plain_2Jd") == false)
        #expect(try world.dataFilesContain("odoo_key_plain_2Jd") == false)
    }

    @Test func rotateSecretsNotMatchingThePattern_isRejected() async throws {
        let world = try await StoreCommandWorld.withTenant()
        _ = await world.run(
            ["connection", "create", "stripe-test", "--tenant", "acme", "--connector", "stripe@1.0.0", "--secrets-file", "-"],
            input: stripeSecrets)

        let outcome = await world.run(
            ["connection", "rotate-secrets", "stripe-test", "--tenant", "acme", "--secrets-file", "-"],
            input: #"{"webhook_signing_secret": "abc_secret_5Hn"}"#)

        #expect(outcome.status == 65)
        #expect(outcome.standardError.contains(#"the value of secret "webhook_signing_secret" does not match stripe's pattern "^whsec_""#))
        #expect(outcome.standardError.contains("abc_secret_5Hn") == false)
        #expect(try world.dataFilesContain("abc_secret_5Hn") == false)
    }

    @Test func createWithSecretNotMatchingThePattern_createsNothing() async throws {
        let world = try await StoreCommandWorld.withTenant()

        let outcome = await world.run(
            ["connection", "create", "stripe-test", "--tenant", "acme", "--connector", "stripe@1.0.0", "--secrets-file", "-"],
            input: #"{"api_key": "nope_key_7Lm", "webhook_signing_secret": "whsec_cli_9Zy"}"#)
        let listed = await world.run(["connection", "list", "--tenant", "acme", "--json"])

        #expect(outcome.status == 65)
        #expect(outcome.standardError.contains(#"secret "api_key" does not match"#))
        #expect(outcome.standardError.contains("nope_key_7Lm") == false)
        #expect(try JSONParser.parse(listed.standardOutput)["connections"] == [])
    }

    /// A misspelt configuration key beside one problem with the secrets: a value breaking its pattern, or a misspelt name.
    @Test(arguments: [
        (
            #"{"api_key": "nope_key_7Lm", "webhook_signing_secret": "whsec_cli_9Zy"}"#, "nope_key_7Lm",
            #"stripe@1.0.0 secrets: the value of secret "api_key" does not match"#
        ),
        (
            #"{"apikey": "sk_test_cli_7Qx", "webhook_signing_secret": "whsec_cli_9Zy"}"#, "sk_test_cli_7Qx",
            #"stripe@1.0.0 secrets: "apikey" is not a secret field of stripe@1.0.0; did you mean "api_key"?"#
        ),
    ])
    func createWithBadConfigAndSecrets_reportsEachOnce(secrets: String, secretValue: String, secretLine: String) async throws {
        let world = try await StoreCommandWorld.withTenant()
        let config = try world.folder.write(#"{"apibase": "http://127.0.0.1:8420"}"#, to: "stripe.json")

        let outcome = await world.run(
            ["connection", "create", "stripe-test", "--tenant", "acme", "--connector", "stripe@1.0.0", "--config", config, "--secrets-file", "-"],
            input: secrets)

        #expect(outcome.status == 65)
        #expect(outcome.standardError.contains(#"did you mean "api_base_url"?"#), "\(outcome.standardError)")
        #expect(outcome.standardError.contains(secretLine), "\(outcome.standardError)")
        #expect(!outcome.standardError.contains(#"required secret "api_key" is not set"#))
        #expect(!outcome.standardError.contains("unknown_secret"))
        #expect(outcome.standardError.contains("1 problem with the configuration and 1 problem with the secrets"))
        #expect(outcome.standardError.contains(secretValue) == false)
    }

    @Test func rotateSecretsWithMisspeltField_suggestsTheSecret() async throws {
        let world = try await worldWithOdooConnection()

        let outcome = await world.run(
            ["connection", "rotate-secrets", "odoo", "--tenant", "acme", "--secrets-file", "-"], input: #"{"api_kee": "odoo_key_new_8Wq"}"#)

        #expect(outcome.status == 65)
        #expect(outcome.standardError.contains(#"did you mean "api_key"?"#))
    }

    @Test func configureWithMissingFile_isNotFound() async throws {
        let world = try await worldWithOdooConnection()

        let outcome = await world.run(["connection", "configure", "odoo", "--tenant", "acme", "--config", world.folder.path + "/absent.json"])

        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("absent.json\": not found"))
    }

    @Test func missingMasterKey_createsNothing() async throws {
        let world = try await StoreCommandWorld.withTenant()

        let outcome = await world.run(
            ["connection", "create", "stripe-test", "--tenant", "acme", "--connector", "stripe@1.0.0", "--secrets-file", "-"],
            input: stripeSecrets, withKey: false)
        let listed = await world.run(["connection", "list", "--tenant", "acme", "--json"])

        #expect(outcome.status == 1)
        #expect(outcome.standardError.hasPrefix("error: load master key: no key supplied; set LEDGERPORT_MASTER_KEY_FILE"))
        #expect(try JSONParser.parse(listed.standardOutput)["connections"] == [])
    }

    @Test func wrongMasterKey_isRejected() async throws {
        let world = try await StoreCommandWorld.withTenant()
        _ = await world.run(
            ["connection", "create", "stripe-test", "--tenant", "acme", "--connector", "stripe@1.0.0", "--secrets-file", "-"],
            input: stripeSecrets)

        let outcome = await world.run(
            ["connection", "create", "stripe-eu", "--tenant", "acme", "--connector", "stripe@1.0.0", "--secrets-file", "-"],
            input: stripeSecrets, key: String(repeating: "5b", count: 32))

        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("key check failed"))
        #expect(outcome.standardError.contains("open secrets: the key in LEDGERPORT_MASTER_KEY is not the one"), "\(outcome.standardError)")
        #expect(outcome.standardError.contains("supply the original key"))
    }

    @Test func secretInConfiguration_isInvalidDataWithoutEchoingIt() async throws {
        let world = try await StoreCommandWorld.withTenant()
        let config = try world.folder.write(#"{"api_key": "sk_test_in_config_1Ab"}"#, to: "stripe.json")

        let outcome = await world.run(
            ["connection", "create", "stripe-test", "--tenant", "acme", "--connector", "stripe@1.0.0", "--config", config])

        #expect(outcome.status == 65)
        #expect(outcome.standardError.contains("stripe@1.0.0 configuration: /api_key: field \"api_key\" is a secret and must not be given as a plain value"))
        #expect(outcome.standardError.contains("stripe@1.0.0 secrets: required secret \"webhook_signing_secret\" is not set; add it to the file given to --secrets-file"))
        #expect(outcome.standardError.contains("sk_test_in_config_1Ab") == false)
    }

    @Test func invalidSecretsJSON_isInvalidDataWithoutEchoingIt() async throws {
        let world = try await StoreCommandWorld.withTenant()

        let outcome = await world.run(
            ["connection", "create", "stripe-test", "--tenant", "acme", "--connector", "stripe@1.0.0", "--secrets-file", "-"],
            input: #"{"api_key": sk_live_unquoted_8Rt}"#)

        #expect(outcome.status == 65)
        #expect(outcome.standardError.hasPrefix("error: read secrets from standard input: invalid JSON at line 1, column"))
        #expect(outcome.standardError.contains("sk_live_unquoted_8Rt") == false)
    }

    @Test func unknownConnectorOrTenant_isRejected() async throws {
        let world = try await StoreCommandWorld.withTenant()

        let unknownConnector = await world.run(["connection", "create", "x", "--tenant", "acme", "--connector", "salesforce@1.0.0"])
        let malformedConnector = await world.run(["connection", "create", "x", "--tenant", "acme", "--connector", "stripe"])
        let unknownTenant = await world.run(
            ["connection", "create", "stripe-test", "--tenant", "ghost", "--connector", "stripe@1.0.0", "--secrets-file", "-"],
            input: stripeSecrets)

        #expect(unknownConnector.status == 64)
        #expect(unknownConnector.standardError.contains("no connector spec salesforce@1.0.0"))
        #expect(malformedConnector.status == 64)
        #expect(unknownTenant.status == 1)
        #expect(unknownTenant.standardError.contains("find tenant \"ghost\": not found"))
        #expect(!unknownTenant.standardError.contains("did you mean"))
    }

    @Test func duplicateConnectionID_exitsOne() async throws {
        let world = try await StoreCommandWorld.withTenant()
        let arguments = ["connection", "create", "stripe-test", "--tenant", "acme", "--connector", "stripe@1.0.0", "--secrets-file", "-"]
        _ = await world.run(arguments, input: stripeSecrets)

        let outcome = await world.run(arguments, input: stripeSecrets)

        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("create connection \"stripe-test\" of tenant"))
        #expect(outcome.standardError.contains("already exists"))
    }
}
