/// The runtime's metric names, declared once with their help text.
///
/// Series are labelled by `tenant` (the tenant's slug) and `flow`, and for
/// rejections by `connection` and `reason`, so an operator can see one
/// tenant's month-end burst apart from the others.
enum RuntimeMetrics {
    static let eventsReceived = "ledgerport_events_received_total"
    static let eventsDuplicate = "ledgerport_events_duplicate_total"
    static let eventsWithoutFlow = "ledgerport_events_without_flow_total"
    static let requestsRejected = "ledgerport_webhook_requests_rejected_total"
    static let deliveriesDelivered = "ledgerport_deliveries_delivered_total"
    static let deliveriesRetried = "ledgerport_deliveries_retried_total"
    static let deliveriesParked = "ledgerport_deliveries_parked_total"
    static let deliveriesSkippedStale = "ledgerport_deliveries_skipped_stale_total"
    static let targetOperations = "ledgerport_target_operations_total"
    static let targetRequests = "ledgerport_target_requests_total"
    static let ingestSeconds = "ledgerport_ingest_acknowledge_seconds"
    static let deliverySeconds = "ledgerport_delivery_latency_seconds"
    static let deliveriesInFlight = "ledgerport_deliveries_in_flight"

    /// Declares every metric above in `registry`.
    static func declare(in registry: MetricsRegistry) {
        registry.declare(eventsReceived, kind: .counter, help: "Webhook events stored for the first time.")
        registry.declare(eventsDuplicate, kind: .counter, help: "Webhook events received again and not stored twice.")
        registry.declare(
            eventsWithoutFlow, kind: .counter,
            help: "Webhook events stored with no delivery, since no active flow takes their type, by tenant, connection and event_type.")
        registry.declare(requestsRejected, kind: .counter, help: "Webhook requests rejected before anything was stored, by reason.")
        registry.declare(deliveriesDelivered, kind: .counter, help: "Deliveries whose operations the target applied.")
        registry.declare(deliveriesRetried, kind: .counter, help: "Delivery attempts that failed transiently and were scheduled again.")
        registry.declare(deliveriesParked, kind: .counter, help: "Deliveries parked as dead letters, by reason.")
        registry.declare(deliveriesSkippedStale, kind: .counter, help: "Canonical events skipped because a newer state of the object was already applied.")
        registry.declare(targetOperations, kind: .counter, help: "Operations applied in targets, by tenant, model and effect.")
        registry.declare(targetRequests, kind: .counter, help: "Batches of operations sent to a target connection, each one request of its budget.")
        registry.declare(ingestSeconds, kind: .histogram, help: "Time from a webhook request's arrival to its acknowledgement, in seconds.")
        registry.declare(deliverySeconds, kind: .histogram, help: "Time from an event's receipt to its delivery, in seconds.")
        registry.declare(deliveriesInFlight, kind: .gauge, help: "Deliveries being applied right now.")
    }
}
