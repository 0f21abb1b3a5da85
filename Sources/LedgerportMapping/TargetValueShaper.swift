import LedgerportSDK

/// Converts an evaluated value to the ``TargetValue`` form a target field takes.
///
/// The one conversion it makes is from a whole number to a decimal, so that a
/// mapping can write a quantity of `1` for a field that takes `$decimal`.
/// Absent values are left out of lists and records.
enum TargetValueShaper {
    /// The target value for `value`, or nil when the value is absent.
    static func shape(_ value: RuntimeValue, as kind: TargetFieldKind?) -> TargetValue? {
        switch (value, kind) {
        case (.absent, _):
            return nil
        case (.json(.number(let number)), .decimal?):
            return number.decimal.map(TargetValue.decimal) ?? .json(.number(number))
        case (_, .list(let element)?):
            guard let elements = value.listValue else { return value.targetValue }
            return .list(elements.compactMap { shape($0, as: element) })
        case (.record(let fields), .record(let shapes)?):
            var shaped = [String: TargetValue]()
            for (name, field) in fields {
                shaped[name] = shape(field, as: shapes[name]?.kind)
            }
            return .record(shaped)
        default:
            return value.targetValue
        }
    }
}
