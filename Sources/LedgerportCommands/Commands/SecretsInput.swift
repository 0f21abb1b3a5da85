import Foundation
import LedgerportCore
import LedgerportSDK

/// The `--secrets-file <file>` option: a connection's secret values, read from a file or standard input.
///
/// The file is a JSON object whose members are secret field names and whose
/// values are strings, such as `{"api_key": "sk_test_..."}`. `-` reads the
/// object from standard input. Secrets are never taken from an argument,
/// because arguments show in `ps` and in shell history. Error messages name
/// the file and the field, never a value.
enum SecretsInput {
    static let name = "secrets-file"

    static let definition = ArgumentDefinition.option(
        name, value: "file",
        help: "A JSON object of secret fields and their values, such as {\"api_key\": \"...\"}; - reads it from standard input."
    )

    /// Reads and checks the secrets named by `source`.
    ///
    /// - Throws: ``CommandError`` with status 1 when the file cannot be read,
    ///   and status 65 when it is not a JSON object of strings.
    static func read(_ source: String, in context: CommandContext) throws(CommandError) -> [String: Secret] {
        let label = source == "-" ? "standard input" : "\"\(source)\""
        let bytes: [UInt8]
        do {
            bytes = source == "-" ? try context.readStandardInput() : [UInt8](try Data(contentsOf: URL(fileURLWithPath: source)))
        } catch {
            throw .failure("read secrets from \(label): \(error.localizedDescription)", hint: "check the path and its permissions")
        }

        let document: JSONValue
        do throws(JSONParseError) {
            document = try JSONParser.parse(bytes)
        } catch {
            // The parser's message can quote the input, which contains secrets, so only the position is reported.
            throw .invalidData(
                "read secrets from \(label): invalid JSON at line \(error.line), column \(error.column)",
                hint: "write a JSON object such as {\"api_key\": \"...\"}")
        }
        guard let members = document.objectValue else {
            throw .invalidData("read secrets from \(label): expected a JSON object, found \(document.typeName)")
        }

        var secrets: [String: Secret] = [:]
        for (field, value) in members {
            guard let text = value.stringValue, !text.isEmpty else {
                throw .invalidData("read secrets from \(label): the value of \"\(field)\" must be a non-empty string")
            }
            secrets[field] = Secret(text)
        }
        return secrets
    }

    /// Checks new secret values against the connector spec: every field is a secret field and every value matches its
    /// field's `pattern`. The error names the field and the pattern, never the value.
    static func checkAgainstSpec(_ secrets: [String: Secret], spec: ConnectorSpec, operation: String) throws(CommandError) {
        if let problem = spec.secretProblem(secrets) {
            throw .invalidData("\(operation): \(problem.message)", hint: problem.hint)
        }
    }
}
