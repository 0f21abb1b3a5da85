import LedgerportCore
import LedgerportSDK
import LedgerportStore

extension ConnectorSpec {
    /// Returns the native event types of this source whose canonical types overlap `canonicalTypes`, sorted by name.
    ///
    /// A flow takes exactly these for its mapping: a Stripe invoice mapping gets
    /// the `invoice.*` webhooks and not the customer ones.
    package func nativeEventTypes(handling canonicalTypes: Set<CanonicalEventType>) -> [String] {
        eventTypes.filter { !Set($0.canonicalEventTypes).isDisjoint(with: canonicalTypes) }.map(\.name).sorted()
    }
}

extension ConnectorHost {
    /// Returns the native event types that `connection` emits for a mapping of `canonicalTypes`, or nil when it is not a source connection of this build.
    package func nativeEventTypes(of connection: Connection, handling canonicalTypes: Set<CanonicalEventType>) -> [String]? {
        guard let spec = connectorSpec(of: connection), spec.kind == .source else {
            return nil
        }
        return spec.nativeEventTypes(handling: canonicalTypes)
    }
}
