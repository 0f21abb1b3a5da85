import LedgerportSDK

extension DemoSummary {
    /// The summary for a person reading a terminal.
    package var text: String {
        var lines = [String]()
        lines.append(
            odooIsSandbox
                ? "Ledgerport demo: a month of Stripe webhooks into the Odoo sandbox, which ran at \(odooURL) until the demo ended"
                : "Ledgerport demo: a month of Stripe webhooks into Odoo at \(odooURL)")
        lines.append("")
        lines.append("Webhooks   \(requestsSent) requests, \(eventsReceived) events stored, \(eventsDuplicate) duplicates answered without storing, \(requestsRejected) rejected")
        lines.append("Governance \(changeRequestsApplied) mapping activations, each approved by two board members before it applied")
        lines.append("Deliveries \(deliveriesDelivered) delivered, \(deliveriesParked) parked, \(deliveriesOpen) still open")
        if retries > 0 {
            lines.append("           \(Self.count(retries, "attempt")) retried (for example, a record that arrived before the one it refers to)")
        }
        if !eventsWithoutFlow.isEmpty {
            let types = eventsWithoutFlow.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
            lines.append("           \(eventsWithoutFlow.values.reduce(0, +)) events taken by no flow, because no active mapping reads them: \(types)")
        }
        for item in parked {
            let target = item.targetMessage.map { " (Odoo: \($0))" } ?? ""
            lines.append("  parked \(item.flow): \(item.reason), \(item.code): \(item.message)\(target)")
        }
        lines.append("")
        lines.append(
            "Odoo       \(Self.count(odooPartners, "partner")), \(Self.count(odooInvoicesPosted, "posted invoice")), "
                + "\(Self.count(odooPayments, "payment")), \(Self.count(odooCreditNotes, "credit note"))")
        lines.append(
            "           \(Self.count(odooSalesOrders, "confirmed sales order")), \(odooSalesOrdersCancelled) cancelled for ended subscriptions")
        for mismatch in salesOrderStateMismatches {
            lines.append("  sales order in the wrong state: \(mismatch)")
        }
        lines.append("")
        lines.append("Totals per currency      source        Odoo")
        for total in totals {
            let source = (try? total.source.decimalString()) ?? "?"
            let odoo = (try? total.odoo.decimalString()) ?? "?"
            let mark = total.matches ? "match" : "DIFFERENT"
            lines.append("  \(pad(total.kind, 14)) \(total.currency)  \(pad(source, 12, right: true))  \(pad(odoo, 12, right: true))  \(mark)")
        }
        for held in heldForReview {
            let amount = held.amount.flatMap { amount in (try? amount.decimalString()).map { "\($0) \(amount.currency)" } } ?? "no amount"
            lines.append("  held for review (parked, not in Odoo): \(held.record), \(amount)")
        }
        for missing in missingRecords {
            lines.append("  missing in Odoo: \(missing)")
        }
        lines.append("")
        if totalsMatch {
            lines.append(heldForReview.isEmpty
                ? "Result: Odoo matches the source in every currency."
                : "Result: Odoo matches the source for everything delivered; \(Self.count(heldForReview.count, "record")) "
                    + "\(heldForReview.count == 1 ? "waits" : "wait") in parked deliveries for a finance operator.")
        } else {
            lines.append("Result: Odoo does NOT match the source; see the rows above.")
        }
        if let dataDirectory {
            lines += keptFolderLines(dataDirectory)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Returns the lines that list the kept folder's contents and the steps to go on using it with `ledgerport serve`.
    ///
    /// With a real Odoo there is no sandbox to restart, and the Odoo connection already points at that Odoo.
    private func keptFolderLines(_ folder: String) -> [String] {
        var lines = [
            "Data kept in \(folder): the master key in master.key, the runtime's data folder in runtime/"
                + (odooIsSandbox ? ", the sandbox's in odoo-sandbox/." : "; the Odoo connection odoo-main writes into \(odooURL)."),
            "Inspect it with, for example: LEDGERPORT_MASTER_KEY_FILE=\(folder)/master.key ledgerport dead-letter list --tenant northwind --data \(folder)/runtime",
            "To keep using it, with LEDGERPORT_MASTER_KEY_FILE, LEDGERPORT_DATA_DIR=\(folder)/runtime "
                + "and LEDGERPORT_ACTOR (your name for the audit log, else $USER) set:",
        ]
        var steps: [String] = []
        if odooIsSandbox {
            steps.append("ledgerport sandbox odoo --port 18069 --data \(folder)/odoo-sandbox")
            steps.append("ledgerport connection configure odoo-main --tenant northwind --config FILE, with FILE {\"base_url\": \"http://127.0.0.1:18069\"}")
        }
        steps.append("ledgerport connection rotate-secrets stripe-main --tenant northwind --secrets-file FILE, with FILE {\"webhook_signing_secret\": \"whsec_...\"}")
        steps.append("ledgerport serve, which takes webhooks signed with that secret at /webhooks/northwind/production/stripe-main")
        steps.append(
            "for scheduled flows (backfills), which call Stripe's API: ledgerport connection configure stripe-main --tenant northwind "
                + "--config FILE, with FILE {\"api_base_url\": \"http://127.0.0.1:8420\"} for a localstripe there, "
                + "and its API key through rotate-secrets. The demo never calls Stripe's API, so its URL is a closed port")
        lines += steps.enumerated().map { index, step in "  \(index + 1). \(step)" }
        return lines
    }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }

    /// Returns `count` and `noun`, with an "s" unless the count is 1: "1 payment", "2 payments".
    private static func count(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
