import Foundation
import LedgerportSDK

/// A place where a document does not match a canonical schema.
package struct SchemaViolation: Sendable, Hashable, CustomStringConvertible {
    /// The place of the problem in the document.
    package var pointer: JSONPointer
    /// The problem.
    package var message: String

    /// `POINTER: message`.
    package var description: String {
        "\(pointer.description.isEmpty ? "(document)" : pointer.description): \(message)"
    }
}

extension SchemaNode {
    /// Checks `value` against this node and returns every violation, outermost first.
    ///
    /// It checks the keywords ``SchemaLoader`` accepts; `format` is checked for
    /// `date-time` (RFC 3339) and `date` (`YYYY-MM-DD`) and ignored otherwise.
    package func violations(of value: JSONValue, at pointer: JSONPointer = .root) -> [SchemaViolation] {
        guard typeMatches(value) else {
            return [SchemaViolation(pointer: pointer, message: "expected \(self) but found \(value.typeName)")]
        }
        var found = scalarViolations(of: value, at: pointer)
        switch value {
        case .object(let members): found += memberViolations(of: members, at: pointer)
        case .array(let elements):
            if let items {
                for (index, element) in elements.enumerated() {
                    found += items.violations(of: element, at: pointer.appending(index))
                }
            }
        default: break
        }
        return found
    }

    private func typeMatches(_ value: JSONValue) -> Bool {
        switch value {
        case .null: types.contains(.null)
        case .bool: types.contains(.boolean)
        case .number(let number): types.contains(.number) || (types.contains(.integer) && number.isInteger)
        case .string: types.contains(.string)
        case .array: types.contains(.array)
        case .object: types.contains(.object)
        }
    }

    private func scalarViolations(of value: JSONValue, at pointer: JSONPointer) -> [SchemaViolation] {
        var found = [SchemaViolation]()
        if let allowedValues, !allowedValues.contains(value) {
            let list = allowedValues.map(\.description).joined(separator: ", ")
            found.append(SchemaViolation(pointer: pointer, message: "\(value) is not one of \(list)"))
        }
        if let constant, constant != value {
            found.append(SchemaViolation(pointer: pointer, message: "expected \(constant) but found \(value)"))
        }
        guard case .string(let text) = value else {
            return found
        }
        if let pattern, text.range(of: pattern, options: .regularExpression) == nil {
            found.append(SchemaViolation(pointer: pointer, message: "\"\(text)\" does not match the pattern \(pattern)"))
        }
        if format == "date-time", (try? JSONValueDecoder().decode(Date.self, from: value)) == nil {
            found.append(SchemaViolation(pointer: pointer, message: "\"\(text)\" is not an RFC 3339 date-time such as 2026-12-31T23:30:00Z"))
        }
        if format == "date", CalendarDate(text) == nil {
            found.append(SchemaViolation(pointer: pointer, message: "\"\(text)\" is not a date such as 2026-12-31"))
        }
        return found
    }

    private func memberViolations(of members: JSONObject, at pointer: JSONPointer) -> [SchemaViolation] {
        var found = [SchemaViolation]()
        for name in required.sorted() where members[name] == nil {
            found.append(SchemaViolation(pointer: pointer.appending(name), message: "required member \"\(name)\" is missing"))
        }
        for name in members.keys.sorted() {
            let member = members[name]!
            if let property = properties[name] {
                found += property.violations(of: member, at: pointer.appending(name))
                continue
            }
            switch additionalProperties {
            case .allowed: break
            case .forbidden:
                found.append(SchemaViolation(pointer: pointer.appending(name), message: "member \"\(name)\" is not allowed here; allowed members: \(propertyNames.joined(separator: ", "))"))
            case .schema(let schema):
                found += schema.violations(of: member, at: pointer.appending(name))
            }
        }
        return found
    }
}
