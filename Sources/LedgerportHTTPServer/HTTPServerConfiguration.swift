/// The listen address and limits of an ``HTTPServer``.
package struct HTTPServerConfiguration: Sendable, Hashable {
    /// The numeric IPv4 or IPv6 address to bind (`127.0.0.1`, `::1`, `0.0.0.0`); host names are rejected.
    package var host: String
    /// The TCP port, or 0 for a port the system picks; ``HTTPServer/port`` reports the one bound.
    package var port: UInt16
    /// The number of libmicrohttpd threads, each running its own `poll` loop.
    package var threadCount: Int
    /// The largest request body accepted, in bytes. A request with a larger
    /// `Content-Length` gets 413 without its body being read. A chunked body
    /// that outgrows it is read to its end without being kept, since
    /// libmicrohttpd accepts no response in the middle of a body, and then
    /// gets 413; past eight times the limit its connection is closed instead.
    ///
    /// NOTE: after a 413, libmicrohttpd closes the connection at once, so a
    /// client still sending a body larger than the socket buffers may get a
    /// reset before it reads the 413.
    package var maximumBodyBytes: Int
    /// The name of the setting that raises ``maximumBodyBytes`` (such as `http.max_request_bytes`), which the 413 message names.
    package var bodyLimitSetting: String?
    /// Seconds a connection may stay idle (no bytes received or sent) before it
    /// is closed, while reading the header, while reading the body, and between
    /// keep-alive requests. A connection waiting for its handler is not idle.
    package var connectionTimeoutSeconds: Int
    /// The maximum number of open connections. Further connections wait in the
    /// listen backlog until one closes. libmicrohttpd gives each thread an equal
    /// share of the limit, so with several threads one thread can be full while another has room.
    package var connectionLimit: Int
    /// Memory per connection for the request line, header fields and I/O
    /// buffers, in bytes. A header larger than about half of it gets 431 from libmicrohttpd.
    package var connectionMemoryLimitBytes: Int
    /// Seconds ``HTTPServer/stop()`` waits for requests in progress before it responds to the rest with 503.
    package var stopDeadlineSeconds: Double

    package init(
        host: String = "127.0.0.1", port: UInt16 = 0, threadCount: Int = 2, maximumBodyBytes: Int = 1024 * 1024,
        connectionTimeoutSeconds: Int = 30, connectionLimit: Int = 1000, connectionMemoryLimitBytes: Int = 64 * 1024,
        stopDeadlineSeconds: Double = 10, bodyLimitSetting: String? = nil
    ) {
        precondition(threadCount > 0, "threadCount must be positive")
        precondition(maximumBodyBytes >= 0, "maximumBodyBytes must not be negative")
        precondition(connectionTimeoutSeconds >= 1, "connectionTimeoutSeconds must be at least 1")
        precondition(connectionLimit > 0, "connectionLimit must be positive")
        precondition(connectionMemoryLimitBytes >= 4096, "connectionMemoryLimitBytes must be at least 4096")
        precondition(stopDeadlineSeconds >= 0, "stopDeadlineSeconds must not be negative")
        self.host = host
        self.port = port
        self.threadCount = threadCount
        self.maximumBodyBytes = maximumBodyBytes
        self.connectionTimeoutSeconds = connectionTimeoutSeconds
        self.connectionLimit = connectionLimit
        self.connectionMemoryLimitBytes = connectionMemoryLimitBytes
        self.stopDeadlineSeconds = stopDeadlineSeconds
        self.bodyLimitSetting = bodyLimitSetting
    }
}
