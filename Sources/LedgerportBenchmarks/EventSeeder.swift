import Foundation
import LedgerportDemo
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore

/// Stores copies of a Stripe event with their deliveries, as the webhook path would, but without HTTP.
///
/// Each copy is verified by the tenant's Stripe connector (which gives its
/// ordering key and version) and gets one pending delivery per flow that
/// routes its event type, pinned to the flow's active mapping version. It
/// is the setup of the delivery and replay scenarios, which measure what
/// happens to deliveries after ingest, so it need not be fast or go
/// through the HTTP server.
struct EventSeeder {
    /// The runtime whose store, connectors and router the seeding uses.
    let runtime: Runtime
    /// The tenant whose Stripe connection receives the events.
    let tenant: DemoTenant
    /// The recording the events are copied from.
    let factory: StripeEventFactory

    /// Stores copies `numbers` in transactions of `chunk` events, several transactions at a time; returns the deliveries created.
    func seed(_ numbers: Range<Int>, chunk: Int = 250) async throws -> Int {
        let (connection, source) = try await runtime.connectors.source(tenant: tenant.tenant.id, connection: tenant.stripeConnection)
        let chunks = stride(from: numbers.lowerBound, to: numbers.upperBound, by: chunk).map { $0..<min($0 + chunk, numbers.upperBound) }
        var created = 0
        for wave in stride(from: 0, to: chunks.count, by: 8).map({ chunks[$0..<min($0 + 8, chunks.count)] }) {
            created += try await withThrowingTaskGroup(of: Int.self) { group in
                for range in wave {
                    let events = try range.map { try newEvent(number: $0, connection: connection, source: source) }
                    group.addTask { [runtime, tenant] in
                        let outcomes = try await runtime.store.insertEvents(events, tenant: tenant.tenant.id)
                        return outcomes.reduce(0) { total, outcome in
                            if case .stored(_, let deliveries) = outcome { total + deliveries.count } else { total }
                        }
                    }
                }
                return try await group.reduce(0, +)
            }
        }
        return created
    }

    private func newEvent(number: Int, connection: Connection, source: any SourceConnector) throws -> NewEvent {
        let now = runtime.clock.now()
        let body = factory.body(number: number)
        let timestamp = Int64(now.timeIntervalSince1970)
        let signature = StripeEventFactory.signature(body: body, timestamp: timestamp, secret: tenant.webhookSecret)
        let request = WebhookRequest(
            method: "POST", path: tenant.webhookPath, headers: ["Stripe-Signature": signature], body: body, receivedAt: now
        )
        guard let received = try source.verifyWebhook(request).events.first else {
            throw BenchError("seed event \(number): the Stripe connector returned no event for the copy")
        }
        let orderingKey = received.orderingKey ?? "event:\(received.eventID)"
        let routes = runtime.router.routes(tenant: tenant.tenant.id, sourceConnection: connection.id, eventType: received.eventType)
        let deliveries = routes.map { route in
            NewDelivery(
                flowID: route.flowID, orderingKey: orderingKey, orderingVersion: received.orderingVersion ?? 0, notBefore: now,
                mapping: route.mapping, connectorVersion: route.targetConnectorVersion
            )
        }
        return NewEvent(
            connectionID: connection.id, sourceEventID: received.eventID, eventType: received.eventType, receivedAt: now,
            correlationID: "bench-\(number)", body: received.payload, orderingKey: orderingKey, deliveries: deliveries
        )
    }
}
