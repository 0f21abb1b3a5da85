import CCurl

/// Process-wide libcurl initialization.
///
/// `curl_global_init` is not safe to call while other threads use libcurl,
/// so every ``CurlThreadPool`` touches ``ensureInitialized()`` before it
/// starts its threads. The work runs once per process, guarded by Swift's
/// thread-safe initialization of global constants. libcurl is never
/// cleaned up, because the process may still hold transports at exit.
enum CurlGlobal {
    private static let initialization: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

    /// Initializes libcurl on the first call and does nothing afterwards.
    ///
    /// Traps when libcurl cannot initialize (out of memory or a broken TLS
    /// library), because no transfer could run after that.
    static func ensureInitialized() {
        precondition(initialization == CURLE_OK, "curl_global_init failed with code \(initialization.rawValue)")
    }
}
