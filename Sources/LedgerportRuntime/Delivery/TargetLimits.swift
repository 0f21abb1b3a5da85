import Foundation
import LedgerportCore
import LedgerportSDK
import LedgerportStore

/// The request budget and concurrency limit toward each target connection.
///
/// Every flow writing through one connection shares its budget, so one
/// tenant's month-end burst cannot take more of a shared Odoo than the
/// connection allows, and tenants never share a budget. The limits come from
/// the connection's configuration (`max_requests_per_second`,
/// `max_concurrent_requests`) or else from the connector spec's defaults.
/// Thread-safe.
final class TargetLimits: @unchecked Sendable {
    /// One connection's limiters.
    struct Limiter: Sendable {
        let bucket: TokenBucket
        let concurrency: ConcurrencyLimiter
    }

    private struct Key: Hashable {
        let tenantID: TenantID
        let connectionID: ConnectionID
    }

    private let lock = NSLock()
    private var limiters: [Key: Limiter] = [:]

    /// Returns the limiter of a connection, created on first use from its configuration and spec.
    func limiter(for connection: Connection, spec: ConnectorSpec) -> Limiter {
        let key = Key(tenantID: connection.tenantID, connectionID: connection.id)
        return lock.withLock {
            if let existing = limiters[key] {
                return existing
            }
            let configured = connection.configuration
            let specLimit = spec.rateLimits.limits.first { $0.scope == "connection" }
            let rate = configured["max_requests_per_second"]?.numberValue?.doubleValue
                ?? specLimit.map { Double($0.requests) / Double(max($0.perSeconds, 1)) } ?? 10
            let concurrency = configured["max_concurrent_requests"]?.intValue ?? spec.rateLimits.maxConcurrentRequests ?? 2
            let limiter = Limiter(
                bucket: TokenBucket(ratePerSecond: max(rate, 0.01), burst: max(1, rate.rounded(.up))),
                concurrency: ConcurrencyLimiter(limit: max(concurrency, 1))
            )
            limiters[key] = limiter
            return limiter
        }
    }

    /// Forgets a connection's limiters, so an edited configuration takes effect.
    func invalidate(tenant: TenantID, connection: ConnectionID) {
        lock.withLock {
            limiters[Key(tenantID: tenant, connectionID: connection)] = nil
        }
    }
}
