import Foundation
import LedgerportSDK

extension Evaluation {
    /// Evaluates `date`, `year_month` and `add_days`.
    func date(_ expression: Expression, bindings: [String: RuntimeValue]) throws(MappingEvaluationError) -> RuntimeValue {
        switch expression.node {
        case .calendarDate(let operand, let zone):
            return try calendarDate(operand, zone: zone, bindings: bindings).map(RuntimeValue.date) ?? .absent
        case .yearMonth(let operand, let zone):
            return try calendarDate(operand, zone: zone, bindings: bindings).map { .json(.string($0.yearMonth)) } ?? .absent
        case .addDays(let start, let days):
            let date = try value(of: start, bindings: bindings)
            let count = try value(of: days, bindings: bindings)
            if date.isAbsent || count.isAbsent { return .absent }
            guard case .date(let day) = date, let offset = count.decimalValue?.exactInt64, let days = Int(exactly: offset), abs(days) <= 100_000 else {
                throw failure(.invalidValue, at: expression.pointer, "add_days needs a date and a whole number of days, got \(date.summary) and \(count.summary)", hint: "pass a date and an integer")
            }
            return .date(day.adding(days: days))
        default:
            preconditionFailure("date called for a node that is not a date operator")
        }
    }

    /// The calendar date of an instant in the chosen zone; a date passes through unchanged.
    private func calendarDate(_ operand: Expression, zone: ZoneChoice, bindings: [String: RuntimeValue]) throws(MappingEvaluationError) -> CalendarDate? {
        let result = try value(of: operand, bindings: bindings)
        switch result {
        case .absent: return nil
        case .dateTime(let instant):
            switch zone {
            case .tenant: return CalendarDate(instant, in: context.timeZone)
            case .fixed(let timeZone): return CalendarDate(instant, in: timeZone)
            }
        case .date(let date): return date
        default:
            throw failure(.invalidValue, at: operand.pointer, "expected a date-time or a date but got \(result.summary)", hint: "pass a date-time field such as object.created_at")
        }
    }
}
