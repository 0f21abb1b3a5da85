import Foundation
import LedgerportSDK

/// Translates Stripe refunds into ``CanonicalRefund``s, one per refund object.
///
/// `charge.refunded` carries the charge's cumulative `amount_refunded`,
/// which is not the amount of the refund that triggered it. The connector
/// therefore reads the charge's refund objects (embedded in 2017 versions,
/// fetched from `GET /v1/refunds?charge=...` since 2022-11-15) and emits
/// each with its own amount.
struct StripeRefundTranslator: Sendable {
    let client: StripeAPIClient

    /// Every refund of `charge`, read from the payload when the API version embeds them completely.
    func refunds(ofCharge charge: StripeObject, version: StripeAPIVersion) async throws(ConnectorError) -> [StripeObject] {
        let chargeID = try charge.requireID()
        if version.chargeEmbedsRefunds, let list = charge.object("refunds") {
            let embedded = charge.elements("refunds")
            guard list.bool("has_more") == true else { return embedded }
            let lastID = embedded.last?.string("id")
            return embedded + (try await client.listAll("/v1/refunds", query: [("charge", chargeID)], startingAfter: lastID))
        }
        return try await client.listAll("/v1/refunds", query: [("charge", chargeID)])
    }

    /// Translates one refund object; `charge` supplies the payment, invoice and customer that a refund object lacks.
    static func refund(_ refund: StripeObject, charge: StripeObject?) throws(ConnectorError) -> CanonicalRefund {
        let currency = try refund.requireCurrency()
        let statusText = try refund.requireString("status")
        guard let status = CanonicalRefund.Status(rawValue: statusText) else {
            throw refund.invalid("status", value: statusText, expected: "one of pending, succeeded, failed, canceled")
        }
        return CanonicalRefund(
            id: try refund.requireID(),
            paymentID: refund.reference("payment_intent") ?? charge?.reference("payment_intent"),
            chargeID: refund.reference("charge") ?? charge?.string("id"),
            invoiceID: charge?.reference("invoice"),
            customerID: charge?.reference("customer"),
            amount: try refund.requireMoney("amount", currency: currency),
            status: status,
            reason: refund.string("reason"),
            createdAt: try refund.requireDate("created"),
            metadata: refund.metadata()
        )
    }
}
