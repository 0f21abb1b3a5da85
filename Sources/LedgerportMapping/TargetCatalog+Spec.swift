import Foundation
import LedgerportCore
import LedgerportSDK

extension TargetCatalog {
    /// Builds the catalog from a target connector's spec.
    package init(spec: ConnectorSpec) {
        let models = spec.operations.map { operations in
            TargetModel(
                name: operations.model,
                actions: Dictionary(uniqueKeysWithValues: operations.actions.map { name, action in
                    (TargetAction(rawValue: name), action.values.mapValues(TargetField.init(spec:)))
                }),
                expectationFields: Set(operations.expectationFields)
            )
        }
        self.init(connector: spec.id, version: spec.version, models: models)
    }
}

extension TargetField {
    /// Creates the field an operation value spec describes.
    init(spec: OperationValueSpec) {
        self.init(TargetFieldKind(spec: spec), required: spec.required)
    }
}

extension TargetFieldKind {
    /// Creates the kind an operation value spec describes. A list without an element kind takes any JSON value.
    init(spec: OperationValueSpec) {
        switch spec.kind {
        case .string: self = spec.allowedValues.map(TargetFieldKind.oneOf) ?? .string
        case .integer: self = .integer
        case .boolean: self = .boolean
        case .json: self = .json
        case .money: self = .money
        case .decimal: self = .decimal
        case .date: self = .date
        case .reference: self = .reference(model: spec.model)
        case .list: self = .list(spec.items.map(TargetFieldKind.init(spec:)) ?? .json)
        case .record: self = .record((spec.fields ?? [:]).mapValues(TargetField.init(spec:)))
        }
    }
}

extension TargetCatalogRegistry {
    /// Creates the catalogs of the target connectors among `specs`.
    package init(specs: [ConnectorSpec]) {
        self.init(specs.filter { $0.kind == .target }.map(TargetCatalog.init(spec:)))
    }
}

/// A failure to load the connector specs that validation needs.
package struct TargetSpecsError: Error, Sendable, CustomStringConvertible {
    /// The specs folder.
    package var directory: String
    /// The problems, one message each.
    package var problems: [String]

    /// The folder and the problems.
    package var description: String {
        "load connector specs from \(directory): " + problems.joined(separator: "; ")
    }
}

/// The validation environment loaded from a `connector-specs` folder, with the target specs it came from and the problems of the specs left out.
package struct LoadedValidationEnvironment: Sendable {
    /// The environment for validating mappings.
    package var environment: ValidationEnvironment
    /// The valid target specs, for checking operations in dry runs.
    package var targetSpecs: [ConnectorSpec]
    /// The problems of the specs left out, one message each.
    package var problems: [String]

    /// Finds the spec a mapping was validated against.
    package func spec(for mapping: Mapping) -> ConnectorSpec? {
        targetSpecs.first { $0.id == mapping.target.connector && $0.version == mapping.target.validatedAgainst }
    }
}

extension ValidationEnvironment {
    /// The bundled canonical schemas and the target catalogs of the valid specs in a `connector-specs` folder.
    ///
    /// A spec with problems is left out and reported, so a broken spec of one connector
    /// does not stop validation of mappings for another. `spec validate` lists the details.
    package static func load(specsDirectory: String) throws -> LoadedValidationEnvironment {
        let loader: SpecLoader
        do throws(SpecLoaderError) {
            loader = try SpecLoader(specsDirectory: specsDirectory)
        } catch {
            throw TargetSpecsError(directory: specsDirectory, problems: [error.description])
        }
        let result = loader.loadDirectory(specsDirectory)
        let targets = result.specs.map(\.spec).filter { $0.kind == .target }
        let environment = ValidationEnvironment(schemas: try CanonicalSchemaRegistry.bundled(), catalogs: TargetCatalogRegistry(specs: targets))
        return LoadedValidationEnvironment(environment: environment, targetSpecs: targets, problems: result.issues.map(\.description))
    }
}
