import Foundation
import LedgerportSDK

extension Evaluation {
    /// The outcome of looking a path up in the document.
    private enum Found {
        case missing
        case null
        case value(RuntimeValue)
    }

    /// Reads a field and applies the mapping's policy when it is missing, null or empty.
    func read(_ read: PathRead, at pointer: JSONPointer, bindings: [String: RuntimeValue]) throws(MappingEvaluationError) -> RuntimeValue {
        switch try find(read.path, at: pointer, bindings: bindings) {
        case .missing:
            return try apply(read.missing, state: "missing", path: read.path, at: pointer)
        case .null:
            return try apply(read.null, state: "null", path: read.path, at: pointer)
        case .value(let value):
            return Evaluation.isEmpty(value) ? try apply(read.empty, state: "empty", path: read.path, at: pointer, value: value) : value
        }
    }

    /// Whether the field a path names is in `state`.
    func test(_ path: FieldPath, is state: FieldState, bindings: [String: RuntimeValue]) -> Bool {
        // A value that does not convert to the path's type still exists, so the test treats it as present.
        let found = (try? find(path, at: .root, bindings: bindings)) ?? .value(.absent)
        switch (found, state) {
        case (.missing, .missing), (.null, .null): return true
        case (.value(let value), .empty): return Evaluation.isEmpty(value)
        case (.value(let value), .present): return !Evaluation.isEmpty(value)
        default: return false
        }
    }

    private func find(_ path: FieldPath, at pointer: JSONPointer, bindings: [String: RuntimeValue]) throws(MappingEvaluationError) -> Found {
        var current: RuntimeValue
        switch path.root {
        case .event: current = .json(event)
        case .object: current = .json(object)
        case .context: current = .json(context.json)
        case .variable(let name): current = bindings[name] ?? .absent
        }
        for token in path.tokens {
            guard let next = Evaluation.member(token, of: current) else {
                return current.isNull ? .null : .missing
            }
            current = next
        }
        switch current {
        case .absent: return .missing
        case .json(.null): return .null
        case .json(.string(let code)) where path.leaf?.role == .currency:
            return .value(.json(.string(code.uppercased())))
        case .json(let json):
            do {
                return .value(try RuntimeValue(json: json, kind: path.kind))
            } catch {
                throw failure(.invalidValue, at: pointer, "\(path) is invalid: \(error)", hint: "fix the event so it matches the canonical schema")
            }
        default: return .value(current)
        }
    }

    private static func member(_ token: String, of value: RuntimeValue) -> RuntimeValue? {
        switch value {
        case .json(.object(let members)): members[token].map(RuntimeValue.json)
        case .json(.array(let elements)): Int(token).flatMap { elements.indices.contains($0) ? .json(elements[$0]) : nil }
        case .record(let fields): fields[token]
        case .list(let elements): Int(token).flatMap { elements.indices.contains($0) ? elements[$0] : nil }
        default: nil
        }
    }

    private func apply(_ policy: FieldPolicy, state: String, path: FieldPath, at pointer: JSONPointer, value: RuntimeValue = .absent) throws(MappingEvaluationError) -> RuntimeValue {
        switch policy {
        case .accept: return value
        case .omit: return .absent
        case .clear: return .null
        case .value(let replacement): return replacement
        case .reject(let hint):
            throw failure(.fieldRejected, at: pointer, "source field \(path) is \(state) and the mapping rejects it", hint: hint ?? "fix the value in the source system, then replay the event")
        }
    }

    /// Returns whether a value is empty: text with no characters other than white space, an empty list or an empty object.
    static func isEmpty(_ value: RuntimeValue) -> Bool {
        switch value {
        case .json(.string(let text)): isBlank(text)
        case .json(.array(let elements)): elements.isEmpty
        case .json(.object(let members)): members.isEmpty
        case .list(let elements): elements.isEmpty
        case .record(let fields): fields.isEmpty
        default: false
        }
    }
}
