import LedgerportSDK

/// The Stripe API versions this connector reads, and what differs between them.
///
/// A Stripe event is rendered in the API version of the webhook endpoint (its
/// `api_version` field), so the same event type has different shapes.
/// Supported:
/// - `2017-08-15`, the version localstripe 1.15.10 emits. Charges embed
///   their `refunds` list and payment intents embed `charges`.
/// - `2024-06-20`. Since 2022-11-15 a charge no longer embeds its refunds
///   and a payment intent has `latest_charge` instead of `charges`
///   (docs.stripe.com/changelog/2022-11-15), so the connector fetches
///   refunds from `/v1/refunds?charge=...`. Invoice lines carry `price`,
///   `discount_amounts` and `tax_amounts` with an `inclusive` flag.
///
/// Later versions (2025-03-31 "basil" and after) moved invoice line fields
/// under `parent` and `pricing`, and older ones lack fields read here. Both
/// are rejected by name rather than misread.
enum StripeAPIVersion: String, CaseIterable, Sendable {
    case v2017_08_15 = "2017-08-15"
    case v2024_06_20 = "2024-06-20"

    /// The supported versions as a readable list, for error messages.
    static var supportedList: String {
        allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
    }

    /// Whether a charge object lists its refunds inline (`refunds.data`).
    var chargeEmbedsRefunds: Bool {
        self == .v2017_08_15
    }

    /// Whether a payment intent lists its charges inline (`charges.data`).
    var paymentIntentEmbedsCharges: Bool {
        self == .v2017_08_15
    }

    /// The version named `text`, throwing a configuration error that names it and the supported ones.
    static func parse(_ text: String, eventID: String?) throws(ConnectorError) -> StripeAPIVersion {
        guard let version = StripeAPIVersion(rawValue: text) else {
            let subject = eventID.map { "read Stripe event \"\($0)\"" } ?? "configure Stripe connection"
            throw ConnectorError(
                .configuration, code: "stripe_unsupported_api_version",
                message: "\(subject): API version \"\(text)\" is not supported; supported versions are \(supportedList)",
                hint: "set the webhook endpoint's API version (or the connection's \"api_version\") to a supported version"
            )
        }
        return version
    }
}
