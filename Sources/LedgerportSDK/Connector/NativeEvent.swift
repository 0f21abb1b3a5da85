import Foundation

/// A stored native event handed back to the source for translation.
public struct NativeEvent: Sendable, Hashable {
    public var eventID: String
    public var eventType: String
    public var payload: [UInt8]
    public var receivedAt: Date

    public init(eventID: String, eventType: String, payload: [UInt8], receivedAt: Date) {
        self.eventID = eventID
        self.eventType = eventType
        self.payload = payload
        self.receivedAt = receivedAt
    }
}
