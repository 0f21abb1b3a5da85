import CCurl

/// The C callbacks libcurl calls during `curl_easy_perform`.
///
/// Each receives the transfer's ``CurlTransferState`` as an unretained
/// pointer; the caller keeps the state alive for the whole transfer.
enum CurlCallbacks {
    /// Appends body bytes. Returning fewer bytes than given makes libcurl stop with `CURLE_WRITE_ERROR`.
    static let writeBody: ledgerport_curl_write_callback = { data, size, count, context in
        guard let data, let context else {
            return 0
        }
        let state = Unmanaged<CurlTransferState>.fromOpaque(context).takeUnretainedValue()
        let length = size * count
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: length)
        return state.appendBody(bytes) ? length : 0
    }

    /// Receives one header line at a time, status lines and the blank line ending a block included.
    static let receiveHeaderLine: ledgerport_curl_write_callback = { data, size, count, context in
        guard let data, let context else {
            return 0
        }
        let state = Unmanaged<CurlTransferState>.fromOpaque(context).takeUnretainedValue()
        let length = size * count
        let line = UnsafeBufferPointer(start: UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: length)
        state.headerCollector.consume(line: line)
        return length
    }

    /// Aborts the transfer with `CURLE_ABORTED_BY_CALLBACK` once the request's task is cancelled.
    static let checkCancellation: ledgerport_curl_xferinfo_callback = { context, _, _, _, _ in
        guard let context else {
            return 0
        }
        let state = Unmanaged<CurlTransferState>.fromOpaque(context).takeUnretainedValue()
        return state.cancellation.isCancelled ? 1 : 0
    }
}
