import Foundation
import LedgerportSDK

extension Evaluation {
    /// Evaluates one expression with the variables in `bindings`.
    func value(of expression: Expression, bindings: [String: RuntimeValue]) throws(MappingEvaluationError) -> RuntimeValue {
        switch expression.node {
        case .constant(let value): return value
        case .list(let elements): return .list(try values(of: elements, bindings: bindings).filter { !$0.isAbsent })
        case .record(let fields): return try record(fields, bindings: bindings)
        case .path(let read): return try self.read(read, at: expression.pointer, bindings: bindings)
        case .fieldTest(let state, let path): return .json(.bool(test(path, is: state, bindings: bindings)))
        case .hasValue(let operand):
            let result = try value(of: operand, bindings: bindings)
            return .json(.bool(!result.isAbsent && !result.isNull))
        case .lookup(let call): return try lookup(call, bindings: bindings)
        case .reference(let model, let externalID): return try reference(model: model, externalID: externalID, bindings: bindings)
        case .externalID(let parts): return try joined(parts, bindings: bindings).map { .json(.string(ExternalID.normalized($0))) } ?? .absent
        case .concat(let parts): return try joined(parts, bindings: bindings).map { .json(.string($0.joined())) } ?? .absent
        case .text(let transform, let operand): return try text(transform, operand, bindings: bindings)
        case .coalesce(let operands): return try coalesce(operands, bindings: bindings)
        case .conditional(let condition, let then, let otherwise):
            if try isTrue(condition, bindings: bindings) { return try value(of: then, bindings: bindings) }
            return try otherwise.map { (expression: Expression) throws(MappingEvaluationError) in try value(of: expression, bindings: bindings) } ?? .absent
        case .comparison(let comparison, let left, let right): return .json(.bool(try compare(comparison, left, right, bindings: bindings)))
        case .membership(let element, let list): return .json(.bool(try contains(list, element, bindings: bindings)))
        case .all(let operands): return .json(.bool(try allTrue(operands, bindings: bindings)))
        case .any(let operands): return .json(.bool(try anyTrue(operands, bindings: bindings)))
        case .not(let operand): return .json(.bool(try !isTrue(operand, bindings: bindings)))
        case .sum, .add, .subtract, .negate, .absolute, .multiply, .divide, .round, .toDecimal, .toMoney, .convertExponent, .currencyOf:
            return try arithmetic(expression, bindings: bindings)
        case .calendarDate, .yearMonth, .addDays: return try date(expression, bindings: bindings)
        case .each(let iteration, let value): return try each(iteration, value: value, bindings: bindings)
        case .flatten(let lists): return try flatten(lists, bindings: bindings)
        case .count(let list): return try count(list, bindings: bindings)
        }
    }

    /// Evaluates expressions in order.
    func values(of expressions: [Expression], bindings: [String: RuntimeValue]) throws(MappingEvaluationError) -> [RuntimeValue] {
        var results = [RuntimeValue]()
        for expression in expressions {
            results.append(try value(of: expression, bindings: bindings))
        }
        return results
    }

    private func record(_ fields: [String: Expression], bindings: [String: RuntimeValue]) throws(MappingEvaluationError) -> RuntimeValue {
        var result = [String: RuntimeValue]()
        for name in fields.keys.sorted() {
            let field = try value(of: fields[name]!, bindings: bindings)
            if !field.isAbsent {
                result[name] = field
            }
        }
        return .record(result)
    }

    private func reference(model: String, externalID: Expression, bindings: [String: RuntimeValue]) throws(MappingEvaluationError) -> RuntimeValue {
        let id = try value(of: externalID, bindings: bindings)
        if id.isAbsent { return .absent }
        guard let text = id.stringValue, ExternalID.isValid(text) else {
            throw failure(.invalidExternalID, at: externalID.pointer, "external id \(id.summary) of a \(model) reference is not lowercase letters, digits and underscores",
                hint: "build it with {\"external_id\": [...]}, which normalises its parts")
        }
        return .reference(TargetReference(model: model, externalID: text))
    }

    private func coalesce(_ operands: [Expression], bindings: [String: RuntimeValue]) throws(MappingEvaluationError) -> RuntimeValue {
        for operand in operands {
            let result = try value(of: operand, bindings: bindings)
            if !result.isAbsent { return result }
        }
        return .absent
    }

    private func allTrue(_ operands: [Expression], bindings: [String: RuntimeValue]) throws(MappingEvaluationError) -> Bool {
        for operand in operands where try !isTrue(operand, bindings: bindings) {
            return false
        }
        return true
    }

    private func anyTrue(_ operands: [Expression], bindings: [String: RuntimeValue]) throws(MappingEvaluationError) -> Bool {
        for operand in operands where try isTrue(operand, bindings: bindings) {
            return true
        }
        return false
    }

    private func each(_ iteration: Iteration, value: Expression, bindings: [String: RuntimeValue]) throws(MappingEvaluationError) -> RuntimeValue {
        var results = [RuntimeValue]()
        for inner in try elementBindings(iteration, bindings: bindings) {
            let element = try self.value(of: value, bindings: inner)
            if !element.isAbsent {
                results.append(element)
            }
        }
        return .list(results)
    }

    private func flatten(_ lists: [Expression], bindings: [String: RuntimeValue]) throws(MappingEvaluationError) -> RuntimeValue {
        var results = [RuntimeValue]()
        for list in lists {
            let result = try value(of: list, bindings: bindings)
            if result.isAbsent { continue }
            guard let elements = result.listValue else {
                throw failure(.invalidValue, at: list.pointer, "flatten expects lists but got \(result.summary)", hint: "pass lists to flatten")
            }
            results += elements
        }
        return .list(results)
    }

    private func count(_ list: Expression, bindings: [String: RuntimeValue]) throws(MappingEvaluationError) -> RuntimeValue {
        let result = try value(of: list, bindings: bindings)
        if result.isAbsent { return .absent }
        guard let elements = result.listValue else {
            throw failure(.invalidValue, at: list.pointer, "count expects a list but got \(result.summary)", hint: "count a list field")
        }
        return .json(.number(JSONNumber(elements.count)))
    }
}
