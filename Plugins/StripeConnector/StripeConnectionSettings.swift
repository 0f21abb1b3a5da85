import LedgerportSDK

/// A Stripe connection's configuration, validated.
///
/// Fields (secret fields are held as ``Secret``):
/// - `api_key` (secret, required): a secret or restricted key, `sk_live_`,
///   `sk_test_`, `rk_live_` or `rk_test_`.
/// - `webhook_signing_secret` (secret list): the endpoint's `whsec_`
///   secrets, newest first; two during a roll.
/// - `api_base_url` (default `https://api.stripe.com`): `https`, or `http`
///   on a loopback address for a local test server.
/// - `api_version` (default `2024-06-20`): the API version pinned on
///   every request; one of ``StripeAPIVersion``.
/// - `webhook_tolerance_seconds` (default 300): the accepted distance
///   between a signature's time and now.
/// - `requests_per_second`: the API rate; by default 100 for live keys and
///   25 for test keys, Stripe's documented limits.
struct StripeConnectionSettings: Sendable {
    let apiKey: Secret
    let webhookSecrets: [Secret]
    let baseURL: String
    let apiVersion: StripeAPIVersion
    let toleranceSeconds: Int64
    let requestsPerSecond: Double
    /// Whether the API key is a live-mode key.
    let isLiveMode: Bool

    static let defaultBaseURL = "https://api.stripe.com"
    static let defaultToleranceSeconds: Int64 = 300
    static let liveRequestsPerSecond = 100.0
    static let testRequestsPerSecond = 25.0

    init(_ configuration: ConnectorConfiguration) throws(ConnectorError) {
        apiKey = try configuration.requireSecret("api_key", connector: StripeConnector.id)
        webhookSecrets = configuration.secretList("webhook_signing_secret").filter { !$0.isEmpty }
        isLiveMode = try Self.keyMode(apiKey)
        baseURL = try Self.validatedBaseURL(configuration.string("api_base_url") ?? Self.defaultBaseURL)
        apiVersion = try StripeAPIVersion.parse(configuration.string("api_version") ?? StripeAPIVersion.v2024_06_20.rawValue, eventID: nil)

        let tolerance = configuration.integer("webhook_tolerance_seconds") ?? Int(Self.defaultToleranceSeconds)
        guard (1...86_400).contains(tolerance) else {
            throw Self.invalid("webhook_tolerance_seconds", "\(tolerance)", "a number of seconds from 1 to 86400")
        }
        toleranceSeconds = Int64(tolerance)

        let rate = configuration.integer("requests_per_second")
        if let rate, !(1...1000).contains(rate) {
            throw Self.invalid("requests_per_second", "\(rate)", "a rate from 1 to 1000")
        }
        requestsPerSecond = rate.map(Double.init) ?? (isLiveMode ? Self.liveRequestsPerSecond : Self.testRequestsPerSecond)
    }

    /// Returns whether the key is live (true) or test (false), from its prefix.
    private static func keyMode(_ key: Secret) throws(ConnectorError) -> Bool {
        let text = key.revealText()
        for prefix in ["sk_live_", "rk_live_"] where text.hasPrefix(prefix) {
            return true
        }
        for prefix in ["sk_test_", "rk_test_"] where text.hasPrefix(prefix) {
            return false
        }
        throw ConnectorError.configuration(
            "invalid_configuration", "configure stripe connection: secret \"api_key\" is not a Stripe secret or restricted key",
            hint: "store a key that starts with sk_live_, sk_test_, rk_live_ or rk_test_"
        )
    }

    private static func validatedBaseURL(_ text: String) throws(ConnectorError) -> String {
        let url = text.hasSuffix("/") ? String(text.dropLast()) : text
        if url.hasPrefix("https://") {
            return url
        }
        let loopbackPrefixes = ["http://127.0.0.1", "http://localhost", "http://[::1]"]
        guard loopbackPrefixes.contains(where: { url.hasPrefix($0) }) else {
            throw invalid("api_base_url", url, "an https URL, or an http URL on a loopback address for a test server")
        }
        return url
    }

    private static func invalid(_ field: String, _ value: String, _ expected: String) -> ConnectorError {
        ConnectorError.configuration(
            "invalid_configuration", "configure stripe connection: field \"\(field)\" = \"\(value)\" is invalid",
            hint: "set \"\(field)\" to \(expected)"
        )
    }
}
