import Foundation
import LedgerportSDK

/// A validated mapping expression: what it computes, its static type, and where it is written.
package struct Expression: Sendable {
    /// The operator and its operands.
    package var node: ExpressionNode
    /// The type validation inferred.
    package var type: StaticType
    /// The place of the expression in the mapping document, for errors at evaluation time.
    package var pointer: JSONPointer

    /// Creates an expression from its parts.
    package init(_ node: ExpressionNode, type: StaticType, pointer: JSONPointer) {
        self.node = node
        self.type = type
        self.pointer = pointer
    }
}

/// The operators of the mapping language, after validation.
///
/// docs/mappings.md describes each one with its JSON form; the cases here
/// carry what evaluation needs, with names and tables already resolved.
package indirect enum ExpressionNode: Sendable {
    case constant(RuntimeValue)
    case list([Expression])
    case record([String: Expression])
    case path(PathRead)
    case fieldTest(FieldState, FieldPath)
    /// Whether an expression gives a value: neither omitted nor null.
    case hasValue(Expression)
    case lookup(LookupCall)
    case reference(model: String, externalID: Expression)
    case externalID([Expression])
    case concat([Expression])
    case text(TextTransform, Expression)
    case coalesce([Expression])
    case conditional(Expression, then: Expression, otherwise: Expression?)
    case comparison(ComparisonOperator, Expression, Expression)
    case membership(Expression, in: Expression)
    case all([Expression])
    case any([Expression])
    case not(Expression)
    case sum(Expression, currency: Expression?)
    case add([Expression])
    case subtract(Expression, Expression)
    case negate(Expression)
    case absolute(Expression)
    case multiply(Expression, Expression, rounding: RoundingRule?)
    case divide(Expression, Expression, scale: Int?, rounding: RoundingRule)
    case round(Expression, scale: Int, rounding: RoundingRule)
    case toDecimal(Expression, table: CurrencyExponentTable)
    case toMoney(Expression, currency: Expression, table: CurrencyExponentTable, rounding: RoundingRule)
    case convertExponent(Expression, from: CurrencyExponentTable, to: CurrencyExponentTable, rounding: RoundingRule)
    case currencyOf(Expression)
    case calendarDate(Expression, zone: ZoneChoice)
    case yearMonth(Expression, zone: ZoneChoice)
    case addDays(Expression, Expression)
    case each(Iteration, value: Expression)
    case flatten([Expression])
    case count(Expression)
}

/// A field path such as `object.lines` or `line.amount`, resolved against the canonical schema.
package struct FieldPath: Sendable, CustomStringConvertible {
    /// The start of a path.
    package enum Root: Sendable, Hashable {
        /// The event envelope (`event.id`, `event.occurred_at`, ...).
        case event
        /// The canonical object the event carries (`object.total`).
        case object
        /// The evaluation context (`context.tenant_id`, `context.time_zone`).
        case context
        /// A name bound by an iteration (`line` in `"as": "line"`).
        case variable(String)
    }

    /// The root the path starts at.
    package var root: Root
    /// The member names (or array indexes) after the root.
    package var tokens: [String]
    /// The path as written.
    package var text: String
    /// The schema node of the value the path names, when the path ends inside a canonical document.
    package var leaf: SchemaNode?
    /// The type of the value the path names.
    package var kind: ValueKind

    /// The path as written.
    package var description: String { text }
}

/// The rule a mapping applies when a field it reads is missing, null or empty.
package enum FieldPolicy: Sendable, Hashable {
    /// Use the value as it is (only for empty values).
    case accept
    /// Leave the target field out, so the target keeps what it has.
    case omit
    /// Send null, so the target clears the field.
    case clear
    /// Fail the event with a business error; the text, when given, tells the finance operator what to do.
    case reject(String?)
    /// Use this value instead.
    case value(RuntimeValue)
}

/// A field read with its policies for missing, null and empty values.
package struct PathRead: Sendable {
    /// The field read.
    package var path: FieldPath
    /// The policy when the field is missing.
    package var missing: FieldPolicy
    /// The policy when the field is null.
    package var null: FieldPolicy
    /// The policy when the field is empty.
    package var empty: FieldPolicy
}

/// The state of a field that `is_missing`, `is_null`, `is_empty` and `is_present` test.
package enum FieldState: String, Sendable, Hashable, CaseIterable {
    case missing
    case null
    case empty
    /// Neither missing, null nor empty.
    case present
}

/// A lookup of a key in one of the mapping's tables.
package struct LookupCall: Sendable {
    /// The name of the lookup table.
    package var table: String
    /// The key to look up.
    package var key: Expression
    /// The member to take from an entry whose value is an object.
    package var field: String?
}

/// A string normalisation.
package enum TextTransform: String, Sendable, Hashable, CaseIterable {
    /// Removes leading and trailing white space.
    case trim
    case lowercase
    case uppercase
    /// Trims and lowercases an email address, so the same address always compares equal.
    case email
}

/// A comparison between two values.
package enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
    case eq, ne, lt, le, gt, ge

    /// Whether the operator orders values rather than testing equality.
    package var isOrdering: Bool {
        self != .eq && self != .ne
    }
}

/// The time zone a date is taken in.
package enum ZoneChoice: Sendable, Hashable {
    /// The tenant's time zone from the evaluation context.
    case tenant
    /// A fixed IANA time zone.
    case fixed(TimeZone)
}

/// An iteration over a list: each element is bound to ``variable``.
package struct Iteration: Sendable {
    /// The list iterated over.
    package var over: Expression
    /// The name bound to each element.
    package var variable: String
    /// A name bound to the element's position, starting at 0.
    package var indexVariable: String?
    /// A condition an element must meet to be kept.
    package var filter: Expression?
}
