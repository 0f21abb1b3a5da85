import LedgerportSDK
import LedgerportStore

/// A flow as the webhook path needs it: the flow's id and the versions it pins on every delivery.
///
/// The router keeps the routes of every tenant in memory, so a route
/// carries ids, not the whole ``Flow``; ``FlowRouter/flow(_:tenant:)``
/// returns the flow itself.
package struct FlowRoute: Sendable, Hashable {
    package let flowID: FlowID
    /// The mapping version active in the flow's environment, pinned on every delivery created now.
    package let mapping: MappingVersionReference
    /// The target connection's connector version, recorded on every delivery.
    package let targetConnectorVersion: SemanticVersion
}
