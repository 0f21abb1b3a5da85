import Foundation

/// Parked deliveries and what operators do with them.
package protocol DeadLetterStore: Sendable {
    /// Lists a tenant's dead letters matching `filter` in id order after `afterID`, at most `limit`.
    func deadLetters(tenant: TenantID, filter: DeadLetterFilter, after afterID: DeadLetterID?, limit: Int) async throws -> [DeadLetter]

    /// Reads one dead letter. - Throws: ``StoreError`` `not_found`, also for another tenant's.
    func deadLetter(_ id: DeadLetterID, tenant: TenantID) async throws -> DeadLetter

    /// Puts a parked delivery back in the queue, optionally under another mapping version, and audits it as `dead_letter.replayed`.
    ///
    /// The dead letter becomes `replayed`; the delivery becomes `pending` at
    /// `notBefore` with its attempt count reset (its attempts stay recorded).
    /// - Throws: ``StoreError`` `conflict` when the dead letter is not `parked`.
    func replayDeadLetter(_ id: DeadLetterID, notBefore: Date, mapping: MappingVersionReference?, tenant: TenantID, actor: String)
        async throws -> Delivery

    /// Closes a parked dead letter without replaying it, and audits it as `dead_letter.<status>`.
    ///
    /// `status` is `resolved` (fixed by other means) or `discarded` (dropped
    /// on purpose); a discarded dead letter's delivery becomes `discarded` too.
    /// - Throws: ``StoreError`` `invalid_input` for status `parked` or
    ///   `replayed`, or a blank reason; `conflict` when the dead letter is not `parked`.
    func closeDeadLetter(_ id: DeadLetterID, as status: DeadLetterStatus, reason: String, tenant: TenantID, actor: String)
        async throws -> DeadLetter
}
