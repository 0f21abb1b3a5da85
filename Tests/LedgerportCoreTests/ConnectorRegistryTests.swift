import LedgerportConnectors
import LedgerportSDK
import Testing

@testable import LedgerportCore

/// Connector types with the identities of the repository's specs; they are never instantiated.
private struct StripeDouble: Connector {
    static let id = "stripe"
    static let version = SemanticVersion(major: 1, minor: 0, patch: 0)
    static let kind = ConnectorKind.source
    init(configuration: ConnectorConfiguration, context: ConnectorContext) throws(ConnectorError) {}
    func checkConnection() async throws(ConnectorError) -> String { "Stripe double" }
}

private struct SecondStripeDouble: Connector {
    static let id = "stripe"
    static let version = SemanticVersion(major: 1, minor: 0, patch: 0)
    static let kind = ConnectorKind.source
    init(configuration: ConnectorConfiguration, context: ConnectorContext) throws(ConnectorError) {}
    func checkConnection() async throws(ConnectorError) -> String { "second Stripe double" }
}

private struct HubSpotDouble: Connector {
    static let id = "hubspot"
    static let version = SemanticVersion(major: 1, minor: 0, patch: 0)
    static let kind = ConnectorKind.source
    init(configuration: ConnectorConfiguration, context: ConnectorContext) throws(ConnectorError) {}
    func checkConnection() async throws(ConnectorError) -> String { "HubSpot double" }
}

private struct OdooDouble: Connector {
    static let id = "odoo"
    static let version = SemanticVersion(major: 1, minor: 0, patch: 0)
    static let kind = ConnectorKind.target
    init(configuration: ConnectorConfiguration, context: ConnectorContext) throws(ConnectorError) {}
    func checkConnection() async throws(ConnectorError) -> String { "Odoo double" }
}

/// An Odoo double that claims to be a source, to test the kind check.
private struct OdooSourceDouble: Connector {
    static let id = "odoo"
    static let version = SemanticVersion(major: 1, minor: 0, patch: 0)
    static let kind = ConnectorKind.source
    init(configuration: ConnectorConfiguration, context: ConnectorContext) throws(ConnectorError) {}
    func checkConnection() async throws(ConnectorError) -> String { "Odoo double" }
}

private struct SalesforceDouble: Connector {
    static let id = "salesforce"
    static let version = SemanticVersion(major: 0, minor: 1, patch: 0)
    static let kind = ConnectorKind.source
    init(configuration: ConnectorConfiguration, context: ConnectorContext) throws(ConnectorError) {}
    func checkConnection() async throws(ConnectorError) -> String { "Salesforce double" }
}

@Suite struct ConnectorRegistryTests {
    private let specs = repositoryLoader.loadDirectory(Checkout.specsDirectory).specs

    private func problems(_ implementations: [any Connector.Type], specs: [LoadedSpec]? = nil) -> [ConnectorRegistryError.Problem] {
        do {
            _ = try ConnectorRegistry(specs: specs ?? self.specs, implementations: implementations)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func matchingSpecsAndImplementations_bindByIdAndVersion() throws {
        let registry = try ConnectorRegistry(specs: specs, implementations: [StripeDouble.self, HubSpotDouble.self, OdooDouble.self])
        #expect(registry.entries.map(\.reference) == ["hubspot@1.0.0", "odoo@1.0.0", "stripe@1.0.0"])
        #expect(registry.entry(id: "odoo", version: SemanticVersion(major: 1, minor: 0, patch: 0))?.implementation == OdooDouble.self)
        #expect(registry.entries(id: "stripe").count == 1)
        #expect(registry.entry(id: "odoo", version: SemanticVersion(major: 2, minor: 0, patch: 0)) == nil)
    }

    @Test func specWithoutImplementation_failsNamingTheFile() throws {
        let found = problems([StripeDouble.self, HubSpotDouble.self])
        #expect(found.count == 1)
        guard case .specWithoutImplementation(let reference, let file) = try #require(found.first) else {
            Issue.record("expected specWithoutImplementation, found \(found)")
            return
        }
        #expect(reference == "odoo@1.0.0")
        #expect(file.hasSuffix("connector-specs/odoo/1.0.0.json"))
        #expect(found.first?.description.contains("add the connector type to BuiltinConnectors.all") == true)
    }

    @Test func implementationWithoutSpec_failsNamingTheSpecPath() {
        let found = problems([StripeDouble.self, HubSpotDouble.self, OdooDouble.self, SalesforceDouble.self])
        #expect(found.count == 1)
        #expect(found.first?.description.hasPrefix("salesforce@0.1.0: implementation") == true)
        #expect(found.first?.description.contains("add connector-specs/salesforce/0.1.0.json") == true)
    }

    @Test func duplicateImplementation_fails() {
        let found = problems([StripeDouble.self, SecondStripeDouble.self, HubSpotDouble.self, OdooDouble.self])
        #expect(found.count == 1)
        guard case .duplicateImplementation(let reference, let typeNames) = found.first else {
            Issue.record("expected duplicateImplementation, found \(found)")
            return
        }
        #expect(reference == "stripe@1.0.0")
        #expect(typeNames.count == 2)
    }

    @Test func duplicateSpec_fails() {
        let found = problems([StripeDouble.self, HubSpotDouble.self, OdooDouble.self], specs: specs + specs.filter { $0.spec.id == "odoo" })
        #expect(found.map(\.description).count == 1)
        guard case .duplicateSpec(let reference, _) = found.first else {
            Issue.record("expected duplicateSpec, found \(found)")
            return
        }
        #expect(reference == "odoo@1.0.0")
    }

    @Test func kindMismatch_fails() {
        let found = problems([StripeDouble.self, HubSpotDouble.self, OdooSourceDouble.self])
        #expect(found == [.kindMismatch(reference: "odoo@1.0.0", specKind: .target, implementationKind: .source)])
    }

    @Test func errorDescription_listsEveryProblem() {
        do {
            _ = try ConnectorRegistry(specs: specs, implementations: [SalesforceDouble.self])
            Issue.record("the registry was built although no spec has an implementation")
        } catch {
            #expect(error.problems.count == 4)
            #expect(error.description.hasPrefix("bind connector specs to implementations: 4 problems\n"))
        }
    }

    @Test func builtinList_matchesRepositorySpecs() {
        #expect(BuiltinConnectors.all.count == specs.count)
        #expect(problems(BuiltinConnectors.all).map(\.description) == [])
    }
}
