import LedgerportSDK

/// What one running transfer has received so far, filled by libcurl's callbacks.
///
/// An instance lives on the pool thread for the duration of one
/// `curl_easy_perform` and is passed to the C callbacks as an unmanaged
/// pointer, so it is never shared between threads.
final class CurlTransferState {
    let maximumBodyBytes: Int
    let cancellation: CurlCancellation
    var headerCollector = CurlResponseHeaderCollector()
    var body: [UInt8] = []
    /// Set when the write callback stopped the transfer because the body grew past ``maximumBodyBytes``.
    var bodyTooLarge = false

    init(maximumBodyBytes: Int, cancellation: CurlCancellation) {
        self.maximumBodyBytes = maximumBodyBytes
        self.cancellation = cancellation
    }

    /// Appends body bytes, or returns `false` when they would exceed the maximum body size.
    func appendBody(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard body.count + bytes.count <= maximumBodyBytes else {
            bodyTooLarge = true
            return false
        }
        body.append(contentsOf: bytes)
        return true
    }
}
