import LedgerportSDK

/// Decides whether records match a ``Domain``, with Odoo's operator semantics.
///
/// Text operators follow PostgreSQL as Odoo drives it: `like` and `=like` are
/// case-sensitive, `ilike` and `=ilike` are not, `like`/`ilike` add `%` around
/// the value while `=like`/`=ilike` do not, and negative operators also match
/// empty columns. A many2one or x2many compared with text compares the display
/// names of the linked records.
struct DomainEvaluator {
    let transaction: Transaction

    func matches(_ domain: Domain, model: ModelDefinition, id: Int) throws -> Bool {
        switch domain {
        case .all: return true
        case .none: return false
        case .and(let parts):
            for part in parts where try !matches(part, model: model, id: id) {
                return false
            }
            return true
        case .or(let parts):
            for part in parts where try matches(part, model: model, id: id) {
                return true
            }
            return false
        case .not(let inner):
            return try !matches(inner, model: model, id: id)
        case .leaf(let leaf):
            return try matches(leaf, model: model, id: id)
        }
    }

    private func matches(_ leaf: DomainLeaf, model: ModelDefinition, id: Int) throws -> Bool {
        var current = model
        var ids = [id]
        for name in leaf.path.dropLast() {
            let field = current.field(name)!
            ids = try ids.flatMap { try transaction.rawValue(current, $0, field).linkedIDs }
            current = try transaction.definition(field.type.relation!)
        }
        let field = current.field(leaf.path.last!)!
        if ids.isEmpty {
            return compare(field: field, model: current, value: .null, leaf: leaf)
        }
        for linked in ids {
            let value = field.name == "id" ? JSONValue.int(linked) : try transaction.rawValue(current, linked, field)
            if compare(field: field, model: current, value: value, leaf: leaf) {
                return true
            }
        }
        return false
    }

    private func compare(field: FieldDefinition, model: ModelDefinition, value: JSONValue, leaf: DomainLeaf) -> Bool {
        switch field.type {
        case .many2one(let comodel):
            return compareLinks(value.isNull ? [] : [value.intValue ?? 0], comodel: comodel, leaf: leaf, single: true)
        case .one2many(let comodel, _), .many2many(let comodel):
            return compareLinks(value.idList, comodel: comodel, leaf: leaf, single: false)
        case .boolean:
            return compareBoolean(value.isTruthy, leaf: leaf)
        case .integer, .float, .monetary:
            return compareNumber(value.decimalValue ?? .zero, leaf: leaf)
        default:
            return compareText(value.stringValue, leaf: leaf)
        }
    }

    // MARK: Relations

    private func compareLinks(_ ids: [Int], comodel: String, leaf: DomainLeaf, single: Bool) -> Bool {
        let target = leaf.value
        switch leaf.comparison {
        case "=", "!=", "<>":
            let equal: Bool
            if !target.isTruthy {
                equal = ids.isEmpty
            } else if let text = target.stringValue {
                equal = ids.contains { transaction.displayName(comodel, $0) == text }
            } else if case .array = target {
                equal = !Set(ids).isDisjoint(with: target.idList)
            } else {
                equal = ids.contains(target.intValue ?? -1)
            }
            return leaf.comparison == "=" ? equal : !equal
        case "in", "not in":
            let wanted = target.arrayValue ?? [target]
            let wantsEmpty = wanted.contains { !$0.isTruthy }
            let found = (!Set(ids).isDisjoint(with: wanted.compactMap(\.intValue))) || (wantsEmpty && ids.isEmpty)
            return leaf.comparison == "in" ? found : !found
        case "child_of", "parent_of":
            let roots = target.arrayValue?.compactMap(\.intValue) ?? [target.intValue].compactMap { $0 }
            let family = leaf.comparison == "child_of"
                ? transaction.descendants(comodel, of: roots) : transaction.ancestors(comodel, of: roots)
            return !Set(ids).isDisjoint(with: family)
        case "<", "<=", ">", ">=":
            guard let bound = target.intValue else { return false }
            return ids.contains { compareOrdered(ExactDecimal(Int64($0)), ExactDecimal(Int64(bound)), leaf.comparison) }
        default:
            let names = ids.map { transaction.displayName(comodel, $0) }
            if leaf.comparison.hasPrefix("not") {
                let positive = DomainLeaf(path: leaf.path, comparison: String(leaf.comparison.dropFirst(4)), value: target)
                return !names.contains { TextPattern.matches($0, leaf: positive) }
            }
            return names.contains { TextPattern.matches($0, leaf: leaf) }
        }
    }

