/// The code that turns a request into a response, in one of two forms.
///
/// libmicrohttpd calls the server on its own threads, which must not block
/// while a response is prepared. The two forms differ in where the work runs:
///
/// - ``async(_:)`` runs in a new task. The server suspends the connection
///   before starting the task and resumes it with the returned response.
///   A thrown error becomes a 500 response and an error log line. This is the
///   simple form for handlers that await anything.
/// - ``immediate(_:)`` runs on the libmicrohttpd thread and must return
///   quickly without blocking. It responds through its ``HTTPResponder``,
///   either before it returns (a health check: no suspension at all) or
///   later from any thread (a webhook that is verified here, queued for a
///   group-commit writer, and completed when the commit is done, with no task
///   per request).
///
/// Measured speed of each form, with `LedgerportHTTPBench --seconds 3`, an executable
/// since removed (16 keep-alive connections, 256-byte POST bodies, 2 server threads, load generator on the
/// same 2-core machine, medians of three runs): responding before returning
/// reached about 54,000 requests/s, deferring to one writer thread that responds
/// in batches about 43,000/s, and a task per request about 37,000/s. With only 4
/// connections, batches are small and the deferred and task forms are both
/// near 25,000/s. So suspension costs more than the task: respond at once
/// when the response is ready, and prefer the deferred form for group commit.
package enum HTTPServerHandler: Sendable {
    /// A handler run in a new task per request; its returned response is sent, a thrown error becomes 500.
    case async(@Sendable (HTTPServerRequest) async throws -> HTTPServerResponse)
    /// A handler run on the libmicrohttpd thread that responds through the ``HTTPResponder`` now or later.
    case immediate(@Sendable (HTTPServerRequest, HTTPResponder) -> Void)
}
