import Foundation
import LedgerportSDK

/// Readers for keyword values: each checks one keyword's value and reports what is wrong with it.
extension SchemaCompiler {
    mutating func readTypes(_ value: JSONValue, at location: JSONPointer) -> [JSONType]? {
        let names: [JSONValue] = value.arrayValue ?? [value]
        var types = [JSONType]()
        for (offset, name) in names.enumerated() {
            let place = value.arrayValue == nil ? location : location.appending(offset)
            guard let text = name.stringValue, let type = JSONType(rawValue: text) else {
                let hint = name.stringValue.map { MessageText.didYouMean($0, among: JSONType.allCases.map(\.rawValue)) } ?? ""
                report(place, "\(MessageText.describe(name)) is not a JSON Schema type", fix: "\(hint)use one of \(MessageText.quotedList(JSONType.allCases.map(\.rawValue)))")
                continue
            }
            types.append(type)
        }
        if names.isEmpty {
            report(location, "\"type\" lists no type", fix: "name at least one type, such as \"string\"")
        }
        return types.isEmpty ? nil : types
    }

    mutating func readNameList(_ value: JSONValue, at location: JSONPointer) -> [String] {
        guard let elements = value.arrayValue, elements.allSatisfy({ $0.stringValue != nil }) else {
            report(location, "\"required\" must be an array of property names, but this is \(MessageText.describe(value))", fix: "write it as [\"name\", ...]")
            return []
        }
        let names = elements.compactMap(\.stringValue)
        if Set(names).count != names.count {
            report(location, "\"required\" names a property twice", fix: "list each property once")
        }
        return names
    }

    mutating func readEnumeration(_ value: JSONValue, at location: JSONPointer) -> [JSONValue]? {
        guard let elements = value.arrayValue, !elements.isEmpty else {
            report(location, "\"enum\" must be a non-empty array, but this is \(MessageText.describe(value))", fix: "list the allowed values, such as [\"source\", \"target\"]")
            return nil
        }
        return elements
    }

    mutating func readPattern(_ value: JSONValue, at location: JSONPointer) -> SchemaPattern? {
        guard let source = value.stringValue else {
            report(location, "\"pattern\" must be a string, but this is \(MessageText.describe(value))", fix: "write the regular expression as a JSON string")
            return nil
        }
        do {
            return SchemaPattern(source: source, expression: try NSRegularExpression(pattern: source))
        } catch {
            report(location, "pattern \(MessageText.quote(source)) is not a valid regular expression", fix: "correct the expression (ICU syntax, as NSRegularExpression reads it)")
            return nil
        }
    }

    mutating func readFormat(_ value: JSONValue, at location: JSONPointer) -> StringFormat? {
        guard let name = value.stringValue, let format = StringFormat(rawValue: name) else {
            let known = StringFormat.allCases.map(\.rawValue)
            let hint = value.stringValue.map { MessageText.didYouMean($0, among: known) } ?? ""
            report(location, "format \(MessageText.describe(value)) is not supported", fix: "\(hint)use one of \(MessageText.quotedList(known)), or check the value with \"pattern\"")
            return nil
        }
        return format
    }

    mutating func readCount(_ value: JSONValue, at location: JSONPointer) -> Int? {
        guard let count = value.intValue, count >= 0 else {
            report(location, "expected a non-negative integer, but this is \(MessageText.describe(value))", fix: "write a whole number such as 0 or 1")
            return nil
        }
        return count
    }

    mutating func readNumber(_ value: JSONValue, at location: JSONPointer) -> JSONNumber? {
        guard let number = value.numberValue else {
            report(location, "expected a number, but this is \(MessageText.describe(value))", fix: "write a JSON number such as 0 or 1.5")
            return nil
        }
        return number
    }

    mutating func readFlag(_ value: JSONValue, at location: JSONPointer) -> Bool {
        guard let flag = value.boolValue else {
            report(location, "expected true or false, but this is \(MessageText.describe(value))", fix: "write true or false")
            return false
        }
        return flag
    }
}
