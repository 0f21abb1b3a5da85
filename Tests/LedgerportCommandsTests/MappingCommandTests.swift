import Foundation
import LedgerportCommands
import LedgerportSDK
import Testing

@Suite struct MappingCommandTests {
    /// A canonical JPY invoice event, finalized 30 minutes before midnight UTC on the last day of January.
    static let invoiceEvent = """
        {"envelope_version": 1, "id": "evt_jpy_1", "type": "invoice.finalized", "occurred_at": "2026-01-31T23:30:00Z",
         "source": {"connector": "stripe", "connector_version": "1.0.0", "native_type": "invoice.finalized"},
         "ordering": {"key": "invoice:in_1", "version": 1}, "object_type": "invoice", "object_schema_version": 1,
         "object": {"id": "in_1", "number": null, "customer_id": "cus_1", "status": "open", "currency": "jpy",
           "lines": [{"id": "il_1", "description": "Connector Pro", "quantity": 1, "amount": {"minor_units": 4500, "currency": "JPY"},
                      "discount_amounts": [], "taxes": [], "proration": false}],
           "subtotal": {"minor_units": 4500, "currency": "JPY"}, "discount_total": {"minor_units": 0, "currency": "JPY"},
           "tax_total": {"minor_units": 0, "currency": "JPY"}, "total": {"minor_units": 4500, "currency": "JPY"},
           "amount_due": {"minor_units": 4500, "currency": "JPY"}, "amount_paid": {"minor_units": 0, "currency": "JPY"},
           "amount_remaining": {"minor_units": 4500, "currency": "JPY"}, "created_at": "2026-01-31T23:30:00Z", "metadata": {}}}
        """

    @Test func listDefaultsJSON_namesVersionsAndPaths() async throws {
        let outcome = await runCommand(["mapping", "list", "--defaults", "--json"])
        #expect(outcome.status == 0)
        let mappings = try JSONParser.parse(outcome.standardOutput)["mappings"]?.arrayValue ?? []
        #expect(mappings.count == 7)
        #expect(mappings.first?["name"] == "hubspot_deal_to_odoo")
        #expect(mappings.first?["version"] == "1.0.0")
        #expect(mappings.first?["path"] == "mappings/defaults/hubspot_deal_to_odoo.json")
    }

    @Test func listWithoutDefaults_isUsageError() async {
        let outcome = await runCommand(["mapping", "list"])
        #expect(outcome.status == 64)
        #expect(outcome.standardError.hasPrefix("error: mapping list needs --defaults or --tenant\n"))
    }

    @Test func validateDefaults_exitsZero() async {
        let outcome = await runCommand(["mapping", "validate", "mappings/defaults/stripe_invoice_to_odoo.json", "mappings/defaults/stripe_payment_to_odoo.json"])
        #expect(outcome.status == 0)
        #expect(outcome.standardError == "")
        #expect(outcome.standardOutput.hasPrefix("valid: mappings/defaults/stripe_invoice_to_odoo.json (stripe_invoice_to_odoo@1.0.0, sha256:"))
    }

    @Test func validateBrokenMapping_exits65WithPointers() async throws {
        let folder = try TemporaryDirectory()
        let text = try String(contentsOfFile: Checkout.root + "/mappings/defaults/stripe_refund_to_odoo.json", encoding: .utf8)
            .replacingOccurrences(of: "\"object.created_at\"", with: "\"object.creation\"")
        let file = try folder.write(text, to: "refund.json")
        let outcome = await runCommand(["mapping", "validate", file])
        #expect(outcome.status == 65)
        #expect(outcome.standardOutput == "")
        #expect(outcome.standardError.contains("\(file)#/operations/0/values/date/date/path: object has no field \"creation\"; did you mean \"created_at\"?"))
    }

    @Test func dryRun_printsOperationsInTheTenantZone() async throws {
        let folder = try TemporaryDirectory()
        let event = try folder.write(Self.invoiceEvent, to: "invoice.json")
        let outcome = await runCommand(["mapping", "dry-run", "--mapping", "stripe_invoice_to_odoo", "--time-zone", "Asia/Tokyo", "--event", event])
        #expect(outcome.status == 0)
        #expect(outcome.standardError == "")
        #expect(outcome.standardOutput.contains("  1. upsert account.move stripe_invoice_in_1\n       currency = \"JPY\"\n       invoice_date = 2026-02-01\n"))
        #expect(outcome.standardOutput.contains("       expect amount_total = 4500 JPY\n"))
        #expect(outcome.standardOutput.hasSuffix("1 event: 2 operations, 0 not handled, 0 failed\n"))
    }

