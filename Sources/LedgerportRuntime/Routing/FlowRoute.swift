import LedgerportSDK
import LedgerportStore

/// A flow as the webhook path needs it: which native events it takes and the versions it pins.
package struct FlowRoute: Sendable, Hashable {
    package let flow: Flow
    /// The native event types the flow takes; the store rejects a flow without any.
    package let nativeEventTypes: Set<String>
    /// The mapping version active in the flow's environment, pinned on every delivery created now.
    package let mapping: MappingVersionReference
    /// The target connection's connector version, recorded on every delivery.
    package let targetConnectorVersion: SemanticVersion
}
