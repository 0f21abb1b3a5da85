import Foundation
import LedgerportLog
import LedgerportSDK
import StripeConnector

@testable import LedgerportMapping

/// The localstripe recordings in Fixtures/localstripe-events, translated by the Stripe connector.
///
/// The connector runs offline: a placeholder test key and a transport that
/// fails every request, since none of the recorded events needs the API.
enum RecordedStripeEvents {
    /// Translates every recorded event that has a canonical counterpart, in arrival order, with its file name.
    static func all() async throws -> [(file: String, event: CanonicalEvent)] {
        let folder = TestSupport.fixture("localstripe-events")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("0") }.sorted()
        var events = [(file: String, event: CanonicalEvent)]()
        for name in names {
            let body = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
            for event in try await translate(body) {
                events.append((name, event))
            }
        }
        return events
    }

    /// Translates one webhook body with the Stripe connector.
    static func translate(_ body: [UInt8]) async throws -> [CanonicalEvent] {
        let document = try JSONParser.parse(body)
        // The placeholder only satisfies the key-format check; the offline transport never sends it.
        let configuration = ConnectorConfiguration(values: [:], secrets: ["api_key": [Secret("sk_test_offline_tests")]])
        let context = ConnectorContext(
            tenantID: "tenant_a", connectionID: "stripe_test", environment: "test", http: OfflineTransport(),
            clock: ManualClock(Date(timeIntervalSince1970: 0)), logger: .disabled
        )
        let connector = try StripeConnector(configuration: configuration, context: context)
        let native = NativeEvent(
            eventID: document["id"]?.stringValue ?? "", eventType: document["type"]?.stringValue ?? "", payload: body,
            receivedAt: Date(timeIntervalSince1970: 0)
        )
        return try await connector.translate(native)
    }
}

/// A transport that fails every request, so a test notices any call to the Stripe API.
struct OfflineTransport: HTTPTransport {
    func send(_ request: HTTPRequest) async throws(HTTPTransportError) -> HTTPResponse {
        throw .invalidRequest(url: request.url, detail: "the tests translate recorded events offline")
    }
}
