import LedgerportCore
import LedgerportMapping

extension ValidationEnvironment {
    /// The canonical schemas bundled with this build and the catalogs of the registry's target connectors.
    static func forRuntime(registry: ConnectorRegistry) throws -> ValidationEnvironment {
        let targets = registry.entries.filter { $0.spec.spec.kind == .target }.map(\.spec.spec)
        return ValidationEnvironment(schemas: try CanonicalSchemaRegistry.bundled(), catalogs: TargetCatalogRegistry(specs: targets))
    }
}
