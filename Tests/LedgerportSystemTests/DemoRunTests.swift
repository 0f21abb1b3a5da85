import Foundation
import LedgerportDemo
import LedgerportSDK
import Testing

@Suite(.serialized) struct DemoRunTests {
    @Test func demo_deliversTheMonthAndHoldsTheKWDInvoice() async throws {
        let summary = try await DemoRun.run(
            DemoOptions(specsDirectory: Checkout.root + "/connector-specs"), environment: [:], logger: .disabled
        )

        #expect(summary.eventsReceived == 59)
        #expect(summary.eventsDuplicate == summary.requestsSent - 59)
        #expect(summary.requestsRejected == 0)
        #expect(summary.deliveriesOpen == 0)
        #expect(summary.deliveriesParked == 1)
        #expect(summary.parked.map(\.code) == ["odoo_unit_price_precision"])
        #expect(summary.parked.map(\.reason) == ["business"])
        #expect(summary.heldForReview.map(\.record) == ["account.move/stripe_invoice_in_demogkwd01"])
        #expect(summary.missingRecords.isEmpty)
        #expect(summary.totalsMatch)
        #expect(Set(summary.totals.map(\.currency)) == ["EUR", "USD", "JPY"])
        #expect(summary.odooInvoicesPosted == 7)
        #expect(summary.odooPayments == 6)
        #expect(summary.odooCreditNotes == 2)
        #expect(summary.changeRequestsApplied == 6)
        #expect(summary.odooSalesOrders == 1)
        #expect(summary.odooSalesOrdersCancelled == 2)
        #expect(summary.salesOrderStateMismatches.isEmpty)
        #expect(summary.eventsWithoutFlow == ["plan.created": 5, "product.created": 2])
        #expect(summary.text.contains("1 confirmed sales order, 2 cancelled"))
        #expect(summary.text.contains("1 record waits in parked deliveries"))
        #expect(summary.text.contains("7 posted invoices, 6 payments, 2 credit notes"))

        var keptSummary = summary
        keptSummary.dataDirectory = "/srv/ledgerport-demo"
        keptSummary.retries = 1
        #expect(keptSummary.text.contains("1 attempt retried (for example, a record that arrived before the one it refers to)"))
        #expect(keptSummary.text.contains("and LEDGERPORT_ACTOR (your name for the audit log, else $USER) set:"))
        #expect(keptSummary.text.contains("5. for scheduled flows (backfills), which call Stripe's API: ledgerport connection configure stripe-main"))
    }
}
