import LedgerportSDK

/// The type of a value in a mapping, as the validator infers it before anything runs.
package indirect enum ValueKind: Sendable, Equatable, CustomStringConvertible {
    /// A value whose shape is known only at run time, such as a lookup entry.
    case any
    case null
    case string
    case integer
    case decimal
    case boolean
    case money
    /// An instant, from a canonical `date-time` field.
    case dateTime
    /// A calendar date, `YYYY-MM-DD`.
    case date
    /// A reference to a target record; the model is nil when it is not known statically.
    case reference(model: String?)
    case list(ValueKind)
    /// A target record built by the mapping, with the type of each field.
    case record([String: StaticType])
    /// A canonical object or sub-object, described by its schema node.
    case object(SchemaNode)

    /// Compares kinds; object kinds are equal when they share one schema node.
    package static func == (lhs: ValueKind, rhs: ValueKind) -> Bool {
        switch (lhs, rhs) {
        case (.any, .any), (.null, .null), (.string, .string), (.integer, .integer), (.decimal, .decimal),
            (.boolean, .boolean), (.money, .money), (.dateTime, .dateTime), (.date, .date):
            return true
        case (.reference(let left), .reference(let right)): return left == right
        case (.list(let left), .list(let right)): return left == right
        case (.record(let left), .record(let right)): return left == right
        case (.object(let left), .object(let right)): return left === right
        default: return false
        }
    }

    /// Whether a value of this kind is a number (an integer or a decimal).
    package var isNumeric: Bool {
        self == .integer || self == .decimal
    }

    /// The kind both `self` and `other` fit: equal kinds stay, integer and decimal
    /// join to decimal, records join field by field, anything else is ``any``.
    package func joined(with other: ValueKind) -> ValueKind {
        switch (self, other) {
        case _ where self == other: return self
        case (.null, _): return other
        case (_, .null): return self
        case (.integer, .decimal), (.decimal, .integer): return .decimal
        case (.reference, .reference): return .reference(model: nil)
        case (.list(let left), .list(let right)): return .list(left.joined(with: right))
        case (.record(let left), .record(let right)): return .record(ValueKind.joinedFields(left, right))
        default: return .any
        }
    }

    private static func joinedFields(_ left: [String: StaticType], _ right: [String: StaticType]) -> [String: StaticType] {
        var fields = [String: StaticType]()
        for name in Set(left.keys).union(right.keys) {
            switch (left[name], right[name]) {
            case (let one?, let other?): fields[name] = one.joined(with: other)
            case (let only?, nil), (nil, let only?): fields[name] = only.orAbsent()
            case (nil, nil): break
            }
        }
        return fields
    }

    /// A name for error messages, such as `money` or `list of invoice line objects`.
    package var description: String {
        switch self {
        case .any: "any value"
        case .null: "null"
        case .string: "string"
        case .integer: "integer"
        case .decimal: "decimal"
        case .boolean: "boolean"
        case .money: "money"
        case .dateTime: "date-time"
        case .date: "date"
        case .reference(let model): model.map { "reference to \($0)" } ?? "reference"
        case .list(let element): "list of \(element)"
        case .record: "record"
        case .object(let node): node.summary.map { "object (\($0.prefix(60)))" } ?? "object"
        }
    }
}

/// A ``ValueKind`` plus whether the value can be absent (the target field is
/// left out) or null at run time.
package struct StaticType: Sendable, Equatable, CustomStringConvertible {
    /// The type of the value when there is one.
    package var kind: ValueKind
    /// Whether evaluation can produce no value at all, which leaves the target field out.
    package var mayBeAbsent: Bool
    /// Whether evaluation can produce null, which clears the target field.
    package var mayBeNull: Bool

    /// Creates a type; the null kind may always be null.
    package init(_ kind: ValueKind, mayBeAbsent: Bool = false, mayBeNull: Bool = false) {
        self.kind = kind
        self.mayBeAbsent = mayBeAbsent
        self.mayBeNull = mayBeNull || kind == .null
    }

    /// A value known only at run time.
    package static let any = StaticType(.any)
    /// A string that is always there.
    package static let string = StaticType(.string)
    /// A boolean that is always there.
    package static let boolean = StaticType(.boolean)

    /// The same type, possibly absent.
    package func orAbsent(_ flag: Bool = true) -> StaticType {
        StaticType(kind, mayBeAbsent: mayBeAbsent || flag, mayBeNull: mayBeNull)
    }

    /// The type a value of either type fits.
    package func joined(with other: StaticType) -> StaticType {
        StaticType(kind.joined(with: other.kind), mayBeAbsent: mayBeAbsent || other.mayBeAbsent, mayBeNull: mayBeNull || other.mayBeNull)
    }

    /// A name for messages, such as `money or null (possibly omitted)`.
    package var description: String {
        var text = kind.description
        if mayBeNull && kind != .null { text += " or null" }
        if mayBeAbsent { text += " (possibly omitted)" }
        return text
    }
}
