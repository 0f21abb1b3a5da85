import Foundation
import LedgerportSDK
import StripeConnector

/// Signs demo events with the endpoint's secret at send time and posts them to the runtime over HTTP.
struct DemoSender {
    /// The runtime's response to one request.
    struct Receipt: Sendable {
        let eventID: String
        let status: Int
        let stored: Int
        let duplicates: Int
    }

    let url: String
    let secret: Secret
    let transport: any HTTPTransport
    let clock: any WallClock

    func send(_ events: [DemoEvents.Event]) async throws -> [Receipt] {
        var receipts = [Receipt]()
        for event in events {
            let timestamp = Int64(clock.now().timeIntervalSince1970.rounded(.down))
            let request = HTTPRequest(
                method: "POST", url: url,
                headers: [
                    "Content-Type": "application/json; charset=utf-8",
                    "Stripe-Signature": StripeWebhookSigner.signatureHeader(body: event.body, timestamp: timestamp, secrets: [secret]),
                ],
                body: event.body
            )
            let response = try await transport.send(request)
            let json = try? JSONParser.parse(response.body)
            receipts.append(Receipt(
                eventID: event.id, status: response.status, stored: json?["stored"]?.intValue ?? 0,
                duplicates: json?["duplicates"]?.intValue ?? 0
            ))
        }
        return receipts
    }
}
