import Foundation
import LedgerportSDK
import Testing

@testable import LedgerportMapping

@Suite struct MappingDigestTests {
    static let base = MappingValidationTests.base

    @Test func digest_ignoresKeyOrderAndWhitespace() throws {
        let compact = try TestSupport.mapping(Self.base)
        let reordered = try Mapping.parse(JSONWriter.bytes(Self.base, style: .pretty), file: "pretty.json", environment: TestSupport.environment)
        #expect(compact.digest == reordered.digest)
        #expect(compact.digest.hex.count == 64)
        #expect(compact.digest.description.hasPrefix("sha256:"))
    }

    @Test func digest_changesWithAnyContent() throws {
        let original = try TestSupport.mapping(Self.base)
        let edited = try TestSupport.mapping(Self.base.setting("/description", to: "Invoices to Odoo."))
        #expect(original.digest != edited.digest)
    }

    @Test func sameVersionNewContent_isAConflict() throws {
        let published = try TestSupport.mapping(Self.base).published
        let edited = try TestSupport.mapping(Self.base.setting("/operations/0/values/ref", to: ["path": "object.id"]))
        let conflict = #expect(throws: MappingVersionConflict.self) { try edited.checkUnchanged(against: [published]) }
        #expect(conflict?.description.contains("invoice_probe@1.2.0: its content changed") == true)
        #expect(conflict?.failureClass == .configuration)
    }

    @Test func newVersion_orSameContent_isAccepted() throws {
        let published = try TestSupport.mapping(Self.base).published
        let republished = try TestSupport.mapping(Self.base)
        let raised = try TestSupport.mapping(Self.base.setting("/version", to: "1.3.0").setting("/description", to: "Changed."))
        try republished.checkUnchanged(against: [published])
        try raised.checkUnchanged(against: [published])
    }
}
