import Foundation
import LedgerportSDK
import Testing

@testable import LedgerportMapping

/// A stand-in for the Stripe connector's translation, over the recorded localstripe bodies.
struct RecordedStripeTranslator: NativeEventTranslator {
    var sourceName: String { "stripe" }

    func recognizes(_ document: JSONValue) -> Bool {
        document["object"] == "event" && document["data"]?["object"] != nil
    }

    func translate(_ payload: [UInt8]) async throws -> [CanonicalEvent] {
        try await RecordedStripeEvents.translate(payload)
    }
}

@Suite struct DryRunTests {
    static let invoiceMapping = DefaultMappingTests.defaults.first { $0.name == "stripe_invoice_to_odoo" }!

    /// A temporary folder removed when the test ends.
    final class TemporaryFolder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ledgerport-mapping-\(UUID().uuidString)")

        init() throws {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }

        deinit {
            // Removal failing leaves a file in the temporary folder, which the system cleans up.
            try? FileManager.default.removeItem(at: url)
        }

        func write(_ name: String, _ bytes: [UInt8]) throws -> URL {
            let file = url.appendingPathComponent(name)
            try Data(bytes).write(to: file)
            return file
        }
    }

    @Test func canonicalFile_isTakenAsWritten() async throws {
        let events = try await EventFileReader.read(TestSupport.fixture("canonical/invoice-finalized-kwd.json"), translators: [])
        let report = MappingDryRun.run(Self.invoiceMapping, events: events, context: TestSupport.context())
        let operations = report.results[0].operations
        #expect(operations.map(\.action) == [.upsert, .post])
        #expect(operations[0]["invoice_date"] == ["$date": "2026-02-01"])
        #expect(operations[0]["ref"] == nil)
        #expect(operations[0]["currency"] == "KWD")
        #expect(operations[0]["lines"]?[0]?["price_unit"] == ["$decimal": "12.345"])
        #expect(operations[0]["lines"]?[1]?["price_unit"] == ["$decimal": "-4.115"])
        #expect(operations[0].expectations.first?.expected == Money(minorUnits: 32920, currency: "KWD"))
        #expect(operations[0].externalID == "stripe_invoice_in_kwd_1")
    }

    @Test func recordedWebhook_isTranslatedFirst() async throws {
        let folder = try TemporaryFolder()
        let body = try Data(contentsOf: TestSupport.fixture("localstripe-events/020-invoice.created.json"))
        let recording: JSONValue = ["method": "POST", "path": "/stripe/webhook", "raw_body": .string(String(decoding: body, as: UTF8.self))]
        let plain = try folder.write("020.json", Array(body))
        let wrapped = try folder.write("020-recorded.json", JSONWriter.bytes(recording))

        for file in [plain, wrapped] {
            let events = try await EventFileReader.read(file, translators: [RecordedStripeTranslator()])
            let report = MappingDryRun.run(Self.invoiceMapping, events: events, context: TestSupport.context())
            #expect(report.results.map(\.eventID) == ["evt_0ONCcVp5ANeuZ5"])
            #expect(report.results[0].operations.first?["currency"] == "JPY")
        }
    }

    @Test func nativePayloadWithoutTranslator_isRejected() async throws {
        let file = TestSupport.fixture("localstripe-events/020-invoice.created.json")
        let error = await #expect(throws: EventFileError.self) { try await EventFileReader.read(file, translators: []) }
        #expect(error?.message.contains("neither a canonical event") == true)
    }

    @Test func report_showsOperationsNotHandledAndFailures() async throws {
        let folder = try TemporaryFolder()
        var invoice = Samples.invoice()
        invoice.lines[0].taxes = [TaxAmount(taxCode: "txr_unknown", inclusive: false, amount: .zero("EUR"))]
        let events: [CanonicalEvent] = [
            TestSupport.event(.invoiceFinalized, .invoice(Samples.invoice()), id: "evt_ok"),
            TestSupport.event(.invoiceFinalized, .invoice(invoice), id: "evt_tax"),
            TestSupport.event(.paymentSucceeded, .payment(CanonicalPayment(id: "pi_1", amount: .zero("EUR"), status: .succeeded, createdAt: .now)), id: "evt_pay"),
        ]
        let file = try folder.write("events.json", JSONValueEncoder().encodeBytes(events))
        let report = MappingDryRun.run(Self.invoiceMapping, events: try await EventFileReader.read(file, translators: []), context: TestSupport.context())

        #expect(report.hasFailures)
        #expect(report.summary == "3 events: 2 operations, 1 not handled, 1 failed")
        let text = report.text
        #expect(text.hasPrefix("mapping stripe_invoice_to_odoo@1.0.0 sha256:"))
        #expect(text.contains("  1. upsert account.move stripe_invoice_in_1\n"))
        #expect(text.contains("       lines[1] = {external_id=\"stripe_invoice_line_il_2\", name=\"Unused time\", price_unit=-29.00, quantity=1, taxes=[]}"))
        #expect(text.contains("       expect amount_total = 70.00 EUR"))
        #expect(text.contains("event evt_tax invoice.finalized (\(file.path)#1): failed: evaluate mapping stripe_invoice_to_odoo@1.0.0"))
        #expect(text.contains("lookup odoo_tax has no entry for \"txr_unknown\""))
        #expect(text.contains("event evt_pay payment.succeeded (\(file.path)#2): not handled"))

        let json = report.json
        #expect(json["events"]?[0]?["status"] == "evaluated")
        #expect(json["events"]?[1]?["error"]?["code"] == "mapping_lookup_miss")
        #expect(json["events"]?[2]?["status"] == "not_handled")
        #expect(json["events"]?[0]?["operations"]?[0]?["external_id"] == "stripe_invoice_in_1")
    }
}
