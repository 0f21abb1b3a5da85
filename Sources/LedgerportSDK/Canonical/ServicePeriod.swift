import Foundation

/// A period of service that a line covers, as dates and times.
public struct ServicePeriod: Codable, Sendable, Hashable {
    public var start: Date
    public var end: Date

    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }
}
