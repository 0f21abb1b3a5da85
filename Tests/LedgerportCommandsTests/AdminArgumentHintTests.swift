import Foundation
import Testing

/// Mistyped ids and enumerated values name the listing command and the closest value.
@Suite struct AdminArgumentHintTests {
    @Test func nonNumericDeliveryID_namesListCommand() async throws {
        let world = try await StoreCommandWorld.withTenant()

        let outcome = await world.run(["delivery", "show", "abc", "--tenant", "acme"])

        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains(#"invalid delivery id "abc": expected a positive integer id"#))
        #expect(outcome.standardError.contains("list the ids with ledgerport delivery list --tenant <slug>"))
    }

    @Test func misspeltReason_suggestsClosest() async throws {
        let world = try await StoreCommandWorld.withTenant()

        let outcome = await world.run(["dead-letter", "list", "--tenant", "acme", "--reason", "buisness"])

        #expect(outcome.status == 64)
        #expect(outcome.standardError.contains(#"invalid --reason "buisness""#))
        #expect(outcome.standardError.contains(#"did you mean "business"? use one of"#))
    }
}
