import LedgerportSDK

/// A HubSpot connection's configuration, validated.
///
/// Fields (secret fields are held as ``Secret``):
/// - `client_secrets` (secret list, required for webhooks): the app's client
///   secret, newest first; two while it is rotated.
/// - `access_token` (secret, required): a private app or OAuth access token for the CRM API.
/// - `webhook_base_url` (required): the scheme and host HubSpot calls, such as
///   `https://connector.example.com`. Signatures cover the full URI, while the
///   request the server receives has only the path.
/// - `api_base_url` (default `https://api.hubapi.com`): `https`, or `http` on loopback for tests.
/// - `default_currency` (required): the currency of deals without `deal_currency_code`.
/// - `closed_won_stages` (default `["closedwon"]`): the stage ids that mean won, per pipeline.
/// - `allow_legacy_signatures` (default false): accept v1 and v2 signatures on
///   requests without a v3 one. They carry no timestamp, so a captured request
///   can be replayed; enable only for apps that send no v3 signature.
struct HubSpotConnectionSettings: Sendable {
    let clientSecrets: [Secret]
    let accessToken: Secret
    let webhookBaseURL: String
    let apiBaseURL: String
    let defaultCurrency: CurrencyCode
    let closedWonStages: Set<String>
    let allowLegacySignatures: Bool

    init(_ configuration: ConnectorConfiguration) throws(ConnectorError) {
        clientSecrets = configuration.secretList("client_secrets").filter { !$0.isEmpty }
        accessToken = try configuration.requireSecret("access_token", connector: HubSpotConnector.id)
        let webhookBase = try configuration.requireString("webhook_base_url", connector: HubSpotConnector.id)
        webhookBaseURL = webhookBase.hasSuffix("/") ? String(webhookBase.dropLast()) : webhookBase
        apiBaseURL = try Self.validatedAPIBaseURL(configuration.string("api_base_url") ?? "https://api.hubapi.com")

        let currencyText = try configuration.requireString("default_currency", connector: HubSpotConnector.id)
        guard let currency = CurrencyCode(currencyText) else {
            throw Self.invalid("default_currency", currencyText, "a three-letter ISO 4217 code such as \"EUR\"")
        }
        defaultCurrency = currency

        let stages = configuration.values["closed_won_stages"]?.arrayValue?.compactMap(\.stringValue) ?? ["closedwon"]
        guard !stages.isEmpty else {
            throw Self.invalid("closed_won_stages", "[]", "a list of at least one stage id such as [\"closedwon\"]")
        }
        closedWonStages = Set(stages)
        allowLegacySignatures = configuration.boolean("allow_legacy_signatures") ?? false
    }

    private static func validatedAPIBaseURL(_ text: String) throws(ConnectorError) -> String {
        let url = text.hasSuffix("/") ? String(text.dropLast()) : text
        let loopback = ["http://127.0.0.1", "http://localhost", "http://[::1]"]
        guard url.hasPrefix("https://") || loopback.contains(where: { url.hasPrefix($0) }) else {
            throw invalid("api_base_url", url, "an https URL, or an http URL on a loopback address for a test server")
        }
        return url
    }

    private static func invalid(_ field: String, _ value: String, _ expected: String) -> ConnectorError {
        ConnectorError.configuration(
            "invalid_configuration", "configure hubspot connection: field \"\(field)\" = \"\(value)\" is invalid",
            hint: "set \"\(field)\" to \(expected)"
        )
    }
}
