/// Completes one request that an ``HTTPServerHandler/immediate(_:)`` handler received.
///
/// Call ``respond(_:)`` exactly once, from any thread, before or after the
/// handler returns. Responding twice traps. A responder released without a
/// response sends 500 and logs an error, so a forgotten request does not
/// keep its connection open forever.
package final class HTTPResponder: Sendable {
    private let exchange: MHDExchange
    private let answered = OnceFlag()

    init(exchange: MHDExchange) {
        self.exchange = exchange
    }

    deinit {
        if answered.set() {
            exchange.logDroppedResponder()
            exchange.complete(with: .internalError())
        }
    }

    /// Sends `response`. Safe to call from any thread; when the server has
    /// stopped or the client is gone, the response is dropped.
    package func respond(_ response: HTTPServerResponse) {
        precondition(answered.set(), "HTTPResponder.respond called twice for one request")
        exchange.complete(with: response)
    }
}
