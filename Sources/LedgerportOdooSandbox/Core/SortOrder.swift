import LedgerportSDK

/// An `ORDER BY` clause in Odoo's syntax: `complete_name asc, id desc`.
struct SortOrder {
    struct Key {
        let field: String
        let ascending: Bool
    }

    let keys: [Key]

    /// Parses the clause; fields must exist on `model`.
    init(_ text: String, model: ModelDefinition) throws {
        var keys: [Key] = []
        for part in text.split(separator: ",") {
            let words = part.split(separator: " ").map { String($0) }
            guard let field = words.first else { continue }
            guard model.field(field) != nil else {
                throw OdooFault(.valueError, "Invalid field \(PythonRepr.quoted(field)) on model \(PythonRepr.quoted(model.name))")
            }
            let direction = words.count > 1 ? words[1].lowercased() : "asc"
            guard direction == "asc" || direction == "desc" else {
                throw OdooFault(.valueError, "Invalid \"order\" specified (\(text)).")
            }
            keys.append(Key(field: field, ascending: direction == "asc"))
        }
        self.keys = keys
    }
}

extension Transaction {
    /// Sorts `ids` of `model` by `order`, or by the model's default order; `id` breaks remaining ties.
    package func sorted(_ model: String, _ ids: [Int], order: String? = nil) throws -> [Int] {
        let definition = try self.definition(model)
        let sortOrder = try SortOrder(order ?? definition.order, model: definition)
        var sortValues: [Int: [JSONValue]] = [:]
        for id in ids {
            sortValues[id] = try sortOrder.keys.map { key in
                try sortValue(definition, id, definition.field(key.field)!)
            }
        }
        return ids.sorted { left, right in
            for (position, key) in sortOrder.keys.enumerated() {
                let comparison = SortComparison.compare(sortValues[left]![position], sortValues[right]![position])
                if comparison != 0 {
                    return key.ascending ? comparison < 0 : comparison > 0
                }
            }
            return left < right
        }
    }

    /// Returns the value a record sorts by: linked records sort by display name, like Odoo's order on the comodel.
    private func sortValue(_ model: ModelDefinition, _ id: Int, _ field: FieldDefinition) throws -> JSONValue {
        if field.name == "id" {
            return .int(id)
        }
        let raw = try rawValue(model, id, field)
        if case .many2one(let comodel) = field.type, let linked = raw.intValue {
            return .string(displayName(comodel, linked))
        }
        return raw
    }
}

/// Compares two sort values as PostgreSQL orders them: empty values last in ascending order.
enum SortComparison {
    static func compare(_ lhs: JSONValue, _ rhs: JSONValue) -> Int {
        switch (lhs.isNull, rhs.isNull) {
        case (true, true): return 0
        case (true, false): return 1
        case (false, true): return -1
        default: break
        }
        if let left = lhs.stringValue, let right = rhs.stringValue {
            return compareText(left, right)
        }
        if case .bool(let left) = lhs, case .bool(let right) = rhs {
            return left == right ? 0 : (left ? 1 : -1)
        }
        if let left = lhs.decimalValue, let right = rhs.decimalValue {
            return left == right ? 0 : (left < right ? -1 : 1)
        }
        return 0
    }

    /// Compares case-insensitively first, as an `en_US.UTF-8` collation sorts, then by exact text.
    private static func compareText(_ lhs: String, _ rhs: String) -> Int {
        let left = lhs.lowercased()
        let right = rhs.lowercased()
        if left != right {
            return left < right ? -1 : 1
        }
        return lhs == rhs ? 0 : (lhs < rhs ? -1 : 1)
    }
}
