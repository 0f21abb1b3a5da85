import CMicroHTTPD
import Dispatch
import LedgerportLog
import LedgerportSDK

/// One request on one libmicrohttpd connection, from its header to its completion.
///
/// Created on the first access-handler call and retained through
/// libmicrohttpd's per-request pointer until the completion callback
/// releases it. The request parts (``body`` and the rest) are touched only by
/// the libmicrohttpd thread that owns the connection. ``state`` is shared with
/// handlers on other threads and guarded by the lock of ``core``.
final class MHDExchange: @unchecked Sendable {
    /// The progress of the response. Transitions happen under `core.lock`.
    enum State {
        /// Reading the request, or running the router on the libmicrohttpd thread.
        case receiving
        /// An immediate handler is running on the libmicrohttpd thread.
        case handling
        /// The immediate handler responded before returning; queue without suspending.
        case answeredEarly(HTTPServerResponse)
        /// The connection is being suspended on the libmicrohttpd thread.
        case suspending
        /// The response arrived while the connection was being suspended; resume at once.
        case answeredWhileSuspending(HTTPServerResponse)
        /// Suspended and waiting for the handler's response.
        case suspended
        /// Resumed with this response, which the next access-handler call queues.
        case resuming(HTTPServerResponse)
        /// The server is stopping: the handler's response, if any, is dropped and the client gets 503.
        case abandoned
        /// A response has been queued with libmicrohttpd.
        case queued
        /// libmicrohttpd reported the request complete.
        case closed
    }

    let core: MHDServerCore
    let connection: OpaquePointer
    let method: String
    let rawURL: String
    let startNanoseconds: UInt64
    var headers = HTTPHeaders()
    var body: [UInt8] = []
    /// The bytes of a chunked body read so far once it outgrew the limit, which are dropped; nil while the body fits.
    var droppedBodyBytes: Int?
    var isReceiving = true
    var loggedPath: String
    var state = State.receiving

    init(core: MHDServerCore, connection: OpaquePointer, method: String, rawURL: String) {
        self.core = core
        self.connection = connection
        self.method = method
        self.rawURL = rawURL
        loggedPath = rawURL
        startNanoseconds = DispatchTime.now().uptimeNanoseconds
    }

    /// Delivers the response from any thread: queues it, resumes the connection, or drops it.
    func complete(with response: HTTPServerResponse) {
        core.lock.lock()
        switch state {
        case .handling:
            state = .answeredEarly(response)
        case .suspending:
            state = .answeredWhileSuspending(response)
        case .suspended:
            guard core.beginResume(of: self) else {
                core.logDroppedResponse(for: self, status: response.status)
                break
            }
            state = .resuming(response)
            core.lock.unlock()
            MHD_resume_connection(connection)
            core.endResumes(count: 1)
            return
        case .abandoned, .queued, .closed:
            core.logDroppedResponse(for: self, status: response.status)
        case .receiving, .answeredEarly, .answeredWhileSuspending, .resuming:
            preconditionFailure("a request's response was delivered twice")
        }
        core.lock.unlock()
    }

    /// Suspends the connection, then publishes that it is suspended. Call on the
    /// libmicrohttpd thread with ``state`` set to ``State/suspending``.
    ///
    /// Suspending first means a response can never try to resume a connection
    /// that is not yet suspended. A response that arrives in between, or a
    /// server that started draining, resumes the connection at once.
    func suspendUntilAnswered() {
        MHD_suspend_connection(connection)

        core.lock.lock()
        if case .answeredWhileSuspending(let response) = state {
            state = .resuming(response)
        } else if core.isDraining {
            state = .abandoned
        } else {
            state = .suspended
            core.suspended[ObjectIdentifier(self)] = self
            core.lock.unlock()
            return
        }
        core.lock.unlock()
        MHD_resume_connection(connection)
    }

    func logDroppedResponder() {
        core.logger.error(
            "released responder without a response",
            metadata: [LogMetadataKey.httpMethod: .string(method), LogMetadataKey.httpPath: .string(loggedPath)]
        )
    }
}
