import Foundation
import LedgerportLog
import LedgerportMapping
import LedgerportSDK
import StripeConnector

/// Translates Stripe webhook bodies for dry runs with the Stripe connector's own translation, offline.
///
/// The connector is created with a placeholder test key and a transport that
/// sends nothing, so a dry run never calls Stripe. A payload whose translation
/// needs the API (an invoice with more lines than its first page, a charge's
/// refund list) fails with a message saying so, instead of guessing.
struct StripeDryRunTranslator: NativeEventTranslator {
    var sourceName: String { StripeConnector.id }

    func recognizes(_ document: JSONValue) -> Bool {
        document["object"] == "event" && document["type"]?.stringValue != nil && document["data"]?["object"]?.objectValue != nil
    }

    func translate(_ payload: [UInt8]) async throws -> [CanonicalEvent] {
        let document = try JSONParser.parse(payload)
        // The placeholder only satisfies the key-format check; the offline transport never sends it.
        let configuration = ConnectorConfiguration(values: [:], secrets: ["api_key": [Secret("sk_test_offline_dry_run")]])
        let context = ConnectorContext(
            tenantID: "dry_run", connectionID: "dry_run", environment: "test", http: OfflineTransport(),
            clock: ManualClock(Date(timeIntervalSince1970: 0)), logger: .disabled
        )
        let connector = try StripeConnector(configuration: configuration, context: context)
        let event = NativeEvent(
            eventID: document["id"]?.stringValue ?? "", eventType: document["type"]?.stringValue ?? "", payload: payload,
            receivedAt: Date(timeIntervalSince1970: 0)
        )
        return try await connector.translate(event)
    }
}

/// An HTTP transport for dry runs, which fails every request instead of sending it.
struct OfflineTransport: HTTPTransport {
    func send(_ request: HTTPRequest) async throws(HTTPTransportError) -> HTTPResponse {
        throw .invalidRequest(url: request.url, detail: "a dry run does not call the source's API; translate this event in a running connection instead")
    }
}
