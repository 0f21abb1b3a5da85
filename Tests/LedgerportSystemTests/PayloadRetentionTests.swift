import Foundation
import LedgerportRuntime
import LedgerportSDK
import LedgerportStore
import Testing

@Suite(.serialized) struct PayloadRetentionTests {
    @Test func sweep_removesDeliveredPayloadsOnlyAfterRetention() async throws {
        let clock = ManualClock(Date())
        let harness = try await SystemHarness.start(clock: clock)
        defer { Task { await harness.stop() } }
        _ = try await harness.post(StripeBodies.file("008-customer.created.json"))
        try await harness.waitForDeliveries()
        let retention = PayloadRetention(store: harness.runtime.store, retentionDays: 30, clock: clock, logger: .disabled)

        let tooEarly = await retention.sweep()
        clock.advance(seconds: 31 * 86_400)
        let afterRetention = await retention.sweep()
        let event = try await harness.runtime.store.events(tenant: harness.tenant.tenant.id, connection: nil, after: nil, limit: 1)[0]

        #expect(tooEarly == 0)
        #expect(afterRetention == 1)
        #expect(event.payload == nil)
        #expect(event.payloadSHA256.count == 32)
    }
}
