import Foundation
import LedgerportSDK
import Testing

@testable import LedgerportMapping

@Suite struct DeterminismTests {
    static func events() async throws -> [CanonicalEvent] {
        try await RecordedStripeEvents.all().map(\.event)
    }

    static func operations(_ mappings: [Mapping]) async throws -> [TargetOperation] {
        var operations = [TargetOperation]()
        for event in try await events() {
            guard let mapping = mappings.first(where: { $0.source.objectType == event.object.objectType && $0.source.eventTypes.contains(event.type) }) else {
                continue
            }
            operations += try MappingEvaluator.evaluate(mapping, event: event, context: TestSupport.context())
        }
        return operations
    }

    @Test func sameInput_givesSameOperationsTwice() async throws {
        let first = try await Self.operations(DefaultMappingTests.defaults)
        let second = try await Self.operations(DefaultMappingTests.defaults)
        #expect(!first.isEmpty)
        #expect(first == second)
        #expect(try JSONValueEncoder().encodeBytes(first) == JSONValueEncoder().encodeBytes(second))
    }

    @Test func mappingRoundTrip_keepsDigestAndOperations() async throws {
        var reloaded = [Mapping]()
        for mapping in DefaultMappingTests.defaults {
            let pretty = JSONWriter.bytes(mapping.document, style: .pretty)
            let copy = try Mapping.parse(pretty, file: mapping.file, environment: TestSupport.environment)
            #expect(copy.digest == mapping.digest, "\(mapping.name)")
            reloaded.append(copy)
        }
        let reloadedOperations = try await Self.operations(reloaded)
        let originalOperations = try await Self.operations(DefaultMappingTests.defaults)
        #expect(reloadedOperations == originalOperations)
    }

    @Test func eventRoundTrip_givesSameOperations() async throws {
        let mapping = DefaultMappingTests.defaults.first { $0.name == "stripe_invoice_to_odoo" }!
        for event in try await Self.events() where event.object.objectType == .invoice {
            let direct = try MappingEvaluator.evaluate(mapping, event: event, context: TestSupport.context())
            let document = try JSONParser.parse(JSONValueEncoder().encodeBytes(event))
            let fromDocument = try MappingEvaluator.evaluate(mapping, eventDocument: document, context: TestSupport.context())
            #expect(direct == fromDocument, "\(event.id)")
        }
    }
}
