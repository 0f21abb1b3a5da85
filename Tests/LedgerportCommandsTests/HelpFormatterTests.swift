import Testing

@testable import LedgerportCommands

/// How help wraps example command lines.
@Suite struct HelpFormatterTests {
    @Test func wrapCommandLine_readsShellContinuationAsSpace() {
        let lines = HelpFormatter.wrapCommandLine(
            "ledgerport connection create odoo --tenant acme --connector odoo@1.0.0 \\\n      --environment production --config odoo.json",
            continuation: " \\"
        )

        #expect(lines == [
            "  ledgerport connection create odoo --tenant acme --connector odoo@1.0.0 \\",
            "    --environment production --config odoo.json",
        ])
    }

    @Test func commandLineUnits_keepOptionsWithValues() {
        let units = HelpFormatter.commandLineUnits("ledgerport tenant create acme --name \"Acme Ltd\" --json --time-zone Europe/Paris")

        #expect(units == ["ledgerport", "tenant", "create", "acme", "--name \"Acme Ltd\"", "--json", "--time-zone Europe/Paris"])
    }

    @Test func wrapCommandLine_neverSplitsAnOptionFromItsValue() {
        let lines = HelpFormatter.wrapCommandLine(
            "ledgerport connection create stripe-test --tenant acme --connector stripe@1.0.0 --secrets-file stripe-secrets.json",
            continuation: " \\"
        )

        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.count <= HelpFormatter.width })
        #expect(!lines.contains { $0.hasSuffix("--connector \\") || $0.hasSuffix("--secrets-file \\") })
    }
}
