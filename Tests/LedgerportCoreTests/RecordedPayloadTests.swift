import Foundation
import LedgerportJSONSchema
import LedgerportSDK
import Testing

@testable import LedgerportCore

/// The object and payload schemas of the specs agree with traffic recorded from real systems and their doubles.
@Suite struct RecordedPayloadTests {
    private func loaded(_ id: String) throws -> LoadedSpec {
        try #require(repositoryLoader.loadFile("\(Checkout.specsDirectory)/\(id)/1.0.0.json").0)
    }

    private func fixtureFiles(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: "\(Checkout.fixtures)/\(folder)").sorted().map { "\(Checkout.fixtures)/\(folder)/\($0)" }
    }

    @Test func stripeWebhooks_matchPayloadAndObjectSchemas() throws {
        let stripe = try loaded("stripe")
        let payloadSchema = try #require(stripe.payloadSchema)
        let files = try fixtureFiles("stripe-events")
        #expect(files.count == 51)

        for file in files {
            let recording = try readJSON(file)
            let body = try JSONParser.parse(try #require(recording["raw_body"]?.stringValue))
            #expect(payloadSchema.validate(body, file: file).map(\.description) == [])

            let object = try #require(body["data"]?["object"])
            let objectName = try #require(object["object"]?.stringValue)
            let schema = try #require(stripe.objectSchemas[objectName], "no schema for \(objectName) in \(file)")
            #expect(schema.validate(object, file: file).map(\.description) == [])
        }
    }

    @Test func stripeWebhooks_haveDeclaredEventTypes() throws {
        let stripe = try loaded("stripe").spec
        for file in try fixtureFiles("stripe-events") {
            let body = try JSONParser.parse(try #require(try readJSON(file)["raw_body"]?.stringValue))
            let type = try #require(body["type"]?.stringValue)
            let object = try #require(body["data"]?["object"]?["object"]?.stringValue)
            #expect(stripe.eventTypes(named: type).map(\.object) == [object], "\(type) in \(file)")
        }
    }

    @Test func hubspotWebhooks_matchPayloadSchemaAndPointers() throws {
        let hubspot = try loaded("hubspot")
        let payloadSchema = try #require(hubspot.payloadSchema)
        let webhooks = try #require(hubspot.spec.webhooks)
        let files = try fixtureFiles("hubspot")
        #expect(files.count == 2)

        for file in files {
            let body = try JSONParser.parse(try #require(try readJSON(file)["request"]?["raw_body"]?.stringValue))
            #expect(payloadSchema.validate(body, file: file).map(\.description) == [])
            for event in try #require(body.arrayValue) {
                let eventID = JSONPointer(webhooks.eventIDPointer)?.resolve(in: event)
                let eventType = JSONPointer(webhooks.eventTypePointer)?.resolve(in: event)?.stringValue
                #expect(eventID?.int64Value != nil)
                #expect(!hubspot.spec.eventTypes(named: try #require(eventType)).isEmpty, "\(eventType ?? "") in \(file)")
            }
        }
    }

    @Test func odooReadBackRecords_matchObjectSchemas() throws {
        let odoo = try loaded("odoo")
        let recordsByModel = try #require(try readJSON("\(Checkout.fixtures)/odoo/read-back-records.json").objectValue)
        #expect(Set(recordsByModel.keys) == Set(odoo.spec.objects.map(\.name)))

        for (model, entries) in recordsByModel {
            let schema = try #require(odoo.objectSchemas[model])
            for entry in try #require(entries.arrayValue) {
                let source = entry["source"]?.stringValue ?? model
                #expect(schema.validate(try #require(entry["record"]), file: source).map(\.description) == [])
            }
        }
    }
}
