import Foundation
import LedgerportLog
import LedgerportSDK
@testable import StripeConnector

/// Fixtures, doubles and builders shared by the Stripe connector tests.
enum StripeTestSupport {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let eventsFolder = fixtures.appendingPathComponent("localstripe-events")

    /// The signing secret localstripe used for the recordings (a fake test value).
    static var recordedSecret: Secret {
        let json = try! JSONParser.parse(Array(try! Data(contentsOf: eventsFolder.appendingPathComponent("_signing-secret.json"))))
        return Secret(json["secret"]!.stringValue!)
    }

    /// One recorded webhook: the raw body exactly as signed and its headers.
    struct RecordedWebhook {
        let file: String
        let body: [UInt8]
        let headers: HTTPHeaders
        let receivedAt: Date
        let eventType: String
        let eventID: String
    }

    /// Loads every recorded webhook, in arrival order.
    static func recordedWebhooks() throws -> [RecordedWebhook] {
        let names = try FileManager.default.contentsOfDirectory(atPath: eventsFolder.path)
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix("_") }.sorted()
        return try names.map { name in
            let json = try JSONParser.parse(Array(try Data(contentsOf: eventsFolder.appendingPathComponent(name))))
            var headers = HTTPHeaders()
            for (key, value) in json["headers"]?.objectValue ?? [:] {
                headers.add(name: key, value: value.stringValue ?? "")
            }
            let received = json["received_at_unix"]?.numberValue?.doubleValue ?? 0
            return RecordedWebhook(
                file: name, body: Array(json["raw_body"]!.stringValue!.utf8), headers: headers,
                receivedAt: Date(timeIntervalSince1970: received),
                eventType: json["body"]!["type"]!.stringValue!, eventID: json["body"]!["id"]!.stringValue!
            )
        }
    }

    /// Computes a `Stripe-Signature` value for `body` signed at `timestamp` with each of `secrets`.
    static func signatureHeader(body: [UInt8], timestamp: Int64, secrets: [Secret]) -> String {
        var message = Array("\(timestamp).".utf8)
        message += body
        let signatures = secrets.map { "v1=" + MessageAuthentication.hex(MessageAuthentication.hmacSHA256(key: $0, message: message)) }
        return (["t=\(timestamp)"] + signatures).joined(separator: ",")
    }

    static func configuration(
        apiKey: String = "sk_test_fixture", secrets: [Secret] = [recordedSecret], baseURL: String = "http://127.0.0.1:1",
        version: String = "2017-08-15", extra: JSONObject = [:]
    ) -> ConnectorConfiguration {
        var values: JSONObject = ["api_base_url": .string(baseURL), "api_version": .string(version)]
        values.merge(extra) { _, new in new }
        return ConnectorConfiguration(values: values, secrets: ["api_key": [Secret(apiKey)], "webhook_signing_secret": secrets])
    }

    static func context(http: any HTTPTransport = RecordedTransport(), clock: any WallClock) -> ConnectorContext {
        ConnectorContext(tenantID: "acme", connectionID: "stripe-test", environment: "test", http: http, clock: clock, logger: .disabled)
    }

    /// Creates a connector over `http` whose clock starts at `now`.
    static func connector(
        http: any HTTPTransport = RecordedTransport(), now: Date = Date(timeIntervalSince1970: 1_796_412_200),
        configuration: ConnectorConfiguration = configuration()
    ) throws -> (StripeConnector, ManualClock) {
        let clock = ManualClock(now)
        let connector = try StripeConnector(configuration: configuration, context: context(http: http, clock: clock), jitter: FixedJitter(0.5))
        return (connector, clock)
    }

    /// Wraps `body` as a stored native event.
    static func nativeEvent(_ body: [UInt8]) -> NativeEvent {
        let envelope = StripeEventEnvelope.scan(body)!
        return NativeEvent(eventID: envelope.id, eventType: envelope.type, payload: body, receivedAt: Date(timeIntervalSince1970: 0))
    }

    /// Builds a Stripe event body around `object`.
    static func eventBody(id: String, type: String, created: Int64, object: JSONValue, apiVersion: String = "2017-08-15") -> [UInt8] {
        JSONWriter.bytes([
            "id": .string(id), "object": "event", "type": .string(type), "created": .number(JSONNumber(created)),
            "api_version": .string(apiVersion), "livemode": false, "data": ["object": object],
        ])
    }

    /// Loads the parsed JSON of a recorded event's `data.object`.
    static func recordedObject(_ file: String) throws -> JSONValue {
        let json = try JSONParser.parse(Array(try Data(contentsOf: eventsFolder.appendingPathComponent(file))))
        return json["body"]!["data"]!["object"]!
    }
}

/// A jitter source that always returns the same fraction.
struct FixedJitter: JitterSource {
    let fraction: Double

    init(_ fraction: Double) {
        self.fraction = fraction
    }

    func nextFraction() -> Double { fraction }
}

/// An HTTP transport that returns responses from a script and records every request.
///
/// Each route is `METHOD path` (without the query); its responses are used
/// in order, the last one repeating. An unrouted request gets a 404 with
/// Stripe's error shape, as localstripe answers.
final class RecordedTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var routes: [String: [HTTPResponse]]
    private var recorded: [HTTPRequest] = []

    init(_ routes: [String: [HTTPResponse]] = [:]) {
        self.routes = routes
    }

    var requests: [HTTPRequest] {
        lock.withLock { recorded }
    }

    func send(_ request: HTTPRequest) async throws(HTTPTransportError) -> HTTPResponse {
        lock.withLock {
            recorded.append(request)
            let path = request.url.split(separator: "?", maxSplits: 1)[0].replacingOccurrences(of: "http://127.0.0.1:1", with: "")
            let key = "\(request.method) \(path)"
            guard var responses = routes[key], !responses.isEmpty else {
                return .json(404, ["error": ["message": "Not Found", "type": "invalid_request_error"]])
            }
            let response = responses.count > 1 ? responses.removeFirst() : responses[0]
            routes[key] = responses
            return response
        }
    }
}

extension HTTPResponse {
    static func json(_ status: Int, _ body: JSONValue, headers: HTTPHeaders = [:]) -> HTTPResponse {
        var allHeaders = headers
        allHeaders.add(name: "Content-Type", value: "application/json")
        return HTTPResponse(status: status, headers: allHeaders, body: JSONWriter.bytes(body))
    }
}

extension JSONValue {
    /// Returns a copy with `value` at the dotted `path` (`lines.has_more`), creating objects on the way.
    func setting(_ path: String, to value: JSONValue) -> JSONValue {
        let parts = path.split(separator: ".", maxSplits: 1).map(String.init)
        var members = objectValue ?? [:]
        if parts.count == 1 {
            members[parts[0]] = value
        } else {
            members[parts[0]] = (members[parts[0]] ?? .object([:])).setting(parts[1], to: value)
        }
        return .object(members)
    }
}
