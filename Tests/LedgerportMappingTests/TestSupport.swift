import Foundation
import LedgerportSDK
import Testing

@testable import LedgerportMapping

/// Shared helpers for the mapping tests.
enum TestSupport {
    /// The repository's `connector-specs` folder, found from this file's path.
    static let specsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("connector-specs").path

    /// The bundled schemas and the target catalogs of the repository's connector specs.
    static let environment: ValidationEnvironment = {
        do {
            let loaded = try ValidationEnvironment.load(specsDirectory: specsDirectory)
            precondition(loaded.problems.isEmpty, "the connector specs have problems: \(loaded.problems)")
            return loaded.environment
        } catch {
            preconditionFailure("the canonical schemas or connector specs do not load: \(error)")
        }
    }()

    /// Builds a context for a tenant in `zone`.
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

    /// Validates `document` and returns the issues found, or none.
    static func issues(_ document: JSONValue) -> [MappingIssue] {
        do {
            _ = try Mapping(document: document, file: "test.json", environment: environment)
            return []
        } catch {
            return error.issues
        }
    }

    /// Returns the URL of a file in the test fixtures.
    static func fixture(_ name: String) -> URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(name)
    }

    /// Parses an instant from RFC 3339 text.
    static func instant(_ text: String) -> Date {
        try! JSONValueDecoder().decode(Date.self, from: JSONValue.string(text))
    }

    /// Builds an event carrying `object`, as the Stripe connector emits them.
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

extension JSONValue {
    /// Returns a copy with the value at `pointer` replaced, or removed when `value` is nil.
    func setting(_ pointer: String, to value: JSONValue?) -> JSONValue {
        setting(JSONPointer(pointer)!.tokens[...], to: value)
    }

    private func setting(_ tokens: ArraySlice<String>, to value: JSONValue?) -> JSONValue {
        guard let token = tokens.first else {
            return value ?? .null
        }
        switch self {
        case .object(var members):
            if tokens.count == 1 && value == nil {
                members[token] = nil
            } else {
                members[token] = (members[token] ?? .object([:])).setting(tokens.dropFirst(), to: value)
            }
            return .object(members)
        case .array(var elements):
            let index = Int(token)!
            if tokens.count == 1 && value == nil {
                elements.remove(at: index)
            } else if index == elements.count {
                elements.append(JSONValue.object([:]).setting(tokens.dropFirst(), to: value))
            } else {
                elements[index] = elements[index].setting(tokens.dropFirst(), to: value)
            }
            return .array(elements)
        default:
            preconditionFailure("cannot set \(token) inside \(self)")
        }
    }
}

/// A target with one field of each kind, so tests can evaluate any expression into a field that takes its type.
enum ProbeTarget {
    static let catalog = TargetCatalog(
        connector: "probe", version: SemanticVersion(major: 1, minor: 0, patch: 0),
        models: [
            TargetModel(
                name: "probe.record",
                actions: [
                    .upsert: [
                        "text": .optional(.string), "amount": .optional(.money), "number": .optional(.decimal),
                        "day": .optional(.date), "flag": .optional(.boolean), "texts": .optional(.list(.string)),
                        "amounts": .optional(.list(.money)), "numbers": .optional(.list(.decimal)), "target": .optional(.reference(model: nil)),
                    ]
                ],
                expectationFields: ["amount_total"]
            )
        ]
    )

    static let environment = ValidationEnvironment(
        schemas: TestSupport.environment.schemas, catalogs: TargetCatalogRegistry(TestSupport.environment.catalogs.catalogs(of: "odoo") + [catalog])
    )

    /// Builds a mapping of `objectType` with one probe upsert whose values are `values`.
    static func mapping(_ objectType: String = "invoice", events: [String] = ["invoice.finalized"], values: JSONValue, lookups: JSONValue = [:], tables: JSONValue? = nil) -> JSONValue {
        var document: JSONValue = [
            "mapping_format": 1, "name": "probe", "version": "1.0.0", "description": "A probe for one expression.",
            "source": ["object_type": .string(objectType), "schema_version": 1, "event_types": .array(events.map(JSONValue.string))],
            "target": ["connector": "probe", "versions": "^1.0.0", "models": ["probe.record"]],
            "lookups": lookups,
            "operations": [["name": "probe", "action": "upsert", "model": "probe.record", "external_id": "probe_1", "values": values]],
        ]
        if let tables {
            document = document.setting("/exponent_tables", to: tables)
        }
        return document
    }

    /// Compiles a probe mapping and evaluates it for `event`, returning the probe operation's values.
    static func evaluate(_ document: JSONValue, event: JSONValue, context: EvaluationContext = TestSupport.context()) throws -> JSONObject {
        let mapping = try Mapping(document: document, file: "probe.json", environment: environment)
        let operations = try MappingEvaluator.evaluate(mapping, eventDocument: event, context: context)
        return JSONObject(operations.first?.values.mapValues(\.json) ?? [:])
    }
}

/// Canonical objects for evaluation tests.
enum Samples {
    static func money(_ minorUnits: Int64, _ currency: CurrencyCode) -> Money {
        Money(minorUnits: minorUnits, currency: currency)
    }

    /// Builds an open invoice with a plan line, a proration credit and a discounted line, in `currency`.
    static func invoice(_ currency: CurrencyCode = "EUR", createdAt: String = "2026-12-04T10:00:00Z", total: Int64 = 7000) -> CanonicalInvoice {
        CanonicalInvoice(
            id: "in_1", number: "ACME-0042", customerID: "cus_1", customerEmail: "billing@acme.example", status: .open, currency: currency,
            lines: [
                .init(id: "il_1", description: "Business plan", priceID: "biz-monthly", quantity: ExactDecimal(1), amount: money(9900, currency)),
                .init(id: "il_2", description: "Unused time", priceID: "pro-monthly", quantity: ExactDecimal(1), amount: money(-2900, currency), proration: true),
                .init(id: "il_3", description: "Seats", priceID: "seat", quantity: ExactDecimal(3), amount: money(3000, currency), discountAmounts: [money(1000, currency)]),
            ],
            subtotal: money(10000, currency), discountTotal: money(1000, currency), taxTotal: .zero(currency), total: money(total, currency),
            amountDue: money(total, currency), amountPaid: .zero(currency), amountRemaining: money(total, currency),
            createdAt: TestSupport.instant(createdAt), metadata: ["legal_entity": "acme_de"]
        )
    }

    /// Encodes an event carrying `invoice` as a JSON document.
    static func invoiceEvent(_ invoice: CanonicalInvoice = invoice(), type: CanonicalEventType = .invoiceFinalized) -> JSONValue {
        try! JSONValueEncoder().encode(TestSupport.event(type, .invoice(invoice)))
    }
}