    @Test func dryRunJSON_withLookupOverrides() async throws {
        let folder = try TemporaryDirectory()
        let event = try folder.write(Self.invoiceEvent, to: "invoice.json")
        let lookups = try folder.write(#"{"sales_journal": {"acme_jp": "INVJP"}}"#, to: "lookups.json")
        let tagged = try folder.write(Self.invoiceEvent.replacingOccurrences(of: "\"metadata\": {}", with: "\"metadata\": {\"legal_entity\": \"acme_jp\"}"), to: "tagged.json")
        let outcome = await runCommand(["mapping", "dry-run", "--mapping", "stripe_invoice_to_odoo", "--lookups", lookups, "--json", "--event", event, tagged])
        #expect(outcome.status == 0)
        let events = try JSONParser.parse(outcome.standardOutput)["events"]?.arrayValue ?? []
        #expect(events.count == 2)
        #expect(events[0]["operations"]?[0]?["values"]?["journal_code"] == nil)
        #expect(events[1]["operations"]?[0]?["values"]?["journal_code"] == "INVJP")
        #expect(events[0]["operations"]?[0]?["values"]?["invoice_date"] == ["$date": "2026-01-31"])
    }

    @Test func dryRunWithoutEvents_isUsageError() async {
        let outcome = await runCommand(["mapping", "dry-run", "--mapping", "stripe_invoice_to_odoo"])
        #expect(outcome.status == 64)
        #expect(outcome.standardError.hasPrefix("error: no event file given\n"))
    }

    @Test func diff_showsChangedFieldsAndAmounts() async throws {
        let folder = try TemporaryDirectory()
        let event = try folder.write(Self.invoiceEvent, to: "invoice.json")
        let current = try JSONParser.parse(String(contentsOfFile: Checkout.root + "/mappings/defaults/stripe_invoice_to_odoo.json", encoding: .utf8))
        guard case .object(var members) = current, case .object(var lookups)? = members["lookups"], case .object(var journal)? = lookups["sales_journal"] else {
            Issue.record("the default invoice mapping has no sales_journal lookup")
            return
        }
        journal["default"] = ["value": "SAJ"]
        lookups["sales_journal"] = .object(journal)
        members["lookups"] = .object(lookups)
        members["version"] = "1.1.0"
        let proposed = JSONWriter.string(.object(members), style: .pretty)
        let file = try folder.write(proposed, to: "invoice-1.1.0.json")
        let outcome = await runCommand(["mapping", "diff", "--from", "stripe_invoice_to_odoo", "--to", file, "--event", event])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.contains("  ~ upsert account.move stripe_invoice_in_1\n      values/journal_code: (not sent) -> \"SAJ\"\n"))
        #expect(outcome.standardOutput.contains("  JPY: 4500 JPY -> 4500 JPY (change 0 JPY)\n"))
        #expect(outcome.standardOutput.hasSuffix("1 event, 2 operations: 0 added, 0 removed, 1 changed, 1 unchanged\n"))
    }

    /// The localstripe recordings, as webhook bodies.
    static func recordedEvents() throws -> [String] {
        let folder = Checkout.root + "/Tests/LedgerportMappingTests/Fixtures/localstripe-events"
        return try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("0") }.sorted().map { folder + "/" + $0 }
    }

    @Test func dryRunOfStripeWebhooks_translatesThemFirst() async throws {
        let events = try Self.recordedEvents()
        let outcome = await runCommand(["mapping", "dry-run", "--mapping", "stripe_payment_to_odoo", "--event"] + events)
        #expect(outcome.status == 0)
        #expect(outcome.standardError == "")
        #expect(outcome.standardOutput.contains("  2. register_payment account.payment stripe_payment_pi_hpiw791sz3oapk\n"))
        #expect(outcome.standardOutput.contains("       amount = 4500 JPY\n"))
        #expect(outcome.standardOutput.hasSuffix("46 events: 13 operations, 38 not handled, 0 failed\n"))
    }

    @Test func everyDefault_dryRunsTheRecordingsCleanly() async throws {
        let events = try Self.recordedEvents()
        for name in ["stripe_customer_to_odoo", "stripe_invoice_to_odoo", "stripe_payment_to_odoo", "stripe_subscription_to_odoo"] {
            let outcome = await runCommand(["mapping", "dry-run", "--mapping", name, "--time-zone", "Europe/Berlin", "--event"] + events)
            #expect(outcome.status == 0, "\(name)")
            #expect(!outcome.standardOutput.contains("rejected by the target spec"), "\(name)")
            #expect(!outcome.standardOutput.contains(": failed:"), "\(name)")
        }
    }
}
