import Foundation
import LedgerportSDK

/// An HTTP request as the sandbox receives it: method, path (with query), headers and body bytes.
package struct SandboxRequest: Sendable {
    /// The HTTP method, such as `POST`.
    package let method: String
    /// The request target: path and query string.
    package let path: String
    /// The request header fields.
    package let headers: HTTPHeaders
    /// The request body bytes, empty when there is none.
    package let body: [UInt8]

    /// Creates a request as an HTTP server received it.
    package init(method: String, path: String, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
    }

    /// The path without its query string.
    var route: String {
        path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
    }

    /// Returns the value of a cookie from the `Cookie` header.
    func cookie(_ name: String) -> String? {
        for header in headers.values(for: "Cookie") {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2 && parts[0] == name {
                    return parts[1]
                }
            }
        }
        return nil
    }
}

/// An HTTP response from the sandbox.
package struct SandboxResponse: Sendable {
    /// The HTTP status code.
    package let status: Int
    /// The response header fields, in order.
    package let headers: [(name: String, value: String)]
    /// The response body bytes.
    package let body: [UInt8]

    /// Creates a response with `status`, `headers` and `body`.
    package init(status: Int, headers: [(name: String, value: String)], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Returns the value of the first header named `name`, ignoring case.
    package func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// Makes a JSON response with `Connection: close`, because Odoo closes the connection after every response.
    static func json(_ value: JSONValue, status: Int = 200, extraHeaders: [(name: String, value: String)] = []) -> SandboxResponse {
        SandboxResponse(
            status: status,
            headers: [("Content-Type", "application/json; charset=utf-8"), ("Connection", "close")] + extraHeaders,
            body: JSONWriter.bytes(value)
        )
    }

    /// Makes an HTML response, the form Werkzeug uses for routing and database errors.
    static func html(_ text: String, status: Int, extraHeaders: [(name: String, value: String)] = []) -> SandboxResponse {
        SandboxResponse(
            status: status, headers: [("Content-Type", "text/html; charset=utf-8"), ("Connection", "close")] + extraHeaders,
            body: Array(text.utf8)
        )
    }
}
