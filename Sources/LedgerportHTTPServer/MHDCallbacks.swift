import CMicroHTTPD

/// The C callbacks registered with libmicrohttpd.
///
/// Both receive the ``MHDServerCore`` as an unretained pointer and the
/// request's ``MHDExchange`` through libmicrohttpd's per-request pointer,
/// which keeps one retain from the first access-handler call until the
/// completion callback.
enum MHDCallbacks {
    /// Called for the request header, for each piece of body, once more after
    /// the whole body, and once after each resume. Returning `.NO` closes the connection.
    static let accessHandler: MHD_AccessHandlerCallback = { context, connection, url, method, _, uploadData, uploadSize, requestPointer in
        guard let context, let connection, let url, let method, let uploadSize, let requestPointer else {
            return .NO
        }
        let core = Unmanaged<MHDServerCore>.fromOpaque(context).takeUnretainedValue()

        guard let existing = requestPointer.pointee else {
            let exchange = MHDExchange(core: core, connection: connection, method: String(cString: method), rawURL: String(cString: url))
            requestPointer.pointee = Unmanaged.passRetained(exchange).toOpaque()
            core.exchangeStarted()
            return MHDRequestFlow.start(exchange)
        }

        let exchange = Unmanaged<MHDExchange>.fromOpaque(existing).takeUnretainedValue()
        guard exchange.isReceiving else {
            return MHDRequestFlow.queueAfterResume(exchange)
        }
        guard uploadSize.pointee == 0 else {
            let chunk = UnsafeRawBufferPointer(start: uploadData, count: uploadSize.pointee)
            uploadSize.pointee = 0
            return MHDRequestFlow.receive(chunk, for: exchange)
        }
        return MHDRequestFlow.dispatch(exchange)
    }

    /// Called once per request that reached the access handler, when its response was sent or the connection closed.
    static let requestCompleted: MHD_RequestCompletedCallback = { context, _, requestPointer, termination in
        guard let context, let requestPointer, let existing = requestPointer.pointee else {
            return
        }
        let core = Unmanaged<MHDServerCore>.fromOpaque(context).takeUnretainedValue()
        let exchange = Unmanaged<MHDExchange>.fromOpaque(existing).takeRetainedValue()
        requestPointer.pointee = nil
        core.exchangeFinished(exchange, termination: termination)
    }
}
