import Foundation
import LedgerportSDK
import Testing

@Suite struct TenantCommandTests {
    @Test func createThenList_showsTenant() async throws {
        let world = try StoreCommandWorld()

        let created = await world.run(["tenant", "create", "acme", "--name", "Acme Ltd", "--time-zone", "Europe/Paris"])
        let listed = await world.run(["tenant", "list"])

        #expect(created.status == 0)
        #expect(created.standardError == "")
        #expect(created.standardOutput.hasPrefix("created tenant acme (id "))
        #expect(created.standardOutput.hasSuffix(", time zone Europe/Paris, environments production and test)\n"))
        #expect(listed.status == 0)
        let lines = listed.standardOutput.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("SLUG  NAME      TIME ZONE     ID") == true)
        #expect(lines.last?.hasPrefix("acme  Acme Ltd  Europe/Paris  ") == true)
    }

    @Test func listJSON_hasSnakeCaseMembers() async throws {
        let world = try StoreCommandWorld()
        _ = await world.run(["tenant", "create", "acme"])

        let outcome = await world.run(["tenant", "list", "--json"])
        let document = try JSONParser.parse(outcome.standardOutput)

        #expect(outcome.status == 0)
        #expect(document["tenants"]?.arrayValue?.count == 1)
        #expect(document["tenants"]?[0]?["slug"] == "acme")
        #expect(document["tenants"]?[0]?["display_name"] == "acme")
        #expect(document["tenants"]?[0]?["time_zone"] == "UTC")
        #expect(document["tenants"]?[0]?["created_at"]?.stringValue?.hasSuffix("Z") == true)
    }

    @Test func duplicateSlug_exitsOne() async throws {
        let world = try StoreCommandWorld()
        _ = await world.run(["tenant", "create", "acme"])

        let outcome = await world.run(["tenant", "create", "acme"])

        #expect(outcome.status == 1)
        #expect(outcome.standardError == "error: create tenant \"acme\": already exists\nhint: choose another slug\n")
    }

    @Test func invalidSlugOrTimeZone_isUsageError() async throws {
        let world = try StoreCommandWorld()

        let badSlug = await world.run(["tenant", "create", "Acme Corp"])
        let badZone = await world.run(["tenant", "create", "acme", "--time-zone", "Mars/Olympus"])

        #expect(badSlug.status == 64)
        #expect(badSlug.standardError.contains("create tenant slug \"Acme Corp\": a slug must be"))
        #expect(badSlug.standardError.contains("hint: use \"acme-corp\""))
        #expect(badZone.status == 64)
        #expect(badZone.standardError.contains("time zone \"Mars/Olympus\": not an IANA time zone"))
        #expect(FileManager.default.fileExists(atPath: world.dataDirectory) == false)
    }

    @Test func listWithoutDatabase_exitsOneWithHint() async throws {
        let world = try StoreCommandWorld()

        let outcome = await world.run(["tenant", "list"])

        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("open database \"\(world.dataDirectory)/ledgerport.sqlite\": not found"))
        #expect(outcome.standardError.contains("hint: create a tenant first"))
    }
}
