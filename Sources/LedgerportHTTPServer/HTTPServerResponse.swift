import LedgerportSDK

/// The response a handler returns: status, header fields and body.
///
/// The server sets `Content-Length` itself and ignores `Content-Length` and
/// `Transfer-Encoding` fields given here. A `Connection: close` field makes
/// the server close the connection after sending.
package struct HTTPServerResponse: Sendable, Hashable {
    /// The status code, from 100 to 999.
    package var status: Int
    /// The header fields, sent in this order after libmicrohttpd's `Date` field.
    package var headers: HTTPHeaders
    /// The body bytes, sent as they are with a `Content-Length`.
    package var body: [UInt8]

    /// Creates a response; traps when `status` is not a three-digit code, a programmer error.
    package init(status: Int, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        precondition((100...999).contains(status), "HTTP status \(status) is not a three-digit code")
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A response whose body is `value` serialized by ``JSONWriter``, with `Content-Type: application/json`.
    package static func json(_ value: JSONValue, status: Int = 200, headers: HTTPHeaders = [:]) -> HTTPServerResponse {
        var fields = headers
        fields.replaceOrAdd(name: "Content-Type", value: "application/json")
        return HTTPServerResponse(status: status, headers: fields, body: JSONWriter.bytes(value))
    }

    /// A response whose body is `text` in UTF-8, with `Content-Type: text/plain; charset=utf-8`.
    package static func text(_ text: String, status: Int = 200) -> HTTPServerResponse {
        HTTPServerResponse(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Array(text.utf8))
    }
}
