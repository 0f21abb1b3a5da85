import Foundation
import LedgerportSDK
import Testing

@testable import LedgerportMapping

@Suite struct DefaultMappingTests {
    @Test func everyDefault_validates() throws {
        let defaults = try DefaultMappings.list()
        #expect(defaults.count == 7)
        for entry in defaults {
            do {
                _ = try Mapping.load(contentsOf: entry.url, environment: TestSupport.environment)
            } catch {
                Issue.record("\(error)")
            }
        }
    }
}
