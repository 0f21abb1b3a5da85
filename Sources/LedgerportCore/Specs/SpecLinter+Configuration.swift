import LedgerportJSONSchema
import LedgerportSDK

extension SpecLinter {
    /// Checks each configuration field.
    ///
    /// - `secret_example`: a secret's example is a placeholder (see ``SecretPlaceholder``);
    /// - `secret_type`: a secret is a string and has no default;
    /// - `secret_field_name`: a field named like a credential is marked secret;
    /// - `configuration_example`, `configuration_default`: the example and the default satisfy
    ///   the field's type and constraints (for a secret, only its type is checked, because a
    ///   placeholder need not match a key's pattern).
    mutating func lintConfiguration() {
        for name in spec.configuration.keys.sorted() {
            let field = spec.configuration[name]!
            let base = JSONPointer(tokens: ["configuration", name])
            if field.secret {
                lintSecretField(name, field, at: base)
            } else if SecretPlaceholder.looksLikeCredential(name) {
                report(base.appending("secret"), "secret_field_name", "field \(MessageText.quote(name)) is named like a credential but is not secret", fix: "set \"secret\" to true, so the value is stored encrypted and never printed")
            }
            lintFieldValues(name, field, at: base)
        }
    }

    private mutating func lintSecretField(_ name: String, _ field: ConfigurationFieldSpec, at base: JSONPointer) {
        if field.type != .string {
            report(base.appending("type"), "secret_type", "secret field \(MessageText.quote(name)) has type \(MessageText.quote(field.type.rawValue))", fix: "declare secrets as \"string\"")
        }
        if field.defaultValue != nil {
            report(base.appending("default"), "secret_type", "secret field \(MessageText.quote(name)) has a default", fix: "remove the default; every connection supplies its own secret")
        }
        if !SecretPlaceholder.isPlaceholder(field.example) {
            report(
                base.appending("example"), "secret_example",
                "the example of secret field \(MessageText.quote(name)) is not an obvious placeholder",
                fix: "write a placeholder containing \(SecretPlaceholder.marker), such as \"sk_test_\(SecretPlaceholder.marker)\", or a description in angle brackets, such as \"<api key>\""
            )
        }
    }

    private mutating func lintFieldValues(_ name: String, _ field: ConfigurationFieldSpec, at base: JSONPointer) {
        let schemaDocument: JSONValue = field.secret ? ["type": .string(field.type.rawValue)] : field.valueSchema
        let schema: JSONSchema
        do throws(JSONSchemaLoadError) {
            schema = try JSONSchema(document: schemaDocument)
        } catch {
            // Only a pattern can fail to load here; the spec schema checked the other constraints.
            reportEmbedded(error.issues, at: base, rule: "pattern")
            return
        }
        for issue in schema.validate(field.example) {
            report(base.appending("example"), "configuration_example", "the example of \(MessageText.quote(name)) is invalid: \(issue.message)", fix: issue.fix)
        }
        // A secret's default is already an issue of its own, so it is not checked twice.
        if let defaultValue = field.defaultValue, !field.secret {
            for issue in schema.validate(defaultValue) {
                report(base.appending("default"), "configuration_default", "the default of \(MessageText.quote(name)) is invalid: \(issue.message)", fix: issue.fix)
            }
        }
    }

    /// Checks that `authentication.secret_fields` and `webhooks.signature.secret_fields`
    /// name configuration fields marked secret (`secret_reference`).
    mutating func lintSecretReferences() {
        let lists: [(JSONPointer, [String])] = [
            (JSONPointer(tokens: ["authentication", "secret_fields"]), spec.authentication.secretFields),
            (JSONPointer(tokens: ["webhooks", "signature", "secret_fields"]), spec.webhooks?.signature.secretFields ?? []),
        ]
        for (base, names) in lists {
            for (index, name) in names.enumerated() {
                guard let field = spec.configuration[name] else {
                    let hint = MessageText.didYouMean(name, among: spec.configuration.keys)
                    report(base.appending(index), "secret_reference", "configuration field \(MessageText.quote(name)) does not exist", fix: "\(hint)name a secret field of \"configuration\"")
                    continue
                }
                if !field.secret {
                    report(base.appending(index), "secret_reference", "configuration field \(MessageText.quote(name)) holds a credential but is not secret", fix: "set \"secret\" to true on /configuration/\(name)")
                }
            }
        }
    }
}
