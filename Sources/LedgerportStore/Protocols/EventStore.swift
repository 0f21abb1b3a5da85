import Foundation

/// Inbound events, deduplicated per tenant, connection and source event id.
package protocol EventStore: Sendable {
    /// Stores the new events of a batch with their deliveries, and reports for each event whether it was new.
    ///
    /// Uses `INSERT … ON CONFLICT DO NOTHING` on the unique key (tenant,
    /// connection, source event id): a duplicate changes nothing, and its
    /// deliveries are not created. A duplicate inside the same batch counts
    /// as a duplicate of the first. The whole batch is one transaction, and
    /// concurrent batches share commits (group commit), so the call returns
    /// once the events are durable: acknowledge the webhooks only then.
    ///
    /// - Returns: one outcome per event, in the order given.
    /// - Throws: ``StoreError`` `invalid_input` for an event with a blank id,
    ///   type or correlation id; `not_found` when a connection is not the tenant's.
    ///   Nothing of the batch is stored then.
    func insertEvents(_ events: [NewEvent], tenant: TenantID) async throws -> [IngestOutcome]

    /// Stores events as ``insertEvents(_:tenant:)`` does, without suspending, and hands the outcome to `completion` after the commit.
    ///
    /// `completion` may run on a thread of the store's own and must not
    /// block: a store may run it between one group commit and the next. The
    /// default implementation awaits ``insertEvents(_:tenant:)`` in a task.
    func insertEvents(
        _ events: [NewEvent], tenant: TenantID, completion: @escaping @Sendable (Result<[IngestOutcome], any Error>) -> Void
    )

    /// Reads one event. - Throws: ``StoreError`` `not_found`, also for another tenant's event.
    func event(_ id: EventID, tenant: TenantID) async throws -> StoredEvent

    /// Reads several events of one tenant at once, in any order; ids that are not the tenant's events are left out.
    ///
    /// The default implementation reads them one by one.
    func events(ids: [EventID], tenant: TenantID) async throws -> [StoredEvent]

    /// Lists a tenant's events in id order after `afterID`, from one connection or all, at most `limit`.
    func events(tenant: TenantID, connection: ConnectionID?, after afterID: EventID?, limit: Int) async throws -> [StoredEvent]

    /// Lists the newest `limit` events of one of a tenant's connections that still have their payload, newest first, of the given
    /// types only when `eventTypes` is not nil.
    ///
    /// Events whose payload the retention removed are skipped: their callers, such as a proposal's dry run, need the payload.
    func newestEvents(tenant: TenantID, connection: ConnectionID, eventTypes: [String]?, limit: Int) async throws -> [StoredEvent]

    /// Removes the raw payloads of a tenant's events received before `cutoff`, keeping their digests.
    ///
    /// Only events whose deliveries are all finished (delivered or discarded) lose their
    /// payload: a pending, in-flight or parked delivery still needs it to run or be replayed.
    ///
    /// - Returns: how many payloads were removed.
    func removePayloads(receivedBefore cutoff: Date, tenant: TenantID) async throws -> Int
}

extension EventStore {
    package func events(ids: [EventID], tenant: TenantID) async throws -> [StoredEvent] {
        var found = [StoredEvent]()
        for id in ids {
            do {
                found.append(try await event(id, tenant: tenant))
            } catch let error as StoreError where error.code == .notFound {
                continue
            }
        }
        return found
    }

    package func insertEvents(
        _ events: [NewEvent], tenant: TenantID, completion: @escaping @Sendable (Result<[IngestOutcome], any Error>) -> Void
    ) {
        Task {
            do {
                completion(.success(try await insertEvents(events, tenant: tenant)))
            } catch {
                completion(.failure(error))
            }
        }
    }
}
