import LedgerportSDK

/// A complete HTTP request as the server received it, body included.
///
/// The server builds it on a libmicrohttpd thread after the whole body has
/// arrived, then hands it to the handler. It is a value, so a handler may
/// keep it or pass it to another thread.
package struct HTTPServerRequest: Sendable {
    /// The method as sent, such as `POST`.
    package var method: String
    /// The path exactly as sent, percent-escapes included, without the query (`/webhooks/acme%20co/test`).
    package var path: String
    /// The query arguments in order, percent-decoded, `+` read as a space; an argument without `=` has an empty value.
    package var query: [(name: String, value: String)]
    /// The request header fields in the order received.
    package var headers: HTTPHeaders
    /// The body bytes exactly as received, empty when there is none.
    package var body: [UInt8]
    /// The peer's IP address as text (`127.0.0.1`, `::1`).
    package var remoteAddress: String
    /// Values of the `{name}` segments of the route that matched, percent-decoded; empty without a router.
    package var pathParameters: [String: String]

    package init(
        method: String, path: String, query: [(name: String, value: String)] = [], headers: HTTPHeaders = [:],
        body: [UInt8] = [], remoteAddress: String = "127.0.0.1", pathParameters: [String: String] = [:]
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.remoteAddress = remoteAddress
        self.pathParameters = pathParameters
    }

    /// The value of the first query argument named `name`, or `nil` when there is none.
    package func queryValue(named name: String) -> String? {
        query.first { $0.name == name }?.value
    }
}
