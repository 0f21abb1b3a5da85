import Foundation
import LedgerportSDK
import Testing

@testable import LedgerportMapping

@Suite struct DeterminismTests {
    static let events: [CanonicalEvent] = {
        // Errors here mean the fixtures are broken; the tests below then fail on an empty list.
        (try? RecordedStripeEvents.all().map(\.event)) ?? []
    }()

    static func operations(_ mappings: [Mapping]) throws -> [TargetOperation] {
        var operations = [TargetOperation]()
        for event in events {
            guard let mapping = mappings.first(where: { $0.source.objectType == event.object.objectType && $0.source.eventTypes.contains(event.type) }) else {
                continue
            }
            operations += try MappingEvaluator.evaluate(mapping, event: event, context: TestSupport.context())
        }
        return operations
    }

    @Test func sameInput_givesSameOperationsTwice() throws {
        let first = try Self.operations(DefaultMappingTests.defaults)
        let second = try Self.operations(DefaultMappingTests.defaults)
        #expect(!first.isEmpty)
        #expect(first == second)
        #expect(try JSONValueEncoder().encodeBytes(first) == JSONValueEncoder().encodeBytes(second))
    }

    @Test func mappingRoundTrip_keepsDigestAndOperations() throws {
        var reloaded = [Mapping]()
        for mapping in DefaultMappingTests.defaults {
            let pretty = JSONWriter.bytes(mapping.document, style: .pretty)
            let copy = try Mapping.parse(pretty, file: mapping.file, environment: TestSupport.environment)
            #expect(copy.digest == mapping.digest, "\(mapping.name)")
            reloaded.append(copy)
        }
        #expect(try Self.operations(reloaded) == Self.operations(DefaultMappingTests.defaults))
    }

    @Test func eventRoundTrip_givesSameOperations() throws {
        let mapping = DefaultMappingTests.defaults.first { $0.name == "stripe_invoice_to_odoo" }!
        for event in Self.events where event.object.objectType == .invoice {
            let direct = try MappingEvaluator.evaluate(mapping, event: event, context: TestSupport.context())
            let document = try JSONParser.parse(JSONValueEncoder().encodeBytes(event))
            let fromDocument = try MappingEvaluator.evaluate(mapping, eventDocument: document, context: TestSupport.context())
            #expect(direct == fromDocument, "\(event.id)")
        }
    }
}