    // MARK: Scalars

    private func compareBoolean(_ value: Bool, leaf: DomainLeaf) -> Bool {
        switch leaf.comparison {
        case "=": return value == leaf.value.isTruthy
        case "!=", "<>": return value != leaf.value.isTruthy
        case "in": return (leaf.value.arrayValue ?? []).contains { $0.isTruthy == value }
        case "not in": return !(leaf.value.arrayValue ?? []).contains { $0.isTruthy == value }
        default: return false
        }
    }

    private func compareNumber(_ value: ExactDecimal, leaf: DomainLeaf) -> Bool {
        switch leaf.comparison {
        case "in", "not in":
            let found = (leaf.value.arrayValue ?? []).contains { ($0.decimalValue ?? .zero) == value }
            return leaf.comparison == "in" ? found : !found
        case "=", "!=", "<>", "<", "<=", ">", ">=":
            let bound = leaf.value.decimalValue ?? .zero
            return compareOrdered(value, bound, leaf.comparison)
        default:
            return compareText(value.normalized().description, leaf: leaf)
        }
    }

    private func compareText(_ value: String?, leaf: DomainLeaf) -> Bool {
        let target = leaf.value
        switch leaf.comparison {
        case "=":
            return target.isTruthy ? value == target.stringValue : (value ?? "").isEmpty
        case "!=", "<>":
            return target.isTruthy ? value != target.stringValue : !(value ?? "").isEmpty
        case "in", "not in":
            let wanted = target.arrayValue ?? [target]
            let found = wanted.contains { $0.isTruthy ? $0.stringValue == value : value == nil }
            return leaf.comparison == "in" ? found : !found
        case "<", "<=", ">", ">=":
            guard let value, let bound = target.stringValue else { return false }
            return compareOrdered(value, bound, leaf.comparison)
        default:
            if leaf.comparison.hasPrefix("not") {
                guard let value else { return true }
                let positive = DomainLeaf(path: leaf.path, comparison: String(leaf.comparison.dropFirst(4)), value: target)
                return !TextPattern.matches(value, leaf: positive)
            }
            guard let value else { return false }
            return TextPattern.matches(value, leaf: leaf)
        }
    }

    private func compareOrdered<Value: Comparable>(_ value: Value, _ bound: Value, _ comparison: String) -> Bool {
        switch comparison {
        case "=": value == bound
        case "!=", "<>": value != bound
        case "<": value < bound
        case "<=": value <= bound
        case ">": value > bound
        default: value >= bound
        }
    }
}

/// SQL `LIKE` patterns as Odoo builds them from `like`, `ilike`, `=like` and `=ilike`.
enum TextPattern {
    static func matches(_ text: String, leaf: DomainLeaf) -> Bool {
        let needle = leaf.value.stringValue ?? leaf.value.decimalValue?.description ?? ""
        switch leaf.comparison {
        case "like": return text.contains(needle)
        case "ilike": return text.lowercased().contains(needle.lowercased())
        case "=like": return wildcardMatch(Array(text), Array(needle))
        case "=ilike": return wildcardMatch(Array(text.lowercased()), Array(needle.lowercased()))
        default: return false
        }
    }

    /// Matches `%` (any run) and `_` (any one character) as SQL does.
    static func wildcardMatch(_ text: [Character], _ pattern: [Character]) -> Bool {
        var table = Array(repeating: Array(repeating: false, count: pattern.count + 1), count: text.count + 1)
        table[0][0] = true
        for column in stride(from: 1, through: pattern.count, by: 1) where pattern[column - 1] == "%" {
            table[0][column] = table[0][column - 1]
        }
        for row in stride(from: 1, through: text.count, by: 1) {
            for column in stride(from: 1, through: pattern.count, by: 1) {
                switch pattern[column - 1] {
                case "%": table[row][column] = table[row][column - 1] || table[row - 1][column]
                case "_": table[row][column] = table[row - 1][column - 1]
                default: table[row][column] = table[row - 1][column - 1] && text[row - 1] == pattern[column - 1]
                }
            }
        }
        return table[text.count][pattern.count]
    }
}
