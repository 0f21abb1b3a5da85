import LedgerportLog
import LedgerportStore

/// Writes an ``AlertBook``'s changes to the store one at a time, in the order they were recorded.
///
/// Recording never waits for the store: changes go into an unbounded queue
/// that one task drains. The book queues each change while it holds its
/// lock, so the queue's order is the order of the changes. A write that
/// fails is logged and skipped, so the stored alerts can lag behind the book
/// until the connection's next change.
final class AlertJournal: Sendable {
    private enum Change: Sendable {
        case save(OperationalAlert)
        case clear(TenantID, ConnectionID)
    }

    private let continuation: AsyncStream<Change>.Continuation
    private let writer: Task<Void, Never>

    init(store: any AlertStore, logger: Logger) {
        let (changes, continuation) = AsyncStream.makeStream(of: Change.self)
        self.continuation = continuation
        writer = Task {
            for await change in changes {
                await Self.write(change, to: store, logger: logger)
            }
        }
    }

    /// Queues the alert's current state for writing.
    func save(_ alert: AlertBook.Alert) {
        let stored = OperationalAlert(
            tenantID: alert.tenantID, connectionID: ConnectionID(rawValue: alert.connectionID), kind: alert.kind.rawValue, code: alert.code,
            message: alert.message, since: alert.since, lastSeen: alert.lastSeen, occurrences: alert.occurrences, origin: alert.origin.rawValue
        )
        continuation.yield(.save(stored))
    }

    /// Queues the removal of the alert's connection's stored alert.
    func clear(_ alert: AlertBook.Alert) {
        continuation.yield(.clear(alert.tenantID, ConnectionID(rawValue: alert.connectionID)))
    }

    /// Stops taking changes and waits until the queued ones are written.
    func finish() async {
        continuation.finish()
        await writer.value
    }

    private static func write(_ change: Change, to store: any AlertStore, logger: Logger) async {
        let tenant: TenantID
        let connection: ConnectionID
        do {
            switch change {
            case .save(let alert):
                (tenant, connection) = (alert.tenantID, alert.connectionID)
                try await store.saveAlert(alert)
            case .clear(let clearedTenant, let clearedConnection):
                (tenant, connection) = (clearedTenant, clearedConnection)
                try await store.clearAlert(connection: connection, tenant: tenant)
            }
        } catch {
            logger.warning("store alert change failed", metadata: [
                LogMetadataKey.tenantID: .string(tenant.rawValue), LogMetadataKey.connectionID: .string(connection.rawValue),
                LogMetadataKey.error: .string("\(error)"),
            ])
        }
    }
}
