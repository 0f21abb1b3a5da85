import Foundation
import LedgerportSDK

/// A HubSpot connection's configuration, validated.
///
/// Fields (secret fields are held as ``Secret``):
/// - `client_secret` (secret list, required for webhooks): the app's client
///   secret, newest first; two while it is rotated.
/// - `access_token` (secret, required): a private app or OAuth access token for the CRM API.
/// - `webhook_url` (required): the public URL HubSpot posts to, exactly as
///   entered in the app's webhook settings, query included. The v3 signature
///   covers this URI, while the request the server receives has only the path.
/// - `portal_id` (required): the HubSpot account id; a batch with an event of
///   another portal is rejected.
/// - `api_base_url` (default `https://api.hubapi.com`): `https`, or `http` on loopback for tests.
/// - `default_currency`: the currency of deals without `deal_currency_code`;
///   such a deal is a business error when it is not set.
/// - `closed_won_stages` (default `closedwon`): the stage ids that mean won, separated by commas.
/// - `allow_legacy_signatures` (default false): accept v1 and v2 signatures on
///   requests without a v3 one. They carry no timestamp, so a captured request
///   can be replayed; enable only for apps that send no v3 signature.
struct HubSpotConnectionSettings: Sendable {
    let clientSecrets: [Secret]
    let accessToken: Secret
    let webhookURL: String
    let portalID: Int64
    let apiBaseURL: String
    let defaultCurrency: CurrencyCode?
    let closedWonStages: Set<String>
    let allowLegacySignatures: Bool

    init(_ configuration: ConnectorConfiguration) throws(ConnectorError) {
        clientSecrets = configuration.secretList("client_secret").filter { !$0.isEmpty }
        accessToken = try configuration.requireSecret("access_token", connector: HubSpotConnector.id)
        webhookURL = try configuration.requireString("webhook_url", connector: HubSpotConnector.id)
        guard let portal = configuration.values["portal_id"]?.int64Value else {
            throw Self.invalid("portal_id", configuration.values["portal_id"]?.description ?? "missing", "the HubSpot account id, a whole number")
        }
        portalID = portal
        apiBaseURL = try Self.validatedAPIBaseURL(configuration.string("api_base_url") ?? "https://api.hubapi.com")

        if let currencyText = configuration.string("default_currency") {
            guard let currency = CurrencyCode(currencyText) else {
                throw Self.invalid("default_currency", currencyText, "a three-letter ISO 4217 code such as \"EUR\"")
            }
            defaultCurrency = currency
        } else {
            defaultCurrency = nil
        }

        let stagesText = configuration.string("closed_won_stages") ?? "closedwon"
        let stages = stagesText.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !stages.isEmpty else {
            throw Self.invalid("closed_won_stages", stagesText, "stage ids separated by commas, such as \"closedwon\"")
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
