import Foundation
import LedgerportStore

/// Tenants by slug and by id, cached so the webhook path resolves `/webhooks/{tenant}/...` without a query.
///
/// A tenant is cached at first use and kept: tenants are never deleted and
/// their slug never changes. Thread-safe.
package final class TenantDirectory: @unchecked Sendable {
    private let store: any Store
    private let lock = NSLock()
    private var bySlug: [String: Tenant] = [:]
    private var byID: [TenantID: Tenant] = [:]

    init(store: any Store) {
        self.store = store
    }

    /// The cached tenant with `slug`, without suspending; nil when not cached yet.
    package func cachedTenant(slug: String) -> Tenant? {
        lock.withLock { bySlug[slug] }
    }

    /// The tenant with `slug`, read from the store when not cached.
    package func tenant(slug: String) async throws -> Tenant {
        if let cached = cachedTenant(slug: slug) {
            return cached
        }
        let tenant = try await store.tenant(slug: slug)
        remember(tenant)
        return tenant
    }

    /// The tenant with `id`, read from the store when not cached.
    package func tenant(id: TenantID) async throws -> Tenant {
        if let cached = lock.withLock({ byID[id] }) {
            return cached
        }
        let tenant = try await store.tenant(id)
        remember(tenant)
        return tenant
    }

    private func remember(_ tenant: Tenant) {
        lock.withLock {
            bySlug[tenant.slug] = tenant
            byID[tenant.id] = tenant
        }
    }
}
