import LedgerportSDK

/// Reads typed values out of a configuration document, naming the file and pointer of every mistake.
struct ConfigurationReader {
    let file: String

    func object(_ value: JSONValue, at pointer: JSONPointer, allowedKeys: Set<String>) throws(ConfigurationError) -> JSONObject {
        guard case .object(let members) = value else {
            throw ConfigurationError(file: file, pointer: pointer.description, message: "expected an object but found \(value.typeName)", hint: "write this value as a JSON object")
        }
        if let unknown = members.keys.sorted().first(where: { !allowedKeys.contains($0) }) {
            throw ConfigurationError(
                file: file, pointer: pointer.appending(unknown).description, message: "unknown key \"\(unknown)\"",
                hint: "use one of " + allowedKeys.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
            )
        }
        return members
    }

    func optionalObject(_ members: JSONObject, _ key: String, at pointer: JSONPointer, allowedKeys: Set<String>) throws(ConfigurationError) -> JSONObject? {
        guard let value = members[key] else { return nil }
        return try object(value, at: pointer.appending(key), allowedKeys: allowedKeys)
    }

    func string(_ members: JSONObject, _ key: String, at pointer: JSONPointer) throws(ConfigurationError) -> String? {
        guard let value = members[key] else { return nil }
        guard case .string(let text) = value else {
            throw ConfigurationError(file: file, pointer: pointer.appending(key).description, message: "expected a string but found \(value.typeName)", hint: "quote the value")
        }
        return text
    }

    func integer(_ members: JSONObject, _ key: String, at pointer: JSONPointer) throws(ConfigurationError) -> Int? {
        guard let value = members[key] else { return nil }
        guard let number = value.intValue else {
            throw ConfigurationError(file: file, pointer: pointer.appending(key).description, message: "expected a whole number but found \(value)", hint: "write a number without quotes or fraction")
        }
        return number
    }

    func bool(_ members: JSONObject, _ key: String, at pointer: JSONPointer) throws(ConfigurationError) -> Bool? {
        guard let value = members[key] else { return nil }
        guard let flag = value.boolValue else {
            throw ConfigurationError(file: file, pointer: pointer.appending(key).description, message: "expected true or false but found \(value)", hint: "write true or false without quotes")
        }
        return flag
    }

    func stringList(_ members: JSONObject, _ key: String, at pointer: JSONPointer) throws(ConfigurationError) -> [String]? {
        guard let value = members[key] else { return nil }
        guard let items = value.arrayValue else {
            throw ConfigurationError(file: file, pointer: pointer.appending(key).description, message: "expected a list of strings but found \(value.typeName)", hint: "write a JSON array such as [\"odoo.example.com\"]")
        }
        var strings: [String] = []
        for (index, item) in items.enumerated() {
            guard let text = item.stringValue else {
                throw ConfigurationError(file: file, pointer: pointer.appending(key).appending(index).description, message: "expected a string but found \(item.typeName)", hint: "quote the value")
            }
            strings.append(text)
        }
        return strings
    }
}
