import Foundation
import LedgerportSDK

extension Evaluation {
    /// Evaluates the money and number operators. Every step is exact or rounds
    /// with the rule the mapping names; overflow, mixed currencies and inexact
    /// results under `unnecessary` fail the event.
    func arithmetic(_ expression: Expression, bindings: [String: RuntimeValue]) throws(MappingEvaluationError) -> RuntimeValue {
        let pointer = expression.pointer
        do {
            switch expression.node {
            case .sum(let list, let currency): return try sum(list, currency: currency, bindings: bindings)
            case .add(let operands): return try fold(operands, bindings: bindings, money: { try $0 + $1 }, decimal: { try $0 + $1 })
            case .subtract(let left, let right): return try fold([left, right], bindings: bindings, money: { try $0 - $1 }, decimal: { try $0 - $1 })
            case .negate(let operand): return try unary(operand, bindings: bindings, money: { try $0.negated() }, decimal: { $0.negated() })
            case .absolute(let operand):
                return try unary(operand, bindings: bindings, money: { $0.isNegative ? try $0.negated() : $0 }, decimal: { $0.isNegative ? $0.negated() : $0 })
            case .multiply(let left, let right, let rounding): return try multiply(left, right, rounding: rounding, bindings: bindings)
            case .divide(let left, let right, let scale, let rounding): return try divide(left, right, scale: scale, rounding: rounding, bindings: bindings)
            case .round(let operand, let scale, let rounding):
                return try unary(operand, bindings: bindings, money: { $0 }, decimal: { try $0.rescaled(to: scale, rounding: rounding) })
            case .toDecimal(let operand, let table):
                return try withMoney(operand, bindings: bindings) { .decimal(try $0.decimalValue(in: table)) }
            case .toMoney(let operand, let currency, let table, let rounding):
                return try toMoney(operand, currency: currency, table: table, rounding: rounding, bindings: bindings)
            case .convertExponent(let operand, let from, let to, let rounding):
                return try withMoney(operand, bindings: bindings) { .money(try $0.converted(from: from, to: to, rounding: rounding)) }
            case .currencyOf(let operand):
                return try withMoney(operand, bindings: bindings) { .json(.string($0.currency.rawValue)) }
            default:
                preconditionFailure("arithmetic called for a node that is not arithmetic")
            }
        } catch let error as MappingEvaluationError {
            throw error
        } catch let error as MoneyError {
            throw failure(.arithmetic, at: pointer, error.description, hint: "check the amounts in the event, or the rounding rule in the mapping")
        } catch let error as ExactDecimalError {
            throw failure(.arithmetic, at: pointer, error.description, hint: "pass a rounding rule, or check the amounts in the event")
        } catch {
            throw failure(.arithmetic, at: pointer, "\(error)", hint: "check the amounts in the event")
        }
    }

    private func sum(_ list: Expression, currency: Expression?, bindings: [String: RuntimeValue]) throws -> RuntimeValue {
        let result = try value(of: list, bindings: bindings)
        if result.isAbsent { return .absent }
        let elements = (result.listValue ?? []).filter { !$0.isAbsent }
        if let currency {
            let code = try value(of: currency, bindings: bindings)
            if code.isAbsent { return .absent }
            guard let text = code.stringValue, let parsed = CurrencyCode(text) else {
                throw failure(.invalidValue, at: currency.pointer, "\(code.summary) is not a currency code", hint: "give sum a currency such as {\"path\": \"object.currency\"}")
            }
            var amounts = [Money]()
            for element in elements {
                guard case .money(let amount) = element else {
                    throw failure(.invalidValue, at: list.pointer, "sum of money found \(element.summary)", hint: "sum a list of amounts")
                }
                amounts.append(amount)
            }
            return .money(try Money.sum(amounts, currency: parsed))
        }
        var total = ExactDecimal.zero
        for element in elements {
            total = try total + (try number(element, at: list.pointer))
        }
        return .decimal(total)
    }

    private func fold(
        _ operands: [Expression], bindings: [String: RuntimeValue],
        money: (Money, Money) throws -> Money, decimal: (ExactDecimal, ExactDecimal) throws -> ExactDecimal
    ) throws -> RuntimeValue {
        let results = try values(of: operands, bindings: bindings)
        if results.contains(where: \.isAbsent) { return .absent }
        if case .money(var total) = results[0] {
            for (index, next) in results.enumerated().dropFirst() {
                guard case .money(let amount) = next else {
                    throw failure(.invalidValue, at: operands[index].pointer, "expected money but got \(next.summary)", hint: "combine money with money")
                }
                total = try money(total, amount)
            }
            return .money(total)
        }
        var total = try number(results[0], at: operands[0].pointer)
        for (index, next) in results.enumerated().dropFirst() {
            total = try decimal(total, try number(next, at: operands[index].pointer))
        }
        return .decimal(total)
    }

