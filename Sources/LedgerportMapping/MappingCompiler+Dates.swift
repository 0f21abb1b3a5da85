import Foundation
import LedgerportSDK

extension MappingCompiler {
    /// Compiles `date` and `year_month` (an instant placed in a time zone) and `add_days`.
    mutating func compileDate(_ call: OperatorCall, scope: Scope) -> Expression {
        if call.name == "add_days" {
            guard let operands = compileOperands(call, count: 2...2, scope: scope) else {
                return Self.invalid(at: call.pointer)
            }
            expect(operands[0], "a date", role: "the first operand of add_days") { $0 == .date }
            expect(operands[1], "an integer", role: "the number of days") { $0 == .integer }
            operands.forEach { expectNotNull($0, role: "each operand of add_days") }
            let type = StaticType(.date, mayBeAbsent: operands.contains(where: \.type.mayBeAbsent))
            return Expression(.addDays(operands[0], operands[1]), type: type, pointer: call.pointer)
        }
        let operand = compileExpression(call.operand, at: call.operandPointer, scope: scope)
        expect(operand, "a date-time or a date", role: "the operand of \(call.name)") { $0 == .dateTime || $0 == .date }
        let zone = zoneOption(call)
        let type = StaticType(call.name == "date" ? .date : .string, mayBeAbsent: operand.type.mayBeAbsent, mayBeNull: operand.type.mayBeNull)
        let node: ExpressionNode = call.name == "date" ? .calendarDate(operand, zone: zone) : .yearMonth(operand, zone: zone)
        return Expression(node, type: type, pointer: call.pointer)
    }

    /// Reads `time_zone`: `"tenant"` (the default) or an IANA identifier such as `Europe/Berlin`.
    private mutating func zoneOption(_ call: OperatorCall) -> ZoneChoice {
        guard let value = call.options["time_zone"] else {
            return .tenant
        }
        guard let name = value.stringValue else {
            report(.typeMismatch, at: call.optionPointer("time_zone"), "time_zone must be a string, found \(value.typeName)", fix: "write \"tenant\" or an IANA time zone such as \"Europe/Berlin\"")
            return .tenant
        }
        if name == "tenant" {
            return .tenant
        }
        guard let zone = TimeZone(identifier: name) else {
            report(.unknownTimeZone, at: call.optionPointer("time_zone"), "\"\(name)\" is not an IANA time zone", fix: "write \"tenant\" or an IANA time zone such as \"Europe/Berlin\"")
            return .tenant
        }
        return .fixed(zone)
    }
}
