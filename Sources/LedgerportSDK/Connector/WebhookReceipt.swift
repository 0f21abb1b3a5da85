/// What a verified webhook request contains: one or more native events.
public struct WebhookReceipt: Sendable, Hashable {
    public var events: [ReceivedEvent]

    public init(events: [ReceivedEvent]) {
        self.events = events
    }
}

/// One native event inside a verified webhook request, ready to store.
public struct ReceivedEvent: Sendable, Hashable {
    /// The source's event id, the deduplication key (Stripe's `evt_...`).
    public var eventID: String
    /// The native event type, such as `invoice.paid`.
    public var eventType: String
    /// The bytes to store for this event: the whole body for single-event
    /// webhooks, or this event's element for batched ones (HubSpot).
    public var payload: [UInt8]
    /// The business object the event changes, such as `invoice:in_123`, when the
    /// connector can tell cheaply at ingest. Deliveries with the same key are
    /// applied one after another; nil lets the runtime order the event on its
    /// own (by its event id), with no ordering against others. Put objects whose
    /// changes depend on each other under one key (an invoice's payments and
    /// refunds under the invoice), and give ``orderingVersion`` so that the
    /// order is the source's, not the network's.
    public var orderingKey: String?
    /// When the event happened at the source, in milliseconds since 1970, when the connector can tell cheaply.
    /// Deliveries of one ordering key run in this order first and in arrival order second, so an
    /// event that arrives late but happened first (an invoice after its payment) runs first.
    public var orderingVersion: Int64?

    public init(eventID: String, eventType: String, payload: [UInt8], orderingKey: String? = nil, orderingVersion: Int64? = nil) {
        self.eventID = eventID
        self.eventType = eventType
        self.payload = payload
        self.orderingKey = orderingKey
        self.orderingVersion = orderingVersion
    }
}
