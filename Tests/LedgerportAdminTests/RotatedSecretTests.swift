import Foundation
import LedgerportCrypto
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import Testing

/// A running runtime uses a rotated webhook signing secret once it reads the change, and rejects the old one once it expires.
@Suite(.serialized)
struct RotatedSecretTests {
    /// Adds a new Stripe signing secret, active now, and expires the old one `seconds` later; returns the tenant signing with the new one.
    private func rotateSigningSecret(of tenant: ProvisionedTenant, in harness: AdminTestHarness, keepingOldFor seconds: Double) async throws
        -> ProvisionedTenant
    {
        let rotated = ProvisionedTenant(tenant: tenant.tenant, webhookSecret: Secret("whsec_" + Hex.encode(SecureRandom.bytes(count: 16))))
        let old = try #require(
            try await harness.runtime.store.secretValues(connection: "stripe-main", field: "webhook_signing_secret", tenant: tenant.tenant.id).first)
        _ = try await harness.runtime.vault.addSecret(
            rotated.webhookSecret, field: "webhook_signing_secret", connection: "stripe-main", tenant: tenant.tenant.id,
            activeFrom: harness.clock.now(), actor: "ops@example.com")
        _ = try await harness.runtime.store.expireSecretValue(
            old.id, at: harness.clock.now().addingTimeInterval(seconds), connection: "stripe-main", tenant: tenant.tenant.id,
            actor: "ops@example.com")
        return rotated
    }

    @Test func rotatedSecret_usedAfterReadingChanges() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            // Reads the changes of provisioning first, so the later read finds only the rotation.
            try await harness.runtime.connectors.dropChangedConnections()
            let beforeRotation = try await harness.postCustomerCreated(acme, customerID: "cus_R1", eventID: "evt_R1")

            let rotated = try await rotateSigningSecret(of: acme, in: harness, keepingOldFor: 0)
            // The cached connector still contains the old secret until the runtime reads the changes.
            let newBeforeLook = try await harness.postCustomerCreated(rotated, customerID: "cus_R2", eventID: "evt_R2")
            let dropped = try await harness.runtime.connectors.dropChangedConnections()
            let newAfterLook = try await harness.postCustomerCreated(rotated, customerID: "cus_R3", eventID: "evt_R3")
            let oldAfterLook = try await harness.postCustomerCreated(acme, customerID: "cus_R4", eventID: "evt_R4")
            let droppedAgain = try await harness.runtime.connectors.dropChangedConnections()

            #expect(beforeRotation == 200)
            #expect(newBeforeLook == 401)
            #expect(dropped == 1)
            #expect(newAfterLook == 200)
            #expect(oldAfterLook == 401)
            #expect(droppedAgain == 0)
        }
    }

    @Test func oldSecret_rejectedWhenOverlapEnds() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let rotated = try await rotateSigningSecret(of: acme, in: harness, keepingOldFor: 20)

            let oldDuringOverlap = try await harness.postCustomerCreated(acme, customerID: "cus_O1", eventID: "evt_O1")
            let newDuringOverlap = try await harness.postCustomerCreated(rotated, customerID: "cus_O2", eventID: "evt_O2")
            harness.clock.advance(seconds: 21)
            // No read of changes in between: the cached connector ends with the overlap, well before its lifetime.
            let oldAfterOverlap = try await harness.postCustomerCreated(acme, customerID: "cus_O3", eventID: "evt_O3")
            let newAfterOverlap = try await harness.postCustomerCreated(rotated, customerID: "cus_O4", eventID: "evt_O4")

            #expect(harness.runtime.connectors.cacheLifetimeSeconds > 21)
            #expect(oldDuringOverlap == 200)
            #expect(newDuringOverlap == 200)
            #expect(oldAfterOverlap == 401)
            #expect(newAfterOverlap == 200)
        }
    }
}
