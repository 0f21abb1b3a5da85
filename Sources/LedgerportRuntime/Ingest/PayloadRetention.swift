import Foundation
import LedgerportLog
import LedgerportSDK
import LedgerportStore

/// Removes stored webhook payloads once they are older than the retention setting and no longer needed.
///
/// Each payload costs about 4 KB of disk (a SQLite page), so a busy tenant
/// would grow the store by gigabytes a day if payloads were kept. The store
/// keeps each event's SHA-256 and removes only payloads whose deliveries are
/// all delivered or discarded, so nothing that may still run or be replayed
/// loses its input. With a retention of 0 days a payload goes at the first
/// sweep after its deliveries finish.
package struct PayloadRetention: Sendable {
    let store: any Store
    let retentionDays: Int
    let clock: any WallClock
    let logger: Logger

    package init(store: any Store, retentionDays: Int, clock: any WallClock, logger: Logger) {
        self.store = store
        self.retentionDays = retentionDays
        self.clock = clock
        self.logger = logger
    }

    /// Sweeps every tenant once; returns how many payloads were removed.
    @discardableResult
    package func sweep() async -> Int {
        let cutoff = clock.now().addingTimeInterval(-Double(retentionDays) * 86_400)
        var removed = 0
        do {
            for tenant in try await store.tenants() {
                removed += try await store.removePayloads(receivedBefore: cutoff, tenant: tenant.id)
            }
        } catch {
            logger.error("remove expired payloads failed", metadata: [LogMetadataKey.error: .string("\(error)")])
        }
        if removed > 0 {
            logger.info("removed expired payloads", metadata: ["payload.count": .integer(Int64(removed))])
        }
        return removed
    }

    /// Sweeps at once, then every `intervalSeconds` until cancelled.
    package func run(intervalSeconds: Double = 3_600) async {
        // The setting is logged before the first sweep, which runs at once, so an operator sees it before anything is removed.
        logger.info("payload retention", metadata: [
            "ingest.payload_retention_days": .integer(Int64(retentionDays)), "retention.sweep_interval_seconds": .integer(Int64(intervalSeconds)),
        ])
        while !Task.isCancelled {
            await sweep()
            try? await Task.sleep(nanoseconds: UInt64(intervalSeconds * 1_000_000_000))
        }
    }
}
