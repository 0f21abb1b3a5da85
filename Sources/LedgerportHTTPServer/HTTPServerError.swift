/// The reason an ``HTTPServer`` could not start.
package enum HTTPServerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The configured host is not a numeric IPv4 or IPv6 address.
    case invalidHost(String)
    /// libmicrohttpd could not start, usually because the port is in use; `detail` is the system's error text.
    case startFailed(address: String, detail: String)
    /// ``HTTPServer/start()`` was called on a server that already runs or has stopped.
    case notStartable(state: String)

    /// The message for people: what failed, on which value, and what to do.
    package var description: String {
        switch self {
        case .invalidHost(let host):
            "start HTTP server: host \"\(host)\" is not a numeric IP address; use an address such as 127.0.0.1 or ::1"
        case .startFailed(let address, let detail):
            "start HTTP server on \(address): \(detail); check that no other process listens on that port"
        case .notStartable(let state):
            "start HTTP server: the server is \(state); create a new server instead"
        }
    }
}
