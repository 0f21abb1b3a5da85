import Foundation
import LedgerportSDK

/// A request to deliver, through a flow, the events its source connection stored before the flow took them.
///
/// Events are stored whether or not a flow takes them: they arrive before the
/// flow exists, while it is paused, or before its mapping is active. This
/// request gives each such event its delivery, so nothing acknowledged to the
/// sender stays undelivered.
package struct StoredEventDelivery: Sendable, Hashable {
    /// The flow whose source connection and native event types select the events.
    package var flow: FlowID
    /// Only events received at or after this time.
    package var since: Date
    /// The mapping version the new deliveries run under: the one active in the flow's environment.
    package var mapping: MappingVersionReference
    /// The target connector version the new deliveries were planned for.
    package var connectorVersion: SemanticVersion
    /// When true, counts the events and creates nothing.
    package var dryRun: Bool

    package init(flow: FlowID, since: Date, mapping: MappingVersionReference, connectorVersion: SemanticVersion, dryRun: Bool) {
        self.flow = flow
        self.since = since
        self.mapping = mapping
        self.connectorVersion = connectorVersion
        self.dryRun = dryRun
    }
}

/// The counts a ``StoredEventDelivery`` found among the selected events.
package struct StoredEventDeliveryCount: Sendable, Hashable {
    /// Events that got a delivery, or would get one in a dry run.
    package var delivered: Int
    /// Events that already had a delivery through the flow, left as they are.
    package var alreadyDelivered: Int
    /// Events whose payload the retention setting removed, which cannot be delivered.
    package var withoutPayload: Int

    package init(delivered: Int, alreadyDelivered: Int, withoutPayload: Int) {
        self.delivered = delivered
        self.alreadyDelivered = alreadyDelivered
        self.withoutPayload = withoutPayload
    }
}
