import Foundation
import LedgerportSDK
import Testing

@testable import LedgerportMapping

/// Shared helpers for the mapping tests.
enum TestSupport {
    /// The bundled schemas and the built-in target catalogs.
    static let environment: ValidationEnvironment = {
        do {
            return try ValidationEnvironment.bundled()
        } catch {
            preconditionFailure("the bundled canonical schemas do not load: \(error)")
        }
    }()

    /// A context for a tenant in `zone`.
    static func context(_ zone: String = "Europe/Berlin", overrides: [String: [String: JSONValue]] = [:]) -> EvaluationContext {
        EvaluationContext(tenantID: "tenant_a", timeZone: TimeZone(identifier: zone)!, lookupOverrides: overrides)
    }

    /// Parses JSON text written in a test.
    static func json(_ text: String) -> JSONValue {
        do {
            return try JSONParser.parse(text)
        } catch {
            preconditionFailure("test JSON does not parse: \(error)\n\(text)")
        }
    }

    /// Compiles a mapping written in a test, recording the issues when it does not validate.
    static func mapping(_ document: JSONValue, file: String = "test.json") throws -> Mapping {
        try Mapping(document: document, file: file, environment: environment)
    }

    /// The issues validation finds in `document`, or none.
    static func issues(_ document: JSONValue) -> [MappingIssue] {
        do {
            _ = try Mapping(document: document, file: "test.json", environment: environment)
            return []
        } catch {
            return error.issues
        }
    }

    /// The URL of a file in the test fixtures.
    static func fixture(_ name: String) -> URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(name)
    }

    /// An instant from RFC 3339 text.
    static func instant(_ text: String) -> Date {
        try! JSONValueDecoder().decode(Date.self, from: JSONValue.string(text))
    }

    /// An event carrying `object`, as the Stripe connector emits them.
    static func event(
        _ type: CanonicalEventType, _ object: CanonicalObjectValue, id: String = "evt_1", at time: String = "2026-12-04T10:00:00Z",
        nativeType: String? = nil
    ) -> CanonicalEvent {
        CanonicalEvent(
            id: id, type: type, occurredAt: instant(time),
            source: EventSource(connector: "stripe", connectorVersion: "1.0.0", nativeType: nativeType ?? type.rawValue, apiVersion: "2017-08-15", livemode: false),
            ordering: EventOrdering(key: "\(object.objectType.rawValue):\(object.id)", version: 1),
            object: object
        )
    }
}

extension TargetOperation {
    /// The value of a field as JSON, for compact assertions.
    subscript(field: String) -> JSONValue? {
        values[field]?.json
    }
}
