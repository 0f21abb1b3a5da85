import Foundation
import LedgerportSDK

/// Plays recorded Stripe events to a webhook URL on loopback, as `ledgerport webhook send` does.
///
/// Each event is signed at the moment it is sent (the clock's time), so a
/// receiver's tolerance check passes. Options reproduce what Stripe does to
/// a real endpoint: deliver an event more than once, out of order, and late.
/// Only loopback URLs are accepted (`127.0.0.0/8`, `localhost`, `[::1]`);
/// this is a test tool, not a load generator for other hosts.
package struct StripeWebhookReplay: Sendable {
    /// The order events are sent in.
    package enum Order: Sendable, Equatable {
        case recorded
        case reversed
        /// A shuffle that is the same for the same seed.
        case shuffled(seed: UInt64)
    }

    /// The outcome of one delivery: the event id, the receiver's HTTP status and, for an error, its reason.
    package struct Delivery: Sendable, Equatable {
        package let eventID: String
        package let status: Int
        /// The receiver's `error.code` and `error.message` from a JSON error body, such as `signature_mismatch`.
        package var errorCode: String? = nil
        package var errorMessage: String? = nil
        /// Whether a 2xx response reported the event as stored before (the receiver's `"duplicates"` count), when it reported it.
        package var duplicate: Bool? = nil
    }

    package let url: String
    package let secrets: [Secret]
    package var copies: Int = 1
    package var order: Order = .recorded
    /// Seconds to wait before each delivery after the first.
    package var delaySeconds: Double = 0

    package init(url: String, secrets: [Secret], copies: Int = 1, order: Order = .recorded, delaySeconds: Double = 0) throws(ConnectorError) {
        guard Self.isLoopback(url) else {
            throw ConnectorError.configuration("webhook_send_not_loopback", "send webhooks to \"\(url)\": only http URLs on 127.0.0.1, localhost or [::1] are allowed", hint: "point --url at a receiver on this machine")
        }
        guard !secrets.isEmpty else {
            throw ConnectorError.configuration("webhook_send_no_secret", "send webhooks: the secret file contains no secret", hint: "write the endpoint's whsec_ secret in the file, one per line")
        }
        guard copies >= 1, delaySeconds >= 0 else {
            throw ConnectorError.configuration("webhook_send_invalid_option", "send webhooks: copies must be at least 1 and the delay at least 0 s", hint: "pass --duplicate N with N >= 1 and --delay SECONDS >= 0")
        }
        self.url = url
        self.secrets = secrets
        self.copies = copies
        self.order = order
        self.delaySeconds = delaySeconds
    }

    /// The bodies in the order they will be sent, each repeated `copies` times in a row.
    package func plan(_ bodies: [[UInt8]]) -> [[UInt8]] {
        var ordered = bodies
        switch order {
        case .recorded: break
        case .reversed: ordered.reverse()
        case .shuffled(let seed):
            var generator = SplitMix64(seed: seed)
            ordered.shuffle(using: &generator)
        }
        return ordered.flatMap { Array(repeating: $0, count: copies) }
    }

    /// Signs and posts every planned body through `transport`, waiting on `clock` between deliveries.
    ///
    /// `onDelivery` gets each delivery as soon as its response arrived, so a
    /// caller can report the ones that went through before a later request fails.
    package func send(
        _ bodies: [[UInt8]], transport: any HTTPTransport, clock: any WallClock, onDelivery: (Delivery) -> Void = { _ in }
    ) async throws(ConnectorError) -> [Delivery] {
        var deliveries = [Delivery]()
        for (position, body) in plan(bodies).enumerated() {
            if position > 0, delaySeconds > 0 {
                do {
                    try await clock.sleep(seconds: delaySeconds)
                } catch {
                    throw ConnectorError.transient("webhook_send_cancelled", "send webhooks: cancelled after \(position) deliveries")
                }
            }
            let timestamp = Int64(clock.now().timeIntervalSince1970.rounded(.down))
            let headers: HTTPHeaders = [
                "Content-Type": "application/json; charset=utf-8",
                "Stripe-Signature": StripeWebhookSigner.signatureHeader(body: body, timestamp: timestamp, secrets: secrets),
            ]
            let response: HTTPResponse
            do {
                response = try await transport.send(HTTPRequest(method: "POST", url: url, headers: headers, body: body))
            } catch {
                let eventID = StripeEventEnvelope.scan(body).map { " (\($0.id))" } ?? ""
                throw ConnectorError(
                    error.failureClass, code: "webhook_send_failed",
                    message: "send webhook \(position + 1)\(eventID) to \(url), after \(position) delivered: \(error)")
            }
            let answer = try? JSONParser.parse(response.body)
            let accepted = (200...299).contains(response.status)
            let error = accepted ? nil : answer?["error"]
            let delivery = Delivery(
                eventID: StripeEventEnvelope.scan(body)?.id ?? "", status: response.status,
                errorCode: error?["code"]?.stringValue, errorMessage: error?["message"]?.stringValue,
                duplicate: accepted ? answer?["duplicates"]?.int64Value.map { $0 > 0 } : nil
            )
            deliveries.append(delivery)
            onDelivery(delivery)
        }
        return deliveries
    }

    /// Returns the body of a recording file: its `raw_body` when it is a recorded webhook, else the file itself.
    package static func body(ofRecording bytes: [UInt8]) -> [UInt8] {
        if let raw = (try? JSONParser.parse(bytes))?["raw_body"]?.stringValue {
            return Array(raw.utf8)
        }
        return bytes
    }

    /// Returns whether `url` is `http` to a loopback host: an IPv4 address in 127.0.0.0/8, `localhost` or `[::1]`.
    static func isLoopback(_ url: String) -> Bool {
        guard let components = URLComponents(string: url), components.scheme == "http", let host = components.host else {
            return false
        }
        if host == "localhost" || host == "::1" || host == "[::1]" {
            return true
        }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets[0] == "127" else { return false }
        return octets.allSatisfy { octet in UInt8(octet).map { String($0) == octet } ?? false }
    }
}

/// A small seeded random number generator (SplitMix64), so a shuffle is reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
