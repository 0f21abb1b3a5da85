/// Counts of one flow's deliveries created in a time range, for its service level objective.
package struct DeliveryLatencySummary: Sendable, Hashable {
    /// Deliveries created in the range.
    package var total: Int
    package var delivered: Int
    /// Delivered deliveries whose time from creation to delivery was at most the target.
    package var deliveredWithinTarget: Int
    package var parked: Int
    /// Pending or in flight.
    package var open: Int
    /// Discarded by an operator after parking; with the others they make up ``total``.
    package var discarded: Int

    package init(total: Int, delivered: Int, deliveredWithinTarget: Int, parked: Int, open: Int, discarded: Int = 0) {
        self.total = total
        self.delivered = delivered
        self.deliveredWithinTarget = deliveredWithinTarget
        self.parked = parked
        self.open = open
        self.discarded = discarded
    }
}
