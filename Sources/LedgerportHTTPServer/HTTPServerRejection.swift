/// A request that the server responded to itself before any handler saw it, such as a body over the size limit.
///
/// An ``HTTPServer`` passes each one to its rejection observer, so that the
/// application can count and log requests its handlers never receive. It
/// carries no body and no header values.
package struct HTTPServerRejection: Sendable, Hashable {
    /// The request method.
    package var method: String
    /// The request path, without the query.
    package var path: String
    /// The peer's IP address as text, or empty when unknown.
    package var remoteAddress: String
    /// The status of the response sent, such as 413.
    package var status: Int
    /// The response's error code, such as `payload_too_large`.
    package var code: String
    /// The response's error message.
    package var message: String

    package init(method: String, path: String, remoteAddress: String, status: Int, code: String, message: String) {
        self.method = method
        self.path = path
        self.remoteAddress = remoteAddress
        self.status = status
        self.code = code
        self.message = message
    }
}