    private func unary(
        _ operand: Expression, bindings: [String: RuntimeValue],
        money: (Money) throws -> Money, decimal: (ExactDecimal) throws -> ExactDecimal
    ) throws -> RuntimeValue {
        let result = try value(of: operand, bindings: bindings)
        if result.isAbsent { return .absent }
        if case .money(let amount) = result { return .money(try money(amount)) }
        return .decimal(try decimal(try number(result, at: operand.pointer)))
    }

    private func multiply(_ left: Expression, _ right: Expression, rounding: RoundingRule?, bindings: [String: RuntimeValue]) throws -> RuntimeValue {
        let lhs = try value(of: left, bindings: bindings)
        let rhs = try value(of: right, bindings: bindings)
        if lhs.isAbsent || rhs.isAbsent { return .absent }
        switch (lhs, rhs) {
        case (.money(let amount), _): return .money(try scale(amount, by: try number(rhs, at: right.pointer), rounding: rounding))
        case (_, .money(let amount)): return .money(try scale(amount, by: try number(lhs, at: left.pointer), rounding: rounding))
        default: return .decimal(try number(lhs, at: left.pointer) * number(rhs, at: right.pointer))
        }
    }

    private func scale(_ amount: Money, by factor: ExactDecimal, rounding: RoundingRule?) throws -> Money {
        if let whole = factor.exactInt64 {
            return try amount.multiplied(by: whole)
        }
        return try amount.multiplied(by: factor, rounding: rounding ?? .unnecessary)
    }

    private func divide(_ left: Expression, _ right: Expression, scale: Int?, rounding: RoundingRule, bindings: [String: RuntimeValue]) throws -> RuntimeValue {
        let lhs = try value(of: left, bindings: bindings)
        let rhs = try value(of: right, bindings: bindings)
        if lhs.isAbsent || rhs.isAbsent { return .absent }
        let divisor = try number(rhs, at: right.pointer)
        if case .money(let amount) = lhs {
            let quotient = try ExactDecimal(amount.minorUnits).divided(by: divisor, scale: 0, rounding: rounding)
            return .money(Money(minorUnits: quotient.significand, currency: amount.currency))
        }
        let dividend = try number(lhs, at: left.pointer)
        let digits = scale ?? 0
        let quotient = try dividend.divided(by: divisor, scale: digits, rounding: rounding).normalized()
        // Keep at least the dividend's fraction digits, so 29.00 / 1 reads 29.00 rather than 29.
        let kept = min(max(dividend.scale, 0), digits)
        return .decimal(quotient.scale < kept ? try quotient.rescaled(to: kept, rounding: .unnecessary) : quotient)
    }

    private func toMoney(_ operand: Expression, currency: Expression, table: CurrencyExponentTable, rounding: RoundingRule, bindings: [String: RuntimeValue]) throws -> RuntimeValue {
        let amount = try value(of: operand, bindings: bindings)
        let code = try value(of: currency, bindings: bindings)
        if amount.isAbsent || code.isAbsent { return .absent }
        guard let text = code.stringValue, let parsed = CurrencyCode(text) else {
            throw failure(.invalidValue, at: currency.pointer, "\(code.summary) is not a currency code", hint: "give to_money a currency such as {\"path\": \"object.currency\"}")
        }
        return .money(try Money(decimal: try number(amount, at: operand.pointer), currency: parsed, table: table, rounding: rounding))
    }

    private func withMoney(_ operand: Expression, bindings: [String: RuntimeValue], _ body: (Money) throws -> RuntimeValue) throws -> RuntimeValue {
        let result = try value(of: operand, bindings: bindings)
        if result.isAbsent { return .absent }
        guard case .money(let amount) = result else {
            throw failure(.invalidValue, at: operand.pointer, "expected money but got \(result.summary)", hint: "pass an amount")
        }
        return try body(amount)
    }

    private func number(_ value: RuntimeValue, at pointer: JSONPointer) throws(MappingEvaluationError) -> ExactDecimal {
        guard let decimal = value.decimalValue else {
            throw failure(.invalidValue, at: pointer, "expected a number but got \(value.summary)", hint: "pass a number")
        }
        return decimal
    }
}
