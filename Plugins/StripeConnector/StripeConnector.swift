import Foundation
import LedgerportSDK

/// The Stripe source: verified webhooks, canonical events and backfills.
///
/// One instance serves one connection (see ``StripeConnectionSettings`` for
/// its configuration). ``verifyWebhook(_:)`` checks the `Stripe-Signature`
/// header and reads the event's id, type and API version without parsing
/// the body. ``translate(_:)`` reads a stored event in its API version and
/// may call the Stripe API (remaining invoice lines, a charge's refunds).
/// ``backfill(_:)`` lists customers, subscriptions, invoices, charges and
/// refunds. Every API call shares one token bucket per instance and retries
/// rate limits and server errors with backoff.
package struct StripeConnector: SourceConnector {
    package static let id = "stripe"
    package static let version = SemanticVersion(major: 1, minor: 0, patch: 0)

    let settings: StripeConnectionSettings
    let context: ConnectorContext
    let client: StripeAPIClient
    private let verifier: StripeSignatureVerifier

    package init(configuration: ConnectorConfiguration, context: ConnectorContext) throws(ConnectorError) {
        try self.init(configuration: configuration, context: context, jitter: SystemJitter())
    }

    /// Creates a connector whose retry delays take their random part from `jitter`, so tests can assert them.
    package init(configuration: ConnectorConfiguration, context: ConnectorContext, jitter: some JitterSource) throws(ConnectorError) {
        let settings = try StripeConnectionSettings(configuration)
        self.settings = settings
        self.context = context
        self.verifier = StripeSignatureVerifier(secrets: settings.webhookSecrets, toleranceSeconds: settings.toleranceSeconds)
        self.client = StripeAPIClient(
            baseURL: settings.baseURL, apiKey: settings.apiKey, apiVersion: settings.apiVersion,
            transport: context.http, clock: context.clock,
            rateLimiter: TokenBucket(ratePerSecond: settings.requestsPerSecond, clock: context.clock),
            backoff: RetryBackoff(jitter: jitter), logger: context.logger
        )
    }

    package func checkConnection() async throws(ConnectorError) -> String {
        _ = try await client.listPage("/v1/customers", limit: 1)
        let mode = settings.isLiveMode ? "live" : "test"
        return "Stripe API at \(settings.baseURL), version \(settings.apiVersion.rawValue), \(mode) mode"
    }

    package func verifyWebhook(_ request: WebhookRequest) throws(WebhookRejection) -> WebhookReceipt {
        try verifier.verify(header: request.headers[StripeSignatureHeader.fieldName], body: request.body, now: context.clock.now())

        guard let envelope = StripeEventEnvelope.scan(request.body) else {
            throw StripeEventEnvelope.malformedPayload(request.body)
        }
        if let version = envelope.apiVersion, StripeAPIVersion(rawValue: version) == nil {
            throw WebhookRejection(
                .unsupportedAPIVersion,
                "event \"\(envelope.id)\" has API version \"\(version)\", which this connector cannot read; supported versions are \(StripeAPIVersion.supportedList); set the webhook endpoint's API version to one of them",
                httpStatus: 400
            )
        }
        // An invoice's payments, refunds and credit notes share its key and run in the order Stripe created
        // the events, so a refund never reaches Odoo before the payment it returns.
        return WebhookReceipt(events: [
            ReceivedEvent(
                eventID: envelope.id, eventType: envelope.type, payload: request.body, orderingKey: envelope.objectKey,
                orderingVersion: envelope.createdSeconds.map { $0 * 1000 }
            )
        ])
    }

    package func translate(_ event: NativeEvent) async throws(ConnectorError) -> [CanonicalEvent] {
        let stripeEvent = try StripeEvent(payload: event.payload, fallbackVersion: settings.apiVersion)
        return try await StripeEventRouter(client: client, logger: context.logger).translate(stripeEvent)
    }

    package func backfill(_ request: BackfillRequest) async throws(ConnectorError) -> BackfillPage {
        try await StripeBackfill(client: client, clock: context.clock).page(request)
    }
}
