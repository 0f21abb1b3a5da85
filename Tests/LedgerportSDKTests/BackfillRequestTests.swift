import Foundation
import LedgerportSDK
import Testing

/// The ids of listed objects: stable for one window, new for each ad hoc listing.
@Suite struct BackfillRequestTests {
    private let window = BackfillRequest(
        object: "customer", createdFrom: Date(timeIntervalSince1970: 1_796_083_200), createdBefore: Date(timeIntervalSince1970: 1_796_169_600))

    @Test func window_namesItsBounds() {
        #expect(window.eventID(for: "cus_1", listedAt: Date(timeIntervalSince1970: 1_796_200_000)) == "cus_1@backfill:2026-12-01T00:00:00Z/2026-12-02T00:00:00Z")
    }

    @Test func window_givesTheSameIDAtEveryListing() {
        let first = window.eventID(for: "cus_1", listedAt: Date(timeIntervalSince1970: 1_796_200_000))
        let later = window.eventID(for: "cus_1", listedAt: Date(timeIntervalSince1970: 1_796_300_000))

        #expect(first == later)
    }

    @Test func openEndedWindow_namesTheMissingBound() {
        let from = BackfillRequest(object: "customer", createdFrom: Date(timeIntervalSince1970: 1_796_083_200))
        let before = BackfillRequest(object: "customer", createdBefore: Date(timeIntervalSince1970: 1_796_169_600))

        #expect(from.eventID(for: "cus_1", listedAt: Date()) == "cus_1@backfill:2026-12-01T00:00:00Z/now")
        #expect(before.eventID(for: "cus_1", listedAt: Date()) == "cus_1@backfill:start/2026-12-02T00:00:00Z")
    }

    @Test func noWindow_namesTheListingTime() {
        let request = BackfillRequest(object: "customer")

        #expect(request.eventID(for: "cus_1", listedAt: Date(timeIntervalSince1970: 1_796_200_000.7)) == "cus_1@backfill:2026-12-02T08:26:40Z")
    }
}
