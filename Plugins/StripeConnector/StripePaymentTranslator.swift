import Foundation
import LedgerportSDK

/// Translates Stripe payment intents and charges into ``CanonicalPayment``s.
///
/// A payment's canonical id is its payment intent's id when it has one, so
/// a payment seen first as a `payment_intent.*` webhook and later as a
/// listed charge in a backfill is the same canonical payment.
enum StripePaymentTranslator {
    /// Translates a payment intent into a payment with the status the event reports.
    static func payment(fromIntent intent: StripeObject, status: CanonicalPayment.Status, at time: Date) throws(ConnectorError) -> CanonicalPayment {
        let currency = try intent.requireCurrency()
        let charge = latestCharge(of: intent)
        let error = intent.object("last_payment_error")
        let amountKey = status == .succeeded && intent.integer("amount_received") != nil ? "amount_received" : "amount"
        return CanonicalPayment(
            id: try intent.requireID(),
            invoiceID: intent.reference("invoice") ?? charge?.reference("invoice"),
            customerID: intent.reference("customer"),
            amount: try intent.requireMoney(amountKey, currency: currency),
            status: status,
            method: paymentMethodType(intent: intent, charge: charge),
            chargeID: intent.reference("latest_charge") ?? charge?.string("id"),
            failureCode: error?.string("code") ?? charge?.string("failure_code"),
            failureMessage: error?.string("message") ?? charge?.string("failure_message"),
            createdAt: try intent.requireDate("created"),
            paidAt: status == .succeeded ? time : nil,
            updatedAt: time,
            metadata: intent.metadata()
        )
    }

    /// Translates a charge, as the charges list returns them in a backfill, into a payment.
    static func payment(fromCharge charge: StripeObject, at time: Date) throws(ConnectorError) -> CanonicalPayment {
        let currency = try charge.requireCurrency()
        let chargeID = try charge.requireID()
        let status = try chargeStatus(charge)
        return CanonicalPayment(
            id: charge.reference("payment_intent") ?? chargeID,
            invoiceID: charge.reference("invoice"),
            customerID: charge.reference("customer"),
            amount: try charge.requireMoney("amount", currency: currency),
            status: status,
            method: charge.object("payment_method_details")?.string("type"),
            chargeID: chargeID,
            failureCode: charge.string("failure_code"),
            failureMessage: charge.string("failure_message"),
            createdAt: try charge.requireDate("created"),
            paidAt: status == .succeeded ? charge.date("created") : nil,
            updatedAt: time,
            metadata: charge.metadata()
        )
    }

    private static func chargeStatus(_ charge: StripeObject) throws(ConnectorError) -> CanonicalPayment.Status {
        let text = try charge.requireString("status")
        switch text {
        case "succeeded": return .succeeded
        case "failed": return .failed
        case "pending": return .pending
        default: throw charge.invalid("status", value: text, expected: "one of succeeded, failed, pending")
        }
    }

    /// Returns the intent's latest charge when the payload embeds it: `latest_charge` expanded, or the last of `charges` (2017 versions).
    private static func latestCharge(of intent: StripeObject) -> StripeObject? {
        intent.object("latest_charge") ?? intent.elements("charges").last
    }

    private static func paymentMethodType(intent: StripeObject, charge: StripeObject?) -> String? {
        if let type = charge?.object("payment_method_details")?.string("type") {
            return type
        }
        guard let types = intent.json["payment_method_types"]?.arrayValue, types.count == 1 else { return nil }
        return types[0].stringValue
    }
}
