import Foundation

/// An inbound webhook request exactly as received.
public struct WebhookRequest: Sendable {
    public var method: String
    /// The request path, such as `/webhooks/acme/production/stripe-main`.
    public var path: String
    public var headers: HTTPHeaders
    /// The body bytes exactly as received; signatures are computed over them.
    public var body: [UInt8]
    public var receivedAt: Date

    public init(method: String, path: String, headers: HTTPHeaders, body: [UInt8], receivedAt: Date) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
        self.receivedAt = receivedAt
    }
}
