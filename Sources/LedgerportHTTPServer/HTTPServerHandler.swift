/// The code that turns a request into a response, in one of two forms.
///
/// libmicrohttpd calls the server on its own threads and expects an answer
/// without blocking them. The two forms differ in where the work runs:
///
/// - ``async(_:)`` runs in a new task. The server suspends the connection
///   before starting the task and resumes it with the returned response.
///   A thrown error becomes a 500 response and an error log line. This is the
///   simple form for handlers that await anything.
/// - ``immediate(_:)`` runs on the libmicrohttpd thread and must return
///   quickly without blocking. It answers through its ``HTTPResponder``,
///   either before it returns (a health check: no suspension at all) or
///   later from any thread (a webhook that is verified here, queued for a
///   group-commit writer, and answered when the commit is done, with no task
///   per request).
package enum HTTPServerHandler: Sendable {
    case async(@Sendable (HTTPServerRequest) async throws -> HTTPServerResponse)
    case immediate(@Sendable (HTTPServerRequest, HTTPResponder) -> Void)
}
