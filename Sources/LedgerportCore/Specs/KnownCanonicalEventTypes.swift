import LedgerportSDK

/// The canonical event types a spec's event types may map to.
///
/// NOTE: this repeats the constants declared on `CanonicalEventType` in the SDK,
/// because Swift cannot enumerate static properties. Add a type here when one is added there.
package enum KnownCanonicalEventTypes {
    package static let all: Set<CanonicalEventType> = [
        .customerCreated, .customerUpdated, .customerDeleted,
        .productCreated, .productUpdated,
        .dealClosedWon, .dealUpdated,
        .subscriptionCreated, .subscriptionUpdated, .subscriptionCanceled,
        .invoiceCreated, .invoiceFinalized, .invoicePaid, .invoicePaymentFailed, .invoiceVoided, .invoiceMarkedUncollectible,
        .paymentSucceeded, .paymentFailed,
        .refundCreated,
        .creditNoteCreated, .creditNoteVoided,
    ]
}
