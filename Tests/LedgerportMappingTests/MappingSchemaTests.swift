import Foundation
import LedgerportJSONSchema
import LedgerportMappingData
import LedgerportSDK
import Testing

@testable import LedgerportMapping

/// The JSON Schema of the mapping format agrees with the validator on valid and invalid mappings.
@Suite struct MappingSchemaTests {
    static let schema: JSONSchema = {
        do {
            let url = try #require(MappingResources.mappingSchemaFile)
            return try JSONSchema(document: JSONParser.parse(Array(Data(contentsOf: url))), file: "mappings/mapping.schema.json")
        } catch {
            preconditionFailure("mappings/mapping.schema.json does not load: \(error)")
        }
    }()

    @Test func defaults_matchTheFormatSchema() {
        for mapping in DefaultMappingTests.defaults {
            let issues = Self.schema.validate(mapping.document, file: mapping.file)
            #expect(issues.isEmpty, "\(mapping.name): \(issues.map(\.description))")
        }
    }

    @Test func testMappings_matchTheFormatSchema() {
        #expect(Self.schema.validate(MappingValidationTests.base).isEmpty)
        let probe = ProbeTarget.mapping(values: ["amount": TestSupport.json(#"{"divide": [{"path": "object.total"}, 4], "rounding": "half_even"}"#)])
        #expect(Self.schema.validate(probe).isEmpty)
    }

    @Test func structuralMistakes_failTheFormatSchema() {
        let broken: [JSONValue] = [
            MappingValidationTests.base.setting("/operatons", to: []),
            MappingValidationTests.base.setting("/version", to: "1.2"),
            MappingValidationTests.base.setting("/operations/0/values/currency", to: ["upper": ["path": "object.currency"]]),
            MappingValidationTests.base.setting("/lookups/odoo_tax/default", to: nil),
            MappingValidationTests.base.setting("/operations/0/values/ref", to: ["path": "object.number", "missing": "skip"]),
        ]
        for document in broken {
            #expect(!Self.schema.validate(document).isEmpty)
            #expect(!TestSupport.issues(document).isEmpty)
        }
    }
}
