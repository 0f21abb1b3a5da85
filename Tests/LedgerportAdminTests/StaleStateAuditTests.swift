import Foundation
import LedgerportSDK
import LedgerportStore
import Testing

/// A delivery whose object state is older than the one applied writes nothing, and the audit log records the skip.
@Suite(.serialized)
struct StaleStateAuditTests {
    @Test func olderStateAfterNewer_isAuditedAsSkipped() async throws {
        try await withHarness { harness in
            let acme = try await harness.provisionTenant(slug: "acme")
            let template = try String(contentsOf: AdminTestHarness.fixture("customer.created.json"), encoding: .utf8)
            // The same customer twice: the event created later arrives first.
            let newer = template.replacingOccurrences(of: "evt_5oX6NlySRa64gr", with: "evt_S2")
                .replacingOccurrences(of: "\"created\": 1796412143,\n  \"data\"", with: "\"created\": 1796412200,\n  \"data\"")
            let older = template.replacingOccurrences(of: "evt_5oX6NlySRa64gr", with: "evt_S1")
            try #require(newer.contains("1796412200"))
            #expect(try await harness.postSigned(Array(newer.utf8), to: acme) == 200)
            try await harness.waitForIdle(acme.tenant.id)
            #expect(try await harness.postSigned(Array(older.utf8), to: acme) == 200)
            try await harness.waitForIdle(acme.tenant.id)

            let events = try await harness.runtime.store.events(tenant: acme.tenant.id, connection: nil, after: nil, limit: 10)
            let olderEvent = try #require(events.first { $0.sourceEventID == "evt_S1" })
            let audit = try await harness.runtime.store.auditEntries(scope: .tenant(acme.tenant.id), after: 0, limit: 500)
            let skipped = try #require(audit.first { $0.action == "delivery.skipped_stale" })

            #expect(skipped.details["correlation_id"] == .string(olderEvent.correlationID))
            #expect(skipped.details["source_event_id"] == "evt_S1")
            #expect(skipped.details["object_key"] == "customer:cus_IOAbXWYWoh3P46")
            #expect(skipped.details["version"] == .number(JSONNumber(1_796_412_143_000)))
            #expect(skipped.details["applied_version"] == .number(JSONNumber(1_796_412_200_000)))
            #expect(audit.filter { $0.action == "target.write" }.count == 1)
        }
    }
}
