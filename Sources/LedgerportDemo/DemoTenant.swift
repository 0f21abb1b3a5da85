import LedgerportSDK
import LedgerportStore

/// The tenant the demo provisions, with its connections and the webhook URL path Stripe posts to.
package struct DemoTenant: Sendable {
    package let tenant: Tenant
    package let environment: EnvironmentName
    package let stripeConnection: ConnectionID
    package let odooConnection: ConnectionID
    /// The Stripe endpoint's signing secret, which the demo's sender signs with.
    package let webhookSecret: Secret
    /// The flows created, one per default Stripe mapping.
    package let flows: [Flow]
    /// The change requests that activated each mapping, with their approvals.
    package let changeRequests: [ChangeRequest]

    /// The path of the Stripe connection's webhook endpoint.
    package var webhookPath: String {
        "/webhooks/\(tenant.slug)/\(environment)/\(stripeConnection)"
    }
}
