import LedgerportSDK

/// The canonical event types a spec's event types may map to: the SDK's vocabulary.
package enum KnownCanonicalEventTypes {
    package static let all = Set(CanonicalEventType.allKnown)
}
