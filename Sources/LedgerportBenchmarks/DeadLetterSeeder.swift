import Foundation
import LedgerportSDK
import LedgerportStore

/// Parks every pending delivery of a tenant as a failed configuration would, through the store.
///
/// Each delivery is claimed and its attempt recorded as parked with reason
/// `configuration` and the message an Odoo server returns for a wrong API
/// key, so each gets its attempt row and its dead letter exactly as the
/// delivery engine would write them.
struct DeadLetterSeeder {
    /// The store the deliveries are parked in.
    let store: any Store
    /// The tenant whose pending deliveries are parked.
    let tenant: TenantID
    /// The source of the attempts' times.
    let clock: any WallClock

    /// The error every parked delivery carries.
    static let error = AttemptError(
        failureClass: .configuration, code: "odoo_access_denied",
        message: "authenticate with Odoo: the API key was rejected; store a valid key, then replay", targetMessage: "Access Denied"
    )

    /// Claims pending deliveries 500 at a time and parks each claim; returns how many were parked.
    func parkAllPending() async throws -> Int {
        var parked = 0
        while true {
            let claims = try await store.claimDueDeliveries(tenant: tenant, limit: 500, leaseSeconds: 600)
            guard !claims.isEmpty else {
                return parked
            }
            let now = clock.now()
            let report = DeliveryAttemptReport(startedAt: now, finishedAt: now, outcome: .park(reason: .configuration, error: Self.error))
            try await withThrowingTaskGroup(of: Void.self) { group in
                for claim in claims {
                    group.addTask { [store, tenant] in
                        _ = try await store.recordAttempt(report, claim: claim, tenant: tenant)
                    }
                }
                try await group.waitForAll()
            }
            parked += claims.count
        }
    }
}
