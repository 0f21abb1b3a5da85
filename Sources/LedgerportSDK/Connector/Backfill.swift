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
