import Foundation

/// A request for one page of a backfill.
public struct BackfillRequest: Sendable, Hashable {
    /// The source object to list, such as `invoice`; one of the spec's objects with the `backfill` capability.
    public var object: String
    /// The cursor returned by the previous page; nil for the first page.
    public var cursor: String?
    public var pageSize: Int
    /// Only objects created at or after this time, when set.
    public var createdFrom: Date?
    /// Only objects created before this time, when set.
    public var createdBefore: Date?

    public init(object: String, cursor: String? = nil, pageSize: Int = 100, createdFrom: Date? = nil, createdBefore: Date? = nil) {
        self.object = object
        self.cursor = cursor
        self.pageSize = pageSize
        self.createdFrom = createdFrom
        self.createdBefore = createdBefore
    }

    /// Returns the id of the event that a listed object becomes, such as `cus_123@backfill:2026-12-01T00:00:00Z/2026-12-02T00:00:00Z`.
    ///
    /// With a window (``createdFrom`` or ``createdBefore``), the id names the
    /// window's bounds in UTC, written as `flow show` writes them. Listing the same window again after a stop
    /// or for a rerun gives the same ids and the runtime stores each object
    /// once. Without one, it names `listedAt`, so each ad hoc listing is new.
    public func eventID(for objectID: String, listedAt: Date) -> String {
        guard createdFrom != nil || createdBefore != nil else {
            return "\(objectID)@backfill:\(Self.seconds(listedAt))"
        }
        let from = createdFrom.map(Self.seconds) ?? "start"
        let before = createdBefore.map(Self.seconds) ?? "now"
        return "\(objectID)@backfill:\(from)/\(before)"
    }

    /// Writes `date` in UTC to the whole second, such as `2026-12-01T00:00:00Z`.
    private static func seconds(_ date: Date) -> String {
        RFC3339.string(from: Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)))
    }
}

/// One page of a backfill.
public struct BackfillPage: Sendable, Hashable {
    public var events: [CanonicalEvent]
    /// The cursor for the next page; nil when this was the last page.
    public var nextCursor: String?

    public init(events: [CanonicalEvent], nextCursor: String?) {
        self.events = events
        self.nextCursor = nextCursor
    }
}
