import LedgerportSDK

/// The classification of failed Stripe API responses, kept as one table.
enum StripeAPIError {
    /// Returns whether a response with `status` is worth retrying: 429 (rate limited) and 5xx.
    ///
    /// Stripe's `Stripe-Should-Retry` header, when present, overrides this.
    static func isRetryable(status: Int, headers: HTTPHeaders) -> Bool {
        if let advice = headers["Stripe-Should-Retry"] {
            return advice == "true"
        }
        return status == 429 || (500...599).contains(status)
    }

    /// Makes the error for a final non-2xx response to `operation` (such as `GET /v1/invoices`).
    static func error(operation: String, response: HTTPResponse) -> ConnectorError {
        let stripeMessage = (try? JSONParser.parse(response.body))?["error"]?["message"]?.stringValue
        let (failureClass, code, hint) = classification(status: response.status)
        var error = ConnectorError(
            failureClass, code: code,
            message: "Stripe \(operation): HTTP \(response.status)",
            hint: hint, targetMessage: stripeMessage ?? String(response.bodyText.prefix(200))
        )
        if let retryAfter = response.headers["Retry-After"].flatMap({ Int($0) }) {
            error.retryAfterSeconds = retryAfter
        }
        return error
    }

    private static func classification(status: Int) -> (FailureClass, String, String?) {
        switch status {
        case 401:
            (.configuration, "stripe_authentication_failed", "check the connection's \"api_key\" secret (sk_live_ or sk_test_, or a restricted rk_ key)")
        case 403:
            (.configuration, "stripe_permission_denied", "grant the restricted API key read access to this resource")
        case 402:
            (.business, "stripe_request_failed", nil)
        case 404:
            (.system, "stripe_not_found", "check that the object exists in this Stripe account and mode (live or test)")
        case 429:
            (.transient, "stripe_rate_limited", "lower \"requests_per_second\" or spread backfills over time")
        case 500...599:
            (.transient, "stripe_server_error", nil)
        default:
            (.system, "stripe_invalid_request", "this is a connector bug or an unsupported API version; report it with the target message")
        }
    }

    /// Makes the error for a request that got no response at all.
    static func error(operation: String, transport: HTTPTransportError) -> ConnectorError {
        ConnectorError(
            transport.failureClass, code: "stripe_unreachable",
            message: "Stripe \(operation): \(transport)",
            hint: transport.failureClass == .configuration ? "check the connection's \"api_base_url\"" : nil
        )
    }
}
