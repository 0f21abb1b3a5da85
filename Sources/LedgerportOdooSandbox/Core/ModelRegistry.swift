/// The models of one Odoo version, looked up by name.
package struct ModelRegistry: Sendable {
    let profile: OdooVersionProfile
    /// The many2one fields kept in an index per model: every inverse of a one2many.
    package let indexedFields: [String: Set<String>]
    private let models: [String: ModelDefinition]

    init(profile: OdooVersionProfile, models: [ModelDefinition]) {
        self.profile = profile
        var index: [String: ModelDefinition] = [:]
        for model in models {
            precondition(index[model.name] == nil, "model \(model.name) is registered twice")
            index[model.name] = model
        }
        self.models = index
        var indexed: [String: Set<String>] = [:]
        for model in models {
            for field in model.fields {
                if case .one2many(let comodel, let inverse) = field.type {
                    indexed[comodel, default: []].insert(inverse)
                }
            }
        }
        self.indexedFields = indexed
    }

    /// Builds the registry of every model the sandbox implements, for `version`.
    package static func standard(_ version: OdooVersion) -> ModelRegistry {
        let profile = OdooVersionProfile(version)
        return ModelRegistry(profile: profile, models: ModelCatalog.definitions(profile))
    }

    /// Returns the model named `name`, or nil for a model the sandbox does not implement.
    package func model(_ name: String) -> ModelDefinition? {
        models[name]
    }

    /// The model names in alphabetical order.
    package var modelNames: [String] {
        models.keys.sorted()
    }
}
