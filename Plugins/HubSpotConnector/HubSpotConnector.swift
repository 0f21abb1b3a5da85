import Foundation
import LedgerportSDK

/// The HubSpot source: signed, batched webhooks and closed-won deals.
///
/// ``verifyWebhook(_:)`` checks the v3 signature (or v1/v2 when allowed, see
/// ``HubSpotConnectionSettings``) and splits the batch into one event per
/// element. ``translate(_:)`` fetches the changed deal, company, contact or
/// line item's deal and reports it (see ``HubSpotEventRouter``). A deal that
/// is won becomes `deal.closed_won` with its company, contacts and line
/// items. ``backfill(_:)`` lists deals.
package struct HubSpotConnector: SourceConnector {
    package static let id = "hubspot"
    package static let version = SemanticVersion(major: 1, minor: 0, patch: 0)

    let settings: HubSpotConnectionSettings
    let context: ConnectorContext
    let client: HubSpotCRMClient

    package init(configuration: ConnectorConfiguration, context: ConnectorContext) throws(ConnectorError) {
        let settings = try HubSpotConnectionSettings(configuration)
        self.settings = settings
        self.context = context
        self.client = HubSpotCRMClient(baseURL: settings.apiBaseURL, accessToken: settings.accessToken, transport: context.http)
    }

    package func checkConnection() async throws(ConnectorError) -> String {
        _ = try await client.deals(after: nil, limit: 1)
        return "HubSpot CRM API at \(settings.apiBaseURL)"
    }

    package func verifyWebhook(_ request: WebhookRequest) throws(WebhookRejection) -> WebhookReceipt {
        let verifier = HubSpotSignatureVerifier(secrets: settings.clientSecrets, allowLegacy: settings.allowLegacySignatures)
        try verifier.verify(method: request.method, uri: settings.webhookURL, headers: request.headers, body: request.body, now: context.clock.now())
        return WebhookReceipt(events: try HubSpotWebhookBatch.events(in: request.body, portalID: settings.portalID))
    }

    package func translate(_ event: NativeEvent) async throws(ConnectorError) -> [CanonicalEvent] {
        let objectEvent: HubSpotObjectEvent
        do {
            objectEvent = try HubSpotObjectEvent(payload: event.payload)
        } catch {
            throw ConnectorError.system("hubspot_invalid_payload", "read HubSpot event \"\(event.eventID)\": \(error.description)", hint: "replay the event once the payload or the connector is fixed")
        }
        return try await HubSpotEventRouter(client: client, settings: settings, logger: context.logger).translate(objectEvent, eventID: event.eventID)
    }

    package func backfill(_ request: BackfillRequest) async throws(ConnectorError) -> BackfillPage {
        guard request.object == "deal" else {
            throw ConnectorError.configuration("hubspot_unknown_backfill_object", "backfill HubSpot \"\(request.object)\": only \"deal\" can be listed", hint: "use the object \"deal\"")
        }
        let page = try await client.deals(after: request.cursor, limit: request.pageSize)
        let translator = HubSpotDealTranslator(client: client, settings: settings)
        let now = context.clock.now()
        let milliseconds = Int64((now.timeIntervalSince1970 * 1000).rounded(.down))
        var events = [CanonicalEvent]()
        for json in page["results"]?.arrayValue ?? [] {
            let deal = try await translator.deal(from: json)
            events.append(CanonicalEvent(
                id: request.eventID(for: deal.id, listedAt: now), type: deal.isClosedWon ? .dealClosedWon : .dealUpdated, occurredAt: now,
                source: EventSource(connector: Self.id, connectorVersion: Self.version.description, nativeType: "deal.listed"),
                ordering: EventOrdering(key: "deal:\(deal.id)", version: milliseconds), object: .deal(deal)
            ))
        }
        return BackfillPage(events: events, nextCursor: page["paging"]?["next"]?["after"]?.stringValue)
    }
}
