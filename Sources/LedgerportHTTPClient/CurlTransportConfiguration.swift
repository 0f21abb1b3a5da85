/// Settings of a ``CurlHTTPTransport`` that apply to every request it sends.
///
/// Timeouts are not here: each ``HTTPRequest`` carries its own connect and
/// total timeout.
package struct CurlTransportConfiguration: Sendable, Hashable {
    /// Whether to follow `3xx` responses with a `Location` header.
    ///
    /// Off by default, so a redirect comes back as the response it is and the
    /// connector decides what to do with it.
    package var followsRedirects: Bool
    /// The maximum number of redirects followed for one request, when ``followsRedirects`` is on.
    package var maximumRedirects: Int
    /// The maximum number of transfers this transport runs at once, or `nil` for no limit
    /// beyond the thread count of its pool. Callers over the limit wait without blocking a thread.
    package var maximumConcurrentTransfers: Int?
    /// The largest response body accepted, in bytes. A larger body fails the
    /// request with ``HTTPTransportError/connectionFailed(url:detail:)``.
    package var maximumResponseBodyBytes: Int
    /// Whether libcurl reads `http_proxy`, `https_proxy` and `no_proxy` from the
    /// environment. Off by default, so a stray variable cannot route traffic elsewhere.
    package var usesEnvironmentProxy: Bool

    package init(
        followsRedirects: Bool = false, maximumRedirects: Int = 5, maximumConcurrentTransfers: Int? = nil,
        maximumResponseBodyBytes: Int = 64 * 1024 * 1024, usesEnvironmentProxy: Bool = false
    ) {
        precondition(maximumRedirects >= 0, "maximumRedirects must not be negative")
        precondition(maximumConcurrentTransfers.map { $0 > 0 } ?? true, "maximumConcurrentTransfers must be positive")
        precondition(maximumResponseBodyBytes > 0, "maximumResponseBodyBytes must be positive")
        self.followsRedirects = followsRedirects
        self.maximumRedirects = maximumRedirects
        self.maximumConcurrentTransfers = maximumConcurrentTransfers
        self.maximumResponseBodyBytes = maximumResponseBodyBytes
        self.usesEnvironmentProxy = usesEnvironmentProxy
    }
}
