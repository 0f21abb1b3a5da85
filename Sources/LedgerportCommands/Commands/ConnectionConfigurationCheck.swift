import LedgerportCore
import LedgerportJSONSchema
import LedgerportSDK

/// Checks a new connection's configuration and secret fields against its connector spec.
///
/// Non-secret fields go in the configuration and secret fields in the
/// secrets. Each must be declared by the spec, and values must satisfy the
/// field's type and constraints. Every required field must be present,
/// except that a non-secret field with a default may be left out.
enum ConnectionConfigurationCheck {
    /// Returns one message per problem, in field order; empty when everything fits the spec.
    static func problems(spec: ConnectorSpec, configuration: [String: JSONValue], secretFields: Set<String>) -> [String] {
        var problems: [String] = []
        let reference = "\(spec.id)@\(spec.version)"

        for name in configuration.keys.sorted() {
            guard let field = spec.configuration[name] else {
                problems.append("configuration field \"\(name)\" is not declared by \(reference); \(declared(spec, secret: false))")
                continue
            }
            guard !field.secret else {
                problems.append("configuration field \"\(name)\" is secret; put it in --secrets-file, never in --config")
                continue
            }
            problems += valueProblems(name, configuration[name]!, field)
        }

        for name in secretFields.sorted() where spec.configuration[name]?.secret != true {
            problems.append("secret \"\(name)\" is not a secret field of \(reference); \(declared(spec, secret: true))")
        }

        for name in spec.configuration.keys.sorted() {
            let field = spec.configuration[name]!
            guard field.required else {
                continue
            }
            if field.secret, !secretFields.contains(name) {
                problems.append("missing secret field \"\(name)\": \(field.description)")
            } else if !field.secret, configuration[name] == nil, field.defaultValue == nil {
                problems.append("missing configuration field \"\(name)\": \(field.description)")
            }
        }
        return problems
    }

    private static func valueProblems(_ name: String, _ value: JSONValue, _ field: ConfigurationFieldSpec) -> [String] {
        do throws(JSONSchemaLoadError) {
            let schema = try JSONSchema(document: field.valueSchema)
            return schema.validate(value).map { "configuration field \"\(name)\": \($0.message)" }
        } catch {
            // The spec linter already loaded every field's schema, so a failure here means the spec is broken.
            return ["configuration field \"\(name)\": the spec's constraints cannot be loaded (\(error)); run \"ledgerport spec validate\""]
        }
    }

    private static func declared(_ spec: ConnectorSpec, secret: Bool) -> String {
        let names = spec.configuration.filter { $0.value.secret == secret }.keys.sorted()
        let kind = secret ? "secret fields" : "configuration fields"
        return names.isEmpty ? "it declares no \(kind)" : "its \(kind) are \(names.map { "\"\($0)\"" }.joined(separator: ", "))"
    }
}
