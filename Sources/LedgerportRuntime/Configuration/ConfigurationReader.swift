import LedgerportJSONSchema
import LedgerportSDK

/// Reads typed values out of a configuration document, collecting every mistake with its file and pointer.
///
/// A value of the wrong type is recorded in ``issues`` and read as absent,
/// so the whole document is read and the operator sees every mistake at
/// once instead of one per start.
final class ConfigurationReader {
    let file: String
    /// The mistakes found so far, in document order.
    private(set) var issues: [ConfigurationError] = []

    init(file: String) {
        self.file = file
    }

    /// Returns the members of an object, recording an issue for a non-object and for each key outside `allowedKeys`.
    func object(_ value: JSONValue, at pointer: JSONPointer, allowedKeys: Set<String>) -> JSONObject? {
        guard case .object(let members) = value else {
            record(pointer, "expected an object but found \(value.typeName)", "write this value as a JSON object")
            return nil
        }
        for unknown in members.keys.sorted() where !allowedKeys.contains(unknown) {
            record(
                pointer.appending(unknown), "unknown key \"\(unknown)\"",
                MessageText.didYouMean(unknown, among: allowedKeys) + "use one of " + allowedKeys.sorted().map { "\"\($0)\"" }.joined(separator: ", "))
        }
        return members
    }

    func optionalObject(_ members: JSONObject, _ key: String, at pointer: JSONPointer, allowedKeys: Set<String>) -> JSONObject? {
        guard let value = members[key] else { return nil }
        return object(value, at: pointer.appending(key), allowedKeys: allowedKeys)
    }

    func string(_ members: JSONObject, _ key: String, at pointer: JSONPointer) -> String? {
        guard let value = members[key] else { return nil }
        guard case .string(let text) = value else {
            record(pointer.appending(key), "expected a string but found \(value.typeName)", "quote the value")
            return nil
        }
        return text
    }

    func integer(_ members: JSONObject, _ key: String, at pointer: JSONPointer) -> Int? {
        guard let value = members[key] else { return nil }
        guard let number = value.intValue else {
            record(pointer.appending(key), "expected a whole number but found \(value)", "write a number without quotes or fraction")
            return nil
        }
        return number
    }

    func bool(_ members: JSONObject, _ key: String, at pointer: JSONPointer) -> Bool? {
        guard let value = members[key] else { return nil }
        guard let flag = value.boolValue else {
            record(pointer.appending(key), "expected true or false but found \(value)", "write true or false without quotes")
            return nil
        }
        return flag
    }

    func stringList(_ members: JSONObject, _ key: String, at pointer: JSONPointer) -> [String]? {
        guard let value = members[key] else { return nil }
        guard let items = value.arrayValue else {
            record(pointer.appending(key), "expected a list of strings but found \(value.typeName)", "write a JSON array such as [\"odoo.example.com\"]")
            return nil
        }
        var strings: [String] = []
        for (index, item) in items.enumerated() {
            guard let text = item.stringValue else {
                record(pointer.appending(key).appending(index), "expected a string but found \(item.typeName)", "quote the value")
                return nil
            }
            strings.append(text)
        }
        return strings
    }

    private func record(_ pointer: JSONPointer, _ message: String, _ hint: String) {
        issues.append(ConfigurationError(file: file, pointer: pointer.description, message: message, hint: hint))
    }
}
