import LedgerportJSONSchema
import LedgerportSDK

extension ConnectorSpec {
    /// The JSON Schema of a connection's plain configuration values, built from the spec's fields.
    ///
    /// Secret fields are not part of it: their values are stored apart, as
    /// ``Secret``s, and checked by name in ``validateConfiguration(values:secretNames:file:)``.
    package var configurationSchema: JSONValue {
        let plain = configuration.filter { !$0.value.secret }
        return [
            "type": "object",
            "properties": .object(plain.mapValues(\.valueSchema)),
            "required": .array(plain.filter(\.value.required).keys.sorted().map { .string($0) }),
            "additionalProperties": false,
        ]
    }

    /// Checks a connection's configuration against the spec and returns every issue.
    ///
    /// - Parameters:
    ///   - values: the plain values by field name, before defaults are applied.
    ///   - secretNames: the names of the secret fields that have a stored value.
    ///   - file: the file the values came from, for the issues.
    ///
    /// A secret field among the plain values is an issue (`secret_in_values`)
    /// whose message never repeats the value. A required secret without a
    /// stored value is `missing_secret`, and a stored secret the spec does not
    /// declare is `unknown_secret`. Plain values are validated against
    /// ``configurationSchema``.
    package func validateConfiguration(values: JSONObject, secretNames: Set<String>, file: String? = nil) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        var plainValues = values
        for name in values.keys.sorted() where configuration[name]?.secret == true {
            plainValues[name] = nil
            issues.append(ValidationIssue(
                file: file, pointer: JSONPointer(tokens: [name]), rule: "secret_in_values",
                message: "field \(MessageText.quote(name)) is a secret and must not be given as a plain value",
                fix: "remove it here and store it as a secret, read from a file or standard input"
            ))
        }
        for (name, field) in configuration.sorted(by: { $0.key < $1.key }) where field.secret && field.required && !secretNames.contains(name) {
            issues.append(ValidationIssue(
                file: file, pointer: JSONPointer(tokens: [name]), rule: "missing_secret",
                message: "required secret \(MessageText.quote(name)) is not set",
                fix: "store the secret \(MessageText.quote(name)): \(field.description)"
            ))
        }
        for name in secretNames.sorted() where configuration[name]?.secret != true {
            let known = configuration.filter(\.value.secret).keys.sorted()
            issues.append(ValidationIssue(
                file: file, pointer: JSONPointer(tokens: [name]), rule: "unknown_secret",
                message: "\(reference) declares no secret field \(MessageText.quote(name))",
                fix: "\(MessageText.didYouMean(name, among: known))use one of \(MessageText.quotedList(known))"
            ))
        }
        do throws(JSONSchemaLoadError) {
            let schema = try JSONSchema(document: configurationSchema)
            issues += schema.validate(.object(plainValues), file: file)
        } catch {
            // The linter loads every field's value schema before a spec is accepted, so a
            // loaded spec always yields a valid configuration schema.
            preconditionFailure("configuration schema of \(reference) does not load: \(error)")
        }
        return issues
    }

    /// Returns `values` with the spec's default filled in for every absent plain field.
    package func applyingDefaults(to values: JSONObject) -> JSONObject {
        var result = values
        for (name, field) in configuration where !field.secret && result[name] == nil {
            if let defaultValue = field.defaultValue {
                result[name] = defaultValue
            }
        }
        return result
    }
}
