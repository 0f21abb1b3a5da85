import Foundation

/// A delivery claimed by one worker until ``leaseExpiresAt``.
///
/// The claim is the worker's right to report the attempt's result. Once the
/// lease expires, another worker may claim the delivery again; the first
/// worker's report is then rejected with `lease_lost`. So at most one result
/// per claim is recorded.
package struct DeliveryClaim: Sendable, Hashable {
    /// The delivery as it was right after the claim (state `in_flight`).
    package let delivery: Delivery

    package init(delivery: Delivery) {
        self.delivery = delivery
    }

    package var deliveryID: DeliveryID { delivery.id }

    /// The claim's number; a report is accepted only while the delivery still has it.
    package var claimNumber: Int64 { delivery.claimCount }

    package var leaseExpiresAt: Date {
        delivery.leaseExpiresAt ?? delivery.updatedAt
    }
}
